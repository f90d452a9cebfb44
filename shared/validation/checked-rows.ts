import type { AnnexRow } from '../model/annex-document';
import type { ValidationIssue } from './issue';

/** A table's rows as checked, and each row's issues by position; undefined where a row is not checked yet. */
export interface CheckedRows {
  readonly rows: readonly AnnexRow[];
  readonly issues: (readonly ValidationIssue[] | undefined)[];
}

// Past this many rows out of place (rows inserted, removed or sorted), results are found by row instead.
const MOVED_ROWS_LOOKED_UP = 32;

function byRow(checked: CheckedRows): Map<AnnexRow, readonly ValidationIssue[]> {
  const map = new Map<AnnexRow, readonly ValidationIssue[]>();
  checked.rows.forEach((row, index) => {
    const issues = checked.issues[index];
    if (issues) map.set(row, issues);
  });
  return map;
}

/**
 * One table's row results, kept by position rather than in a map keyed by row: rows are immutable, so an
 * edit replaces a few row objects and leaves the others where they were, and a position holding the same
 * object holds the same results. The table before the last is kept too, so an undo finds its rows.
 */
export class TableChecks {
  private current: CheckedRows | undefined;
  private previous: CheckedRows | undefined;

  /** Results aligned with `rows`, with every result of a row already checked carried over. */
  alignedTo(rows: readonly AnnexRow[]): CheckedRows {
    if (this.current?.rows === rows) return this.current;
    if (this.previous?.rows === rows) {
      [this.current, this.previous] = [this.previous, this.current];
      return this.current;
    }
    const aligned: CheckedRows = { rows, issues: new Array<readonly ValidationIssue[] | undefined>(rows.length) };
    const last = this.current;
    if (last) carryOver(last, aligned);
    this.previous = last;
    this.current = aligned;
    return aligned;
  }
}

function carryOver(from: CheckedRows, to: CheckedRows): void {
  const missing: number[] = [];
  for (let index = 0; index < to.rows.length; index++) {
    const issues = from.rows[index] === to.rows[index] ? from.issues[index] : undefined;
    if (issues) to.issues[index] = issues;
    else missing.push(index);
  }
  if (missing.length <= MOVED_ROWS_LOOKED_UP) return;
  const found = byRow(from);
  for (const index of missing) to.issues[index] = found.get(to.rows[index] as AnnexRow);
}
