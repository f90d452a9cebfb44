import { useEffect, useState, useSyncExternalStore } from 'react';
import type { DocumentIo } from '../../workers/document-io';

// Quick work shows nothing; a bar that flashes for a moment only distracts.
const SHOW_AFTER_MS = 300;

/**
 * Long file work (a large import, save or export) runs in the worker while the window stays usable; this
 * bar says what is running and offers to stop it.
 */
export function IoProgress({ io }: { readonly io: DocumentIo }) {
  const activity = useSyncExternalStore(io.activity.subscribe, io.activity.current);
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!activity) return undefined;
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, [activity]);
  if (!activity || now - activity.startedAt < SHOW_AFTER_MS) return null;
  const seconds = Math.floor((now - activity.startedAt) / 1000);
  return (
    <div className="io-progress" role="status" data-testid="io-progress">
      <span className="io-progress-label">{activity.label}…</span>
      <div className="io-progress-bar" role="progressbar" aria-label={activity.label} aria-busy="true">
        <div className="io-progress-fill" />
      </div>
      <span className="io-progress-time">{seconds} 秒</span>
      <button type="button" onClick={() => io.cancel()}>
        キャンセル
      </button>
    </div>
  );
}
