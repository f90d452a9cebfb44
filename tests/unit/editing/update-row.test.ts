import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { updateRow } from '../../../shared/model/document-edits';

describe('updateRow', () => {
  it('replaces the one row in a new array, keeps every other row, and leaves the document it was given as it was', () => {
    const document = builtinAnnex();
    const before = document.tables.city.rows;
    const target = before[40];
    if (!target) throw new Error('the built-in annex has 76 city rows');
    const next = updateRow(document, 'city', target.id, (row) => ({ ...row, title: `${row.title}（改）` }));
    const after = next.tables.city.rows;
    expect(after).not.toBe(before);
    expect(after).toHaveLength(before.length);
    expect(after[40]?.title).toBe(`${target.title}（改）`);
    expect(after.filter((row, index) => row !== before[index]).map((row) => row.id)).toEqual([target.id]);
    expect(document.tables.city.rows[40]).toBe(target);
    expect(next.tables.council).toBe(document.tables.council);
  });

  it('gives the same document back when the update changes nothing, and refuses an unknown row', () => {
    const document = builtinAnnex();
    expect(updateRow(document, 'council', 'council-01', (row) => row)).toBe(document);
    expect(() => updateRow(document, 'council', 'city-01', (row) => row)).toThrow(RangeError);
  });
});
