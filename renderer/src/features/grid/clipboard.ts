import { formatHtmlTable } from '../../../../shared/clipboard/html-table';
import { formatTsv, type CellMatrix } from '../../../../shared/clipboard/tsv';
import { matrixWidth } from '../../../../shared/clipboard/clipboard-table';
import { applyCommand } from '../../../../shared/editing/apply-command';
import type { CellChange, EditCommand } from '../../../../shared/editing/edit-command';
import type { AnnexDocument, AnnexRow, TableKind } from '../../../../shared/model/annex-document';
import { markColumns } from '../../../../shared/model/plan';
import { applyChangeToRow, cellText, changeFromText, emptyRow } from './cell-values';
import type { GridColumn } from './grid-columns';
import type { GridView, Rect } from './selection';

/** What the grid needs to read rows by id and their places in the table. */
export interface RowLookup {
  row(rowId: string): AnnexRow | undefined;
  position(rowId: string): number | undefined;
  column(colId: string): GridColumn | undefined;
}

export function copyCells(rowIds: readonly string[], colIds: readonly string[], lookup: RowLookup): string[][] {
  return rowIds.map((rowId) => {
    const row = lookup.row(rowId);
    const position = lookup.position(rowId) ?? 0;
    return colIds.map((colId) => {
      const column = lookup.column(colId);
      return row && column ? cellText(row, column, position) : '';
    });
  });
}

/** The clipboard's two forms of a block of cells. */
export const clipboardForms = (cells: CellMatrix): { text: string; html: string } => ({ text: formatTsv(cells), html: formatHtmlTable(cells) });

export interface PastePlan {
  /** Rows the paste needs below the last shown row. */
  readonly extraRows: number;
  /** The one command for the paste, with or without the extra rows; null when nothing changes. */
  command(addRows: boolean): EditCommand | null;
  /** The pasted block, for the selection afterwards: first and last row, first and last column. */
  block(addRows: boolean): { rowIds: string[]; colIds: string[] };
}

/**
 * Lays `cells` over the grid from the selection's top-left cell, as Excel does: a block smaller than the
 * selection and fitting it a whole number of times is repeated over it (one cell fills the selection).
 */
export function planPaste(
  cells: CellMatrix,
  target: Rect,
  view: GridView,
  lookup: RowLookup,
  document: AnnexDocument,
  table: TableKind,
): PastePlan {
  const height = cells.length;
  const width = matrixWidth(cells);
  const selRows = target.bottom - target.top + 1;
  const selCols = target.right - target.left + 1;
  const repeatRows = height > 0 && selRows > height && selRows % height === 0 && (selCols % width === 0 || width === 1);
  const repeatCols = width > 0 && selCols > width && selCols % width === 0 && (selRows % height === 0 || height === 1);
  const rowsTall = repeatRows ? selRows : height;
  const colsWide = Math.min(repeatCols ? selCols : width, view.columnIds.length - target.left);
  const shownBelow = view.rowCount - target.top;
  const extraRows = Math.max(0, rowsTall - shownBelow);
  const colIds = view.columnIds.slice(target.left, target.left + colsWide);
  const textAt = (r: number, c: number): string => cells[r % height]?.[c % width] ?? '';

  const lastShown = view.rowIdAt(view.rowCount - 1);
  const insertAt = lastShown !== undefined ? (lookup.position(lastShown) ?? document.tables[table].rows.length - 1) + 1 : document.tables[table].rows.length;
  const markOrder = new Map(markColumns(document.plan).map((mark, index) => [mark.id, index]));
  // New rows get their ids once, so the command and the selection agree.
  const newRows: AnnexRow[] = [];
  for (let r = 0; r < extraRows; r++) {
    let row = emptyRow(table);
    colIds.forEach((colId, c) => {
      const column = lookup.column(colId);
      const change = column ? changeFromText(row, column, textAt(shownBelow + r, c)) : null;
      if (change) row = applyChangeToRow(row, { ...change, rowId: row.id } as CellChange, markOrder);
    });
    newRows.push(row);
  }

  const changes: CellChange[] = [];
  const existingIds: string[] = [];
  for (let r = 0; r < Math.min(rowsTall, shownBelow); r++) {
    const rowId = view.rowIdAt(target.top + r);
    const row = rowId === undefined ? undefined : lookup.row(rowId);
    if (!row) continue;
    existingIds.push(row.id);
    colIds.forEach((colId, c) => {
      const column = lookup.column(colId);
      const change = column ? changeFromText(row, column, textAt(r, c)) : null;
      if (change) changes.push(change);
    });
  }

  return {
    extraRows,
    command(addRows) {
      const update: EditCommand | null = changes.length > 0 ? { type: 'update-cells', label: '貼り付け', table, changes } : null;
      if (!addRows || newRows.length === 0) return update;
      const insert: EditCommand = { type: 'insert-rows', label: '貼り付け', table, index: insertAt, rows: newRows };
      // Changes to existing rows and the added rows undo together: one paste, one step.
      const next = applyCommand(update ? applyCommand(document, update) : document, insert);
      return { type: 'replace-document', label: `貼り付け（${newRows.length}行追加）`, document: next };
    },
    block(addRows) {
      return { rowIds: addRows ? [...existingIds, ...newRows.map((row) => row.id)] : existingIds, colIds };
    },
  };
}
