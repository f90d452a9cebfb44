import type { AnnexRow } from './annex-document';
import { replacedPositions } from './row-lineage';

const cache = new WeakMap<readonly AnnexRow[], ReadonlyMap<string, number>>();
// The latest index of each table (and of a preview or two): one slot would make two tables evict each other.
const RECENT_LIMIT = 4;
let recent: { rows: readonly AnnexRow[]; positions: ReadonlyMap<string, number> }[] = [];

/** The rows of `next` that replace rows of `previous` at the same place with the same id; null if any row moved. */
export function replacedInPlace(previous: readonly AnnexRow[], next: readonly AnnexRow[]): AnnexRow[] | null {
  const positions = replacedPositions(previous, next);
  if (!positions) return null;
  const replaced: AnnexRow[] = [];
  for (const position of positions) {
    const after = next[position] as AnnexRow;
    if ((previous[position] as AnnexRow).id !== after.id) return null;
    replaced.push(after);
  }
  return replaced;
}

/**
 * Each row id's index in a table's rows, kept per rows array; an edit in place reuses the index of the
 * rows it came from, so numbering a 50,000-row table costs a map only when rows are added, removed or moved.
 */
export function rowPositions(rows: readonly AnnexRow[]): ReadonlyMap<string, number> {
  const cached = cache.get(rows);
  if (cached) return cached;
  const source = recent.find((entry) => replacedInPlace(entry.rows, rows) !== null);
  const positions = source?.positions ?? new Map(rows.map((row, index) => [row.id, index]));
  cache.set(rows, positions);
  recent = [{ rows, positions }, ...recent.filter((entry) => entry !== source)].slice(0, RECENT_LIMIT);
  return positions;
}
