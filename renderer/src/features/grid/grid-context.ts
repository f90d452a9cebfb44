import type { IssueIndex } from './issue-index';
import type { CellPos } from './selection';

/** What the column callbacks read (AG Grid's `context`): one mutable object, so column defs stay stable. */
export interface GridContext {
  /** Row id → place in the table; 通し番号 is this plus one. */
  positions: ReadonlyMap<string, number>;
  issues: IssueIndex;
  active: CellPos | null;
  isSelected(rowId: string, rowIndex: number | null, colId: string): boolean;
}
