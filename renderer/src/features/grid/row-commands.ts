import type { EditCommand } from '../../../../shared/editing/edit-command';
import type { AnnexRow, TableKind } from '../../../../shared/model/annex-document';
import { newRowId } from '../../../../shared/model/row-ids';
import { emptyRow } from './cell-values';
import type { GridView } from './selection';

/** A row command and the rows to select once it is applied. */
export interface RowCommand {
  readonly command: EditCommand;
  readonly selectRowIds: readonly string[];
}

/** As many empty rows as are selected, above the first or below the last selected row (Excel's Insert). */
export function insertRows(table: TableKind, positions: readonly number[], where: 'above' | 'below', rowCount: number): RowCommand {
  const count = Math.max(1, positions.length);
  const index = positions.length === 0 ? (where === 'above' ? 0 : rowCount) : where === 'above' ? Math.min(...positions) : Math.max(...positions) + 1;
  const rows = Array.from({ length: count }, () => emptyRow(table));
  return {
    command: { type: 'insert-rows', label: count > 1 ? `${count}行の挿入` : '行の挿入', table, index, rows },
    selectRowIds: rows.map((row) => row.id),
  };
}

export function deleteRows(table: TableKind, rowIds: readonly string[]): RowCommand | null {
  if (rowIds.length === 0) return null;
  return { command: { type: 'delete-rows', label: rowIds.length > 1 ? `${rowIds.length}行の削除` : '行の削除', table, rowIds }, selectRowIds: [] };
}

/** Copies of the selected rows (new ids, same content) right below the last of them. */
export function duplicateRows(table: TableKind, rows: readonly AnnexRow[], positions: readonly number[]): RowCommand | null {
  if (rows.length === 0) return null;
  const copies = rows.map((row) => ({ ...row, id: newRowId(table) }));
  return {
    command: { type: 'insert-rows', label: rows.length > 1 ? `${rows.length}行の複製` : '行の複製', table, index: Math.max(...positions) + 1, rows: copies },
    selectRowIds: copies.map((row) => row.id),
  };
}

/**
 * Moves the selected rows one shown row up or down (past rows a filter hides). `toIndex` counts positions in
 * the table before the move, as the 'move-rows' command reads it.
 */
export function moveRowsBy(
  table: TableKind,
  rowIds: readonly string[],
  delta: -1 | 1,
  view: GridView,
  position: (rowId: string) => number | undefined,
): RowCommand | null {
  const indices = rowIds.map((id) => view.rowIndex(id)).filter((index): index is number => index !== undefined);
  if (indices.length === 0) return null;
  const neighbourIndex = delta < 0 ? Math.min(...indices) - 1 : Math.max(...indices) + 1;
  const neighbour = view.rowIdAt(neighbourIndex);
  const neighbourPosition = neighbour === undefined ? undefined : position(neighbour);
  if (neighbourPosition === undefined) return null;
  const toIndex = delta < 0 ? neighbourPosition : neighbourPosition + 1;
  return { command: { type: 'move-rows', label: delta < 0 ? '行を上へ移動' : '行を下へ移動', table, rowIds, toIndex }, selectRowIds: rowIds };
}

/** A drop of dragged rows on a shown row: above it when moving up, below it when moving down. */
export function moveRowsTo(
  table: TableKind,
  rowIds: readonly string[],
  overPosition: number,
  movingDown: boolean,
): RowCommand {
  return {
    command: { type: 'move-rows', label: '行の移動', table, rowIds, toIndex: movingDown ? overPosition + 1 : overPosition },
    selectRowIds: rowIds,
  };
}
