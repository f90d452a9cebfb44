import type { AnnexRow } from '../../../../shared/model/annex-document';

/** The rows of `next` that replace rows of `previous` at the same place with the same id; null if any row moved. */
export function replacedInPlace(previous: readonly AnnexRow[], next: readonly AnnexRow[]): AnnexRow[] | null {
  if (previous.length !== next.length) return null;
  const replaced: AnnexRow[] = [];
  for (let index = 0; index < next.length; index += 1) {
    const before = previous[index] as AnnexRow;
    const after = next[index] as AnnexRow;
    if (before === after) continue;
    if (before.id !== after.id) return null;
    replaced.push(after);
  }
  return replaced;
}

/**
 * True when `next` keeps none of `previous`'s row objects (another document was opened): an edit, insert,
 * delete or move keeps the rows it does not touch. `positionOf` gives a row id's index in `next`.
 */
export function keepsNoRow(previous: readonly AnnexRow[], next: readonly AnnexRow[], positionOf: (id: string) => number | undefined): boolean {
  for (const row of previous) {
    const index = positionOf(row.id);
    if (index !== undefined && next[index] === row) return false;
  }
  return true;
}
