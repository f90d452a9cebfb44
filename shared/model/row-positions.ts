import type { AnnexRow } from './annex-document';

const cache = new WeakMap<readonly AnnexRow[], ReadonlyMap<string, number>>();
// The latest index of each table (and of a preview or two): one slot would make two tables evict each other.
const RECENT_LIMIT = 4;
let recent: { rows: readonly AnnexRow[]; positions: ReadonlyMap<string, number> }[] = [];

/** Same length and every row at its place keeps its id: an edit that replaced rows in place. */
function sameIdsInPlace(previous: readonly AnnexRow[], next: readonly AnnexRow[]): boolean {
  if (previous.length !== next.length) return false;
  for (let index = 0; index < next.length; index += 1) {
    const before = previous[index] as AnnexRow;
    const after = next[index] as AnnexRow;
    if (before !== after && before.id !== after.id) return false;
  }
  return true;
}

/**
 * Each row id's index in a table's rows, kept per rows array; an edit in place reuses the index of the
 * rows it came from, so numbering a 50,000-row table costs a map only when rows are added, removed or moved.
 */
export function rowPositions(rows: readonly AnnexRow[]): ReadonlyMap<string, number> {
  const cached = cache.get(rows);
  if (cached) return cached;
  const source = recent.find((entry) => sameIdsInPlace(entry.rows, rows));
  const positions = source?.positions ?? new Map(rows.map((row, index) => [row.id, index]));
  cache.set(rows, positions);
  recent = [{ rows, positions }, ...recent.filter((entry) => entry !== source)].slice(0, RECENT_LIMIT);
  return positions;
}
