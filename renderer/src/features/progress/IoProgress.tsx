import { useSyncExternalStore } from 'react';
import type { DocumentIo } from '../../workers/document-io';
import { ProgressStrip } from './ProgressStrip';

/**
 * Long file work (a large import, save or export) runs in the worker while the window stays usable; this
 * bar says what is running and offers to stop it.
 */
export function IoProgress({ io }: { readonly io: DocumentIo }) {
  const activity = useSyncExternalStore(io.activity.subscribe, io.activity.current);
  if (!activity) return null;
  return <ProgressStrip key={activity.startedAt} label={activity.label} startedAt={activity.startedAt} onCancel={() => io.cancel()} testId="io-progress" />;
}
