import type { GridKeyAction } from './keyboard';

/** Where a key moves the active cell, in display indices; `extend` keeps the anchor (Shift). */
export interface NavigationTarget {
  readonly row: number;
  readonly col: number;
  readonly extend: boolean;
}

export interface NavigationSpace {
  readonly rowCount: number;
  readonly columnCount: number;
  /** The first column Tab lands on in a new row (通し番号 is read-only, so the one after it). */
  readonly firstEditableColumn: number;
  /** Top of a displayed row in px, and the height of the visible rows, for PageUp/PageDown. */
  rowTop(index: number): number;
  readonly pageHeight: number;
}

type MoveAction = Extract<GridKeyAction, { type: 'move' | 'tab' | 'enter' | 'edge' | 'page' }>;

export const isMoveAction = (action: GridKeyAction): action is MoveAction =>
  action.type === 'move' || action.type === 'tab' || action.type === 'enter' || action.type === 'edge' || action.type === 'page';

/** Excel's moves: arrows, Tab (wrapping to the next row), Enter, Home/End, Ctrl+Home/End, PageUp/PageDown. */
export function navigationTarget(action: MoveAction, from: { row: number; col: number }, space: NavigationSpace): NavigationTarget | null {
  if (space.rowCount === 0) return null;
  const lastRow = space.rowCount - 1;
  const lastCol = space.columnCount - 1;
  const clamp = (row: number, col: number, extend: boolean): NavigationTarget => ({
    row: Math.max(0, Math.min(lastRow, row)),
    col: Math.max(0, Math.min(lastCol, col)),
    extend,
  });
  const { row, col } = from;
  switch (action.type) {
    case 'move':
      return clamp(row + action.rows, col + action.cols, action.extend);
    case 'enter':
      return clamp(row + (action.backwards ? -1 : 1), col, false);
    case 'tab':
      if (!action.backwards) {
        if (col < lastCol) return clamp(row, col + 1, false);
        return row < lastRow ? clamp(row + 1, space.firstEditableColumn, false) : clamp(row, col, false);
      }
      if (col > space.firstEditableColumn) return clamp(row, col - 1, false);
      return row > 0 ? clamp(row - 1, lastCol, false) : clamp(row, Math.max(0, col - 1), false);
    case 'edge':
      switch (action.to) {
        case 'row-start':
          return clamp(row, 0, action.extend);
        case 'row-end':
          return clamp(row, lastCol, action.extend);
        case 'top':
          return clamp(0, col, action.extend);
        case 'bottom':
          return clamp(lastRow, col, action.extend);
        case 'first':
          return clamp(0, 0, action.extend);
        case 'last':
          return clamp(lastRow, lastCol, action.extend);
      }
      return null;
    case 'page': {
      // One screenful of rows, at least one row.
      const target = space.rowTop(row) + action.direction * Math.max(space.pageHeight, 1);
      let index = row + action.direction;
      if (action.direction > 0) while (index < lastRow && space.rowTop(index + 1) <= target) index += 1;
      else while (index > 0 && space.rowTop(index - 1) >= target) index -= 1;
      return clamp(index, col, action.extend);
    }
  }
}
