import { useSyncExternalStore } from 'react';
import { ProgressStrip } from '../progress/ProgressStrip';
import type { MeasureProgressStore } from './measure-progress';

const count = (rows: number): string => rows.toLocaleString('ja-JP');

/** While a long annex's rows are measured for the preview: how many, and キャンセル to leave. */
export function PrintLayoutProgress({ progress, onCancel }: { readonly progress: MeasureProgressStore; readonly onCancel: () => void }) {
  const state = useSyncExternalStore(progress.subscribe, progress.current);
  if (!state) return null;
  return (
    <ProgressStrip
      key={state.startedAt}
      label="ページを割り付けています"
      startedAt={state.startedAt}
      fraction={state.total > 0 ? state.done / state.total : 0}
      detail={`${count(state.done)} / ${count(state.total)} 行`}
      onCancel={onCancel}
      testId="print-layout-progress"
    />
  );
}
