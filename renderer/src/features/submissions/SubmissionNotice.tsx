import { useEffect } from 'react';

// Long enough to read a sentence; the undo button's tooltip keeps the change's name after.
const SHOWN_MS = 12_000;

/** What a send, a send-back or a merge just did, shown over the status bar until read or dismissed. */
export function SubmissionNotice({ text, onDismiss }: { readonly text: string; readonly onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, SHOWN_MS);
    return () => clearTimeout(timer);
  }, [text, onDismiss]);
  return (
    <div className="submission-notice" role="status" data-testid="submission-notice">
      <span>{text}</span>
      <button type="button" className="close" aria-label="お知らせを閉じる" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
