import { useEffect, useRef, useState } from 'react';
import type { MergeCounts } from './use-review';

interface ReviewFooterProps {
  /** What 取り込む would do; null when no file can change anything. */
  readonly counts: MergeCounts | null;
  readonly busy: boolean;
  /** The shown file is one that can be sent back (a reviewed answer). */
  readonly canSendBack: boolean;
  readonly onSendBack: () => Promise<void>;
  readonly onApply: () => Promise<void>;
  readonly onClose: () => void;
}

type Button = 'apply' | 'send-back';

/** What the selection takes, and the screen's ways out: 差し戻し, 取り込む (the default), キャンセル. */
export function ReviewFooter({ counts, busy, canSendBack, onSendBack, onApply, onClose }: ReviewFooterProps) {
  const buttons = { apply: useRef<HTMLButtonElement>(null), 'send-back': useRef<HTMLButtonElement>(null) };
  const [refocus, setRefocus] = useState<Button | null>(null);
  // A message dialog answered in between leaves focus nowhere: back to the button once it is enabled again.
  useEffect(() => {
    if (!refocus || busy) return;
    buttons[refocus].current?.focus();
    setRefocus(null);
    // The refs are the same objects every render.
  }, [refocus, busy]);
  const after = (work: Promise<void>, button: Button): void => void work.finally(() => setRefocus(button));
  return (
    <footer className="submission-review-footer">
      <span className="review-selection" data-testid="review-selection">
        {counts
          ? `取り込む内容: セルの変更 ${counts.cells}・行の追加 ${counts.added}・行の削除 ${counts.deleted}（受け取りを記録するファイル ${counts.files} 件）`
          : '取り込めるファイルはありません。'}
      </span>
      <button
        ref={buttons['send-back']}
        type="button"
        disabled={busy || !canSendBack}
        title="選んでいるファイルの回答を、問題の箇所に色を付けて課に返すブックにします"
        onClick={() => after(onSendBack(), 'send-back')}
      >
        差し戻し用ファイルを作成…
      </button>
      <span className="footer-gap" />
      <button ref={buttons.apply} type="button" className="primary" disabled={busy || !counts} onClick={() => after(onApply(), 'apply')}>
        取り込む
      </button>
      <button type="button" disabled={busy} onClick={onClose}>
        キャンセル
      </button>
    </footer>
  );
}
