import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { rowPositions } from '../../../shared/model/row-positions';
import { generateAnnex } from '../../bench/generate-annex';

const expected = (rows: readonly AnnexRow[]): Map<string, number> => new Map(rows.map((row, index) => [row.id, index]));

describe('rowPositions', () => {
  const { city, council } = generateAnnex(2_000).tables;

  it('gives each row id its index', () => {
    expect(rowPositions(city.rows)).toEqual(expected(city.rows));
    expect(rowPositions(council.rows)).toEqual(expected(council.rows));
  });

  it('reuses the index for rows edited in place, also with the other table asked for in between', () => {
    const before = rowPositions(city.rows);
    rowPositions(council.rows);
    const edited = city.rows.map((row, index) => (index === 1_234 ? { ...row, title: `${row.title}。` } : row));
    expect(rowPositions(edited)).toBe(before);
  });

  it('makes a new index when rows are moved, added or removed', () => {
    const moved = [city.rows[1] as AnnexRow, city.rows[0] as AnnexRow, ...city.rows.slice(2)];
    expect(rowPositions(moved)).toEqual(expected(moved));
    const removed = city.rows.slice(1);
    expect(rowPositions(removed)).toEqual(expected(removed));
    const added = [...city.rows, { ...(city.rows[0] as AnnexRow), id: 'added-row' }];
    expect(rowPositions(added).get('added-row')).toBe(city.rows.length);
  });
});
