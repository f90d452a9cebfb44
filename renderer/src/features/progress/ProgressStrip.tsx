import { useEffect, useState } from 'react';

// Quick work shows nothing; a bar that flashes for a moment only distracts.
const SHOW_AFTER_MS = 300;

/**
 * The bar at the bottom for long work that leaves the window usable: what runs, how far it has come (or
 * how long it has run) and a button to stop it.
 */
export function ProgressStrip({
  label,
  startedAt,
  fraction,
  detail,
  onCancel,
  testId,
}: {
  readonly label: string;
  /** performance.now() when the work started. */
  readonly startedAt: number;
  /** The share done, 0 to 1; without it the bar slides, for work that cannot tell. */
  readonly fraction?: number;
  /** Beside the bar, e.g. rows done of all; without it the seconds so far. */
  readonly detail?: string;
  readonly onCancel: () => void;
  readonly testId: string;
}) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(timer);
  }, []);
  if (now - startedAt < SHOW_AFTER_MS) return null;
  const percent = fraction === undefined ? undefined : Math.round(Math.min(Math.max(fraction, 0), 1) * 100);
  return (
    <div className="io-progress" role="status" data-testid={testId}>
      <span className="io-progress-label">{label}…</span>
      <div
        className="io-progress-bar"
        role="progressbar"
        aria-label={label}
        aria-busy="true"
        aria-valuemin={percent === undefined ? undefined : 0}
        aria-valuemax={percent === undefined ? undefined : 100}
        aria-valuenow={percent}
      >
        {percent === undefined ? (
          <div className="io-progress-fill" />
        ) : (
          <div className="io-progress-fill io-progress-determinate" style={{ width: `${percent}%` }} />
        )}
      </div>
      <span className="io-progress-time">{detail ?? `${Math.floor((now - startedAt) / 1000)} 秒`}</span>
      <button type="button" onClick={onCancel}>
        キャンセル
      </button>
    </div>
  );
}
