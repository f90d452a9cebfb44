import type { AnnexRow } from '../../../../shared/model/annex-document';

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
