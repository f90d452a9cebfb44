import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { replacedPositions, withRowsReplaced } from '../../../shared/model/row-lineage';
import { collectGarbage } from '../support/collect-garbage';
import { countedItems } from '../support/counted-reads';
import { defaultRow } from '../support/document-builder';

const rowsOf = (count: number): AnnexRow[] => Array.from({ length: count }, (_, index) => ({ ...defaultRow('city', index), id: `r${index}` }));
const edited = (row: AnnexRow): AnnexRow => ({ ...row, title: `${row.title}。` });

describe('row lineage', () => {
  const rows = rowsOf(200);

  it('replaces the given rows and keeps every other row in its place', () => {
    const next = withRowsReplaced(rows, new Map([[150, edited(rows[150] as AnnexRow)], [3, edited(rows[3] as AnnexRow)]]));
    expect(next).toHaveLength(200);
    expect(next.filter((row, index) => row !== rows[index]).map((row) => row.id)).toEqual(['r3', 'r150']);
    expect(next[3]?.title).toBe(`${rows[3]?.title}。`);
    expect(rows[3]?.title.endsWith('。')).toBe(false);
  });

  it('gives an edit’s replaced positions, and its undo’s, without reading the rows', () => {
    const before = countedItems(rows);
    const after = withRowsReplaced(before.items, new Map([[120, edited(rows[120] as AnnexRow)], [7, edited(rows[7] as AnnexRow)]]));
    const readsOfTheEdit = before.reads();
    expect(replacedPositions(before.items, after)).toEqual([7, 120]);
    expect(replacedPositions(after, before.items)).toEqual([7, 120]);
    expect(before.reads(), 'rows compared one by one').toBe(readsOfTheEdit);
  });

  it('does not remember a replacement by the same row as a change', () => {
    const next = withRowsReplaced(rows, new Map([[5, rows[5] as AnnexRow], [6, edited(rows[6] as AnnexRow)]]));
    expect(replacedPositions(rows, next)).toEqual([6]);
  });

  it('compares rows where one array was not made from the other, and stops past the limit', () => {
    const first = withRowsReplaced(rows, new Map([[10, edited(rows[10] as AnnexRow)]]));
    const second = withRowsReplaced(first, new Map([[20, edited(rows[20] as AnnexRow)]]));
    expect(replacedPositions(rows, second)).toEqual([10, 20]);
    expect(replacedPositions(rows, second, 1)).toBeUndefined();
    expect(replacedPositions(rows, first, 0)).toBeUndefined();
    expect(replacedPositions(rows, rows.slice(1))).toBeUndefined();
    const sorted = [...rows].reverse();
    expect(replacedPositions(rows, sorted)).toHaveLength(200);
  });

  it('does not keep the rows an array was made from alive, edit after edit', async () => {
    let first: readonly AnnexRow[] | undefined = rowsOf(1_000);
    const firstRef = new WeakRef(first);
    let latest = first;
    for (let edit = 0; edit < 5; edit++) latest = withRowsReplaced(latest, new Map([[edit, edited(latest[edit] as AnnexRow)]]));
    first = undefined;
    await collectGarbage();
    expect(firstRef.deref(), 'the first rows array is still held').toBeUndefined();
    expect(latest).toHaveLength(1_000);
  });
});
