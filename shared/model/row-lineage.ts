import type { AnnexRow } from './annex-document';

interface Lineage {
  /**
   * The number of the array it was made from, not the array: a reference would keep every array alive edit after
   * edit, and a WeakRef keeps its target alive until the task ends, so a loop of 7,000 edits held 7,000 copies.
   */
  readonly from: number;
  /** Ascending. */
  readonly replaced: readonly number[];
}

const lineage = new WeakMap<readonly AnnexRow[], Lineage>();
const numbers = new WeakMap<readonly AnnexRow[], number>();
let lastNumber = 0;

function numberOf(rows: readonly AnnexRow[]): number {
  let number = numbers.get(rows);
  if (number === undefined) numbers.set(rows, (number = ++lastNumber));
  return number;
}

/**
 * `from` with the rows at some positions replaced, as a new array that remembers which: what keeps results by
 * position (validation, row numbering, the grid) then updates those positions alone instead of comparing every
 * row of a 50,000-row table on each edit.
 */
export function withRowsReplaced(from: readonly AnnexRow[], replacements: ReadonlyMap<number, AnnexRow>): readonly AnnexRow[] {
  // A replacement by the same row changes nothing, and is not remembered as a change.
  const positions = [...replacements.keys()].filter((position) => replacements.get(position) !== from[position]).sort((a, b) => a - b);
  const to = from.slice();
  for (const position of positions) to[position] = replacements.get(position) as AnnexRow;
  lineage.set(to, { from: numberOf(from), replaced: positions });
  return to;
}

/** The lineage of `rows` if they were made from `source`. */
function madeFrom(rows: readonly AnnexRow[], source: readonly AnnexRow[]): Lineage | undefined {
  const entry = lineage.get(rows);
  return entry && entry.from === numbers.get(source) ? entry : undefined;
}

/**
 * The positions where `after` holds another row than `before`, in ascending order: read from their lineage when
 * one was made from the other (an edit, or its undo), else found by comparing every position. Undefined when the
 * lengths differ (rows added or removed) or more than `limit` positions changed.
 */
export function replacedPositions(before: readonly AnnexRow[], after: readonly AnnexRow[], limit = Infinity): readonly number[] | undefined {
  if (before.length !== after.length) return undefined;
  const known = madeFrom(after, before) ?? madeFrom(before, after);
  if (known) return known.replaced.length > limit ? undefined : known.replaced;
  const replaced: number[] = [];
  for (let position = 0; position < after.length; position++) {
    if (before[position] === after[position]) continue;
    if (replaced.push(position) > limit) return undefined;
  }
  return replaced;
}
