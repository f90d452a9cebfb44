import type { FileReview, RowReview } from '../../../../shared/submissions/merge-review';
import { isCellChosen, isRowChosen, type MergeSelection } from '../../../../shared/submissions/selection';

/** What a row's or a file's checkbox shows of the selection the core keeps. */
export type Tristate = 'on' | 'off' | 'mixed';

export interface Choice {
  readonly state: Tristate;
  /** Nothing a click could take: a row whose only changes are conflicts is chosen cell by cell. */
  readonly disabled: boolean;
}

const NONE: Choice = { state: 'off', disabled: true };

const tristate = (chosen: number, of: number): Tristate => (chosen === 0 ? 'off' : chosen === of ? 'on' : 'mixed');

export function rowChoice(selection: MergeSelection, file: FileReview, row: RowReview): Choice {
  if (file.status !== 'ok') return NONE;
  if (row.kind === 'added' || row.kind === 'deleted') return { state: isRowChosen(selection, file, row) ? 'on' : 'off', disabled: false };
  if (row.kind !== 'changed') return NONE;
  const offered = row.cells.filter((cell) => cell.state !== 'same');
  const chosen = offered.filter((cell) => isCellChosen(selection, file, row, cell.field)).length;
  const proposed = offered.some((cell) => cell.state === 'proposed');
  return { state: tristate(chosen, offered.length), disabled: chosen === 0 && !proposed };
}

export function fileChoice(selection: MergeSelection, file: FileReview): Choice {
  const rows = file.rows.map((row) => rowChoice(selection, file, row)).filter((choice) => !choice.disabled || choice.state !== 'off');
  if (rows.length === 0) return NONE;
  const on = rows.filter((choice) => choice.state === 'on').length;
  const off = rows.filter((choice) => choice.state === 'off').length;
  return { state: on === rows.length ? 'on' : off === rows.length ? 'off' : 'mixed', disabled: false };
}
