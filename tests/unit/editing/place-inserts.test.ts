import { describe, expect, it } from 'vitest';
import type { RowInsert } from '../../../shared/editing/edit-command';
import { withInsertsPlaced } from '../../../shared/editing/place-inserts';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { countedProperty } from '../support/counted-reads';
import { defaultRow } from '../support/document-builder';
import { mulberry32 } from '../support/seeded-random';

const rowWithId = (id: string): AnnexRow => ({ ...defaultRow('city', 0), id });

/** The reference: each insert spliced in after its anchor in turn, then the deleted rows dropped. */
function splicedInTurn(table: readonly AnnexRow[], inserts: readonly RowInsert[], deletes: readonly string[]): AnnexRow[] {
  const rows = [...table];
  for (const insert of inserts) {
    const anchor = insert.afterRowId === null ? -1 : rows.findIndex((row) => row.id === insert.afterRowId);
    rows.splice(anchor < 0 ? rows.length : anchor + 1, 0, ...insert.rows);
  }
  const deleting = new Set(deletes);
  return rows.filter((row) => !deleting.has(row.id));
}

describe('withInsertsPlaced', () => {
  it('places rows as splicing each insert in turn would, over 500 random merges', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const next = mulberry32(seed);
      const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
      const table = Array.from({ length: Math.floor(next() * 8) }, (_, index) => rowWithId(`r${index}`));
      const ids = table.map((row) => row.id);
      const inserts: RowInsert[] = [];
      for (let index = 0; index < Math.floor(next() * 7); index++) {
        // Anchors: a table row, a row of any insert (earlier or later), a missing row, or none.
        const anchor = next() < 0.15 ? null : next() < 0.1 ? 'missing' : ids.length > 0 ? pick(ids) : null;
        const rows = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, row) => rowWithId(`n${index}-${row}`));
        inserts.push({ afterRowId: anchor, rows });
        ids.push(...rows.map((row) => row.id));
      }
      // Some inserts name an anchor from a later insert: swap two at random.
      if (inserts.length > 1 && next() < 0.5) inserts.reverse();
      const deletes = ids.filter(() => next() < 0.2);
      const expected = splicedInTurn(table, inserts, deletes).map((row) => row.id);
      expect(withInsertsPlaced(table, inserts, deletes).map((row) => row.id), `seed ${seed}`).toEqual(expected);
    }
  });

  it('keeps a chain of 20,000 inserts, each after the one before, in order', () => {
    const inserts: RowInsert[] = Array.from({ length: 20_000 }, (_, index) => ({
      afterRowId: index === 0 ? 'r0' : `n${index - 1}`,
      rows: [rowWithId(`n${index}`)],
    }));
    const placed = withInsertsPlaced([rowWithId('r0'), rowWithId('r1')], inserts, ['r0']);
    expect(placed).toHaveLength(20_001);
    expect(placed.slice(0, 2).map((row) => row.id)).toEqual(['n0', 'n1']);
    expect(placed.at(-1)?.id).toBe('r1');
  });

  it('reads each row’s id a few times, however many rows are inserted, instead of searching the table per insert', () => {
    let idReads = 0;
    const counted = (id: string): AnnexRow => countedProperty(rowWithId(id), 'id', () => (idReads += 1));
    const table = Array.from({ length: 2_000 }, (_, index) => counted(`r${index}`));
    const inserts: RowInsert[] = Array.from({ length: 200 }, (_, index) => ({ afterRowId: `r${1_999 - index * 9}`, rows: [rowWithId(`n${index}`)] }));
    expect(withInsertsPlaced(table, inserts, [])).toHaveLength(2_200);
    // Searching per insert would read ~200 × 1,000 ids; placing reads each row's id to index it, to drop it, to find what follows it.
    expect(idReads).toBeLessThanOrEqual(table.length * 3);
  });
});
