import type { AnnexRow } from '../model/annex-document';
import { replacedPositions } from '../model/row-lineage';
import type { ValidationIssue } from './issue';
import { RowResults } from './row-results';

/** A table's rows as checked, and each row's issues by position. */
export interface CheckedRows {
  readonly rows: readonly AnnexRow[];
  readonly issues: RowResults;
  /** Once every row is checked: the positions whose rows have issues, ascending. */
  withIssues?: readonly number[];
  /** Rows edited in place since the table these results came from: its positions with issues, and the replaced ones. */
  readonly edited?: { readonly withIssues: readonly number[]; readonly replaced: readonly number[] };
}

// Past this many rows out of place (rows inserted, removed or sorted), results are found by row instead.
const MOVED_ROWS_LOOKED_UP = 32;

function byRow(checked: CheckedRows): Map<AnnexRow, readonly ValidationIssue[]> {
  const map = new Map<AnnexRow, readonly ValidationIssue[]>();
  checked.rows.forEach((row, index) => {
    const issues = checked.issues.get(index);
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
    const last = this.current;
    const aligned = last ? carriedOver(last, rows) : { rows, issues: RowResults.unchecked(rows.length) };
    this.previous = last;
    this.current = aligned;
    return aligned;
  }
}

/** The results of `from` that hold for `rows`: those of every position (or, past a few moved rows, every row) still holding the same row. */
function carriedOver(from: CheckedRows, rows: readonly AnnexRow[]): CheckedRows {
  const replaced = replacedPositions(from.rows, rows, MOVED_ROWS_LOOKED_UP);
  if (replaced) {
    // Rows edited in place: the replaced rows' results dropped, every other block of results shared.
    const issues = from.issues.withUnchecked(replaced);
    return { rows, issues, ...(from.withIssues ? { edited: { withIssues: from.withIssues, replaced } } : {}) };
  }
  const issues = RowResults.unchecked(rows.length);
  const missing: number[] = [];
  for (let index = 0; index < rows.length; index++) {
    const kept = from.rows[index] === rows[index] ? from.issues.get(index) : undefined;
    if (kept) issues.set(index, kept);
    else missing.push(index);
  }
  if (missing.length > MOVED_ROWS_LOOKED_UP) {
    const found = byRow(from);
    for (const index of missing) issues.set(index, found.get(rows[index] as AnnexRow));
  }
  return { rows, issues };
}

/**
 * Checks every row not checked yet and gives the positions with issues. After an edit in place only the
 * replaced rows are checked and placed in or out of the last table's positions, so a validation after an edit
 * walks the rows with issues, not all 50,000.
 */
export function positionsWithIssues(checked: CheckedRows, check: (position: number) => readonly ValidationIssue[]): readonly number[] {
  if (checked.withIssues) return checked.withIssues;
  const { issues } = checked;
  const positions: number[] = [];
  if (checked.edited) {
    const { withIssues, replaced } = checked.edited;
    let next = 0;
    // Both lists ascending: merged like two sorted runs, each replaced position kept only if its row has issues.
    for (const position of replaced) {
      for (; next < withIssues.length && (withIssues[next] as number) < position; next++) positions.push(withIssues[next] as number);
      if (withIssues[next] === position) next++;
      if (checkedAt(issues, position, check).length > 0) positions.push(position);
    }
    for (; next < withIssues.length; next++) positions.push(withIssues[next] as number);
  } else {
    for (let position = 0; position < issues.length; position++) {
      if (checkedAt(issues, position, check).length > 0) positions.push(position);
    }
  }
  checked.withIssues = positions;
  return positions;
}

/** The issues of the row at `position`, checked now if they are not known yet. */
function checkedAt(issues: RowResults, position: number, check: (position: number) => readonly ValidationIssue[]): readonly ValidationIssue[] {
  const known = issues.get(position);
  if (known) return known;
  const found = check(position);
  issues.set(position, found);
  return found;
}
