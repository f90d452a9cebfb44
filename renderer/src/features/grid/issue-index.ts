import { columnKey, type Severity, type ValidationIssue } from '../../../../shared/validation/issue';

/** The problems of one cell: the worst severity and the messages for its tooltip. */
export interface CellIssues {
  readonly severity: Severity;
  readonly messages: readonly string[];
}

/** rowId → column key (as `columnKey` makes it) → problems. Built once per issues array. */
export type IssueIndex = ReadonlyMap<string, ReadonlyMap<string, CellIssues>>;

export function buildIssueIndex(issues: readonly ValidationIssue[]): IssueIndex {
  const index = new Map<string, Map<string, { severity: Severity; messages: string[] }>>();
  for (const issue of issues) {
    let row = index.get(issue.rowId);
    if (!row) index.set(issue.rowId, (row = new Map()));
    const key = columnKey(issue.column);
    const cell = row.get(key);
    if (cell) {
      cell.messages.push(issue.message);
      if (issue.severity === 'error') cell.severity = 'error';
    } else {
      row.set(key, { severity: issue.severity, messages: [issue.message] });
    }
  }
  return index;
}

/** A grid column's id to the keys of the problems shown on it. */
export function issueKeysFor(columnId: string): readonly string[] {
  if (columnId === 'number') return ['row'];
  // A problem with the matrix as a whole ('marks') shows on every mark cell of the row.
  if (columnId.startsWith('mark:')) return [columnId, 'marks'];
  return [columnId];
}

export function cellIssues(index: IssueIndex, rowId: string, columnId: string): CellIssues | undefined {
  const row = index.get(rowId);
  if (!row) return undefined;
  let found: CellIssues | undefined;
  for (const key of issueKeysFor(columnId)) {
    const cell = row.get(key);
    if (!cell) continue;
    found = found
      ? { severity: found.severity === 'error' || cell.severity === 'error' ? 'error' : 'warning', messages: [...found.messages, ...cell.messages] }
      : cell;
  }
  return found;
}
