import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { DialogServiceWithHost } from './dialog-service';

/** The one modal: focus goes to the primary button; Escape answers the cancel button. */
export function DialogHost({ dialogs }: { readonly dialogs: DialogServiceWithHost }) {
  const open = useSyncExternalStore(dialogs.subscribe, dialogs.current);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), [open]);
  if (!open) return null;
  const { request, answer } = open;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            answer(request.cancelId);
          }
        }}
      >
        <h2 id="dialog-title">{request.title}</h2>
        <p className="dialog-message">{request.message}</p>
        {request.details && request.details.length > 0 && (
          <ul className="dialog-details">
            {request.details.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        )}
        <div className="dialog-buttons">
          {request.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              ref={button.primary ? primary : undefined}
              className={button.primary ? 'primary' : undefined}
              onClick={() => answer(button.id)}
            >
              {button.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
