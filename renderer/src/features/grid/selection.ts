/**
 * The grid's selection, Excel-like: an active cell, an anchor that Shift extends from, and either the
 * rectangle between them or whole rows picked on the 通し番号 column (Ctrl+click may pick rows apart).
 * Positions are kept by row id and column id, so they survive inserts, moves and filtering.
 */
export interface CellPos {
  readonly rowId: string;
  readonly colId: string;
}

export interface GridSelection {
  readonly anchor: CellPos;
  readonly active: CellPos;
  /** Whole rows, in no particular order; null for a cell range. */
  readonly rows: ReadonlySet<string> | null;
}

/** Inclusive display indices. */
export interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The displayed rows (after filtering) and the columns, as the selection sees them. */
export interface GridView {
  readonly rowCount: number;
  rowIndex(rowId: string): number | undefined;
  rowIdAt(index: number): string | undefined;
  readonly columnIds: readonly string[];
  columnIndex(colId: string): number | undefined;
}

export const cellSelection = (pos: CellPos): GridSelection => ({ anchor: pos, active: pos, rows: null });

export const samePos = (a: CellPos | undefined, b: CellPos | undefined): boolean =>
  !!a && !!b && a.rowId === b.rowId && a.colId === b.colId;

/** Rows between two displayed rows, both included. */
function rowsBetween(view: GridView, fromId: string, toId: string): Set<string> {
  const from = view.rowIndex(fromId);
  const to = view.rowIndex(toId);
  const rows = new Set<string>();
  if (from === undefined || to === undefined) return new Set([toId]);
  for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
    const id = view.rowIdAt(index);
    if (id !== undefined) rows.add(id);
  }
  return rows;
}

/** Moves the active cell to `pos`: Shift keeps the anchor and spans to it, rows stay rows. */
export function extendSelection(selection: GridSelection, pos: CellPos, view: GridView): GridSelection {
  if (selection.rows) return { anchor: selection.anchor, active: pos, rows: rowsBetween(view, selection.anchor.rowId, pos.rowId) };
  return { anchor: selection.anchor, active: pos, rows: null };
}

/** A click on a 通し番号 cell: that row alone; with Shift the rows from the anchor; with Ctrl one row more or less. */
export function selectRows(selection: GridSelection | null, rowId: string, view: GridView, how: 'only' | 'extend' | 'toggle'): GridSelection {
  const pos = { rowId, colId: 'number' };
  if (how === 'extend' && selection) return { anchor: selection.anchor, active: pos, rows: rowsBetween(view, selection.anchor.rowId, rowId) };
  if (how === 'toggle' && selection) {
    const rows = new Set(selection.rows ?? selectedRowIds(selection, view));
    if (rows.has(rowId) && rows.size > 1) rows.delete(rowId);
    else rows.add(rowId);
    return { anchor: pos, active: pos, rows };
  }
  return { anchor: pos, active: pos, rows: new Set([rowId]) };
}

export function selectAll(view: GridView): GridSelection | null {
  const first = view.rowIdAt(0);
  const last = view.rowIdAt(view.rowCount - 1);
  const left = view.columnIds[0];
  const right = view.columnIds.at(-1);
  if (first === undefined || last === undefined || left === undefined || right === undefined) return null;
  return { anchor: { rowId: first, colId: left }, active: { rowId: last, colId: right }, rows: null };
}

/** The selected rectangle; for whole rows, every column over the rows' span. Null when the rows are not shown. */
export function selectionRect(selection: GridSelection, view: GridView): Rect | null {
  if (selection.rows) {
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const id of selection.rows) {
      const index = view.rowIndex(id);
      if (index === undefined) continue;
      top = Math.min(top, index);
      bottom = Math.max(bottom, index);
    }
    if (!Number.isFinite(top)) return null;
    return { top, bottom, left: 0, right: view.columnIds.length - 1 };
  }
  const anchorRow = view.rowIndex(selection.anchor.rowId);
  const activeRow = view.rowIndex(selection.active.rowId);
  const anchorCol = view.columnIndex(selection.anchor.colId);
  const activeCol = view.columnIndex(selection.active.colId);
  if (activeRow === undefined || activeCol === undefined) return null;
  const fromRow = anchorRow ?? activeRow;
  const fromCol = anchorCol ?? activeCol;
  return {
    top: Math.min(fromRow, activeRow),
    bottom: Math.max(fromRow, activeRow),
    left: Math.min(fromCol, activeCol),
    right: Math.max(fromCol, activeCol),
  };
}

/** The selected rows in display order: picked rows, or the rows the rectangle spans. */
export function selectedRowIds(selection: GridSelection, view: GridView): string[] {
  if (selection.rows) {
    return [...selection.rows]
      .map((id) => [id, view.rowIndex(id)] as const)
      .filter((entry): entry is readonly [string, number] => entry[1] !== undefined)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
  }
  const rect = selectionRect(selection, view);
  if (!rect) return [];
  const ids: string[] = [];
  for (let index = rect.top; index <= rect.bottom; index++) {
    const id = view.rowIdAt(index);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** The selected cells as rows of column ids, in display order (copy, delete). */
export function selectedCells(selection: GridSelection, view: GridView): { rowIds: string[]; colIds: string[] } {
  if (selection.rows) return { rowIds: selectedRowIds(selection, view), colIds: [...view.columnIds] };
  const rect = selectionRect(selection, view);
  if (!rect) return { rowIds: [], colIds: [] };
  return { rowIds: selectedRowIds(selection, view), colIds: view.columnIds.slice(rect.left, rect.right + 1) };
}

export const isMultiCell = (selection: GridSelection): boolean => !!selection.rows || !samePos(selection.anchor, selection.active);
