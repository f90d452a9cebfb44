import { describe, expect, it, vi } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import * as lineage from '../../../shared/model/row-lineage';
import { applySafeFixes } from '../../../shared/validation/apply-fixes';
import { createValidator } from '../../../shared/validation/validator';

// The real function, watched: each call is one new copy of a table's rows.
vi.mock('../../../shared/model/row-lineage', async (original) => {
  const actual = await original<typeof lineage>();
  return { ...actual, withRowsReplaced: vi.fn(actual.withRowsReplaced) };
});

describe('applySafeFixes copies each table once a round', () => {
  it('applies the built-in annex’s 12 fixes with 3 copies, not 12', () => {
    const copies = vi.mocked(lineage.withRowsReplaced);
    copies.mockClear();
    const original = builtinAnnex();
    const { document, applied } = applySafeFixes(original, createValidator());
    expect(applied).toBe(12);
    // Round one fixes both tables; round two, council-10's second problem in the same cell.
    expect(copies.mock.calls.map(([from]) => (from === original.tables.city.rows ? 'city' : 'council'))).toEqual(['city', 'council', 'council']);
    // A round's copy replaces every row it fixes at once: the city's final rows came from the original in one step.
    expect(copies.mock.results[0]?.value).toBe(document.tables.city.rows);
    expect([...(copies.mock.calls[0]?.[1].keys() ?? [])]).toHaveLength(5);
  });
});
