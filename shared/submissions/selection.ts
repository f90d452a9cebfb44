import type { TableKind } from '../model/annex-document';
import type { CellField, FileReview, MergeReview, RowReview } from './merge-review';

/**
 * What a person has chosen to take from a review: cells of changed rows, added rows, dropped rows. Immutable: each
 * choice gives a new selection. By default every proposed cell and every added row is taken; conflicts and deletions
 * only when chosen, cell by cell or row by row.
 */
export interface MergeSelection {
  readonly accepted: ReadonlySet<string>;
}

/** A file, a row of it, or one cell of a changed row. */
export type SelectionTarget =
  | { readonly fileHash: string }
  | { readonly fileHash: string; readonly table: TableKind; readonly rowId: string }
  | { readonly fileHash: string; readonly table: TableKind; readonly rowId: string; readonly field: CellField };

const rowKey = (fileHash: string, row: Pick<RowReview, 'table' | 'rowId'>): string => `${fileHash}|${row.table}|${row.rowId}`;
const cellKey = (fileHash: string, row: Pick<RowReview, 'table' | 'rowId'>, field: CellField): string => `${rowKey(fileHash, row)}|${field}`;

/** The keys a row offers: its cells to take when changed, the row itself when added or dropped; with conflicts or not. */
function rowChoices(fileHash: string, row: RowReview, conflicts: boolean): string[] {
  switch (row.kind) {
    case 'changed':
      return row.cells.filter((cell) => cell.state === 'proposed' || (conflicts && cell.state === 'conflict')).map((cell) => cellKey(fileHash, row, cell.field));
    case 'added':
    case 'deleted':
      return [rowKey(fileHash, row)];
    default:
      return [];
  }
}

export function defaultSelection(review: MergeReview): MergeSelection {
  const accepted = new Set<string>();
  for (const file of review.files) {
    if (file.status !== 'ok') continue;
    for (const row of file.rows) if (row.kind === 'changed' || row.kind === 'added') for (const key of rowChoices(file.fileHash, row, false)) accepted.add(key);
  }
  return { accepted };
}

/** Every choice a file offers, conflicts and dropped rows too, gathered in one pass over its rows. */
export function selectAll(file: FileReview): MergeSelection {
  const accepted = new Set<string>();
  if (file.status === 'ok') for (const row of file.rows) for (const key of rowChoices(file.fileHash, row, true)) accepted.add(key);
  return { accepted };
}

/** The keys a target covers. Accepting a row or a file takes what it proposes, never a conflict unseen; a cell may be taken though it conflicts. */
function keysOf(review: MergeReview, target: SelectionTarget, accept: boolean): string[] {
  const file = review.files.find((candidate) => candidate.fileHash === target.fileHash && candidate.status === 'ok');
  if (!file) return [];
  const rows = 'rowId' in target ? file.rows.filter((row) => row.table === target.table && row.rowId === target.rowId) : file.rows;
  if ('field' in target) {
    return rows.flatMap((row) => (row.kind === 'changed' && row.cells.some((cell) => cell.field === target.field && cell.state !== 'same') ? [cellKey(file.fileHash, row, target.field)] : []));
  }
  return rows.flatMap((row) => rowChoices(file.fileHash, row, !accept));
}

export function choose(selection: MergeSelection, review: MergeReview, target: SelectionTarget, accept: boolean): MergeSelection {
  const accepted = new Set(selection.accepted);
  for (const key of keysOf(review, target, accept)) {
    if (accept) accepted.add(key);
    else accepted.delete(key);
  }
  return { accepted };
}

export const isCellChosen = (selection: MergeSelection, file: FileReview, row: RowReview, field: CellField): boolean =>
  selection.accepted.has(cellKey(file.fileHash, row, field));

export const isRowChosen = (selection: MergeSelection, file: FileReview, row: RowReview): boolean =>
  row.kind === 'changed' ? row.cells.some((cell) => isCellChosen(selection, file, row, cell.field)) : selection.accepted.has(rowKey(file.fileHash, row));
