import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packDocument, packedBuffers, packRows, unpackDocument, unpackRows } from '../../../shared/codec/packed-rows';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { generateAnnex } from '../../bench/generate-annex';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const row = fc.record({
  id: fc.string({ minLength: 1, maxLength: 12 }),
  departments: fc.array(text, { maxLength: 3 }),
  sections: fc.array(text, { maxLength: 3 }),
  title: text,
  summary: text,
  marks: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 5 }),
});

describe('packed rows', () => {
  it('give back the same rows, key order included, for any text (emoji, lone surrogates, NUL, empty lists)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const unpacked = unpackRows(packRows(rows));
        expect(unpacked).toEqual(rows);
        expect(unpacked.map((each) => Object.keys(each))).toEqual(rows.map((each) => Object.keys(each)));
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });

  it('give back the built-in annex and a large generated one, written out to the same JSON', () => {
    for (const document of [builtinAnnex(), generateAnnex(5_000)]) {
      const packed = packDocument(document);
      expect(packed.tables.city.rows.text).toBeInstanceOf(Uint16Array);
      expect(stringifyAnnexJson(unpackDocument(structuredClone(packed)))).toBe(stringifyAnnexJson(document));
    }
  });

  it('send each distinct 部, 課 and mark once, however many rows list it', () => {
    const rows = generateAnnex(5_000).tables.city.rows;
    const packed = packRows(rows);
    const distinct = new Set(rows.flatMap((each) => [...each.departments, ...each.sections, ...each.marks]));
    expect([...packed.entries].sort()).toEqual([...distinct].sort());
    expect(packed.entries.length).toBeLessThan(200);
    // The text holds only ids, titles and summaries.
    expect(packed.text.length).toBe(rows.reduce((sum, each) => sum + each.id.length + each.title.length + each.summary.length, 0));
  });

  it('give rows with equal lists one array, and rows with other lists their own', () => {
    const rows = unpackRows(packRows(generateAnnex(2_000).tables.city.rows));
    const arrays = new Set(rows.flatMap((each) => [each.departments, each.sections, each.marks]));
    expect(arrays.size).toBeLessThan(1_000);
    const [first, second] = unpackRows(
      packRows([
        { id: 'a', departments: ['部1'], sections: ['課1'], title: '', summary: '', marks: ['v1-1', 'v1-2'] },
        { id: 'b', departments: ['部1'], sections: ['課2'], title: '', summary: '', marks: ['v1-2', 'v1-1'] },
      ]),
    );
    expect(first?.departments).toBe(second?.departments);
    expect(first?.sections).not.toBe(second?.sections);
    expect(second?.marks).toEqual(['v1-2', 'v1-1']);
    // Past 255 distinct entries, or 6 in a list, a list is its own array, and still the same list.
    const many = Array.from({ length: 300 }, (_, index) => ({
      id: `r${index}`,
      departments: [`部${index}`],
      sections: Array.from({ length: 7 }, (_unused, each) => `課${each}`),
      title: '',
      summary: '',
      marks: [],
    }));
    expect(unpackRows(packRows(many))).toEqual(many);
  });

  it('give back a leading U+FEFF, emoji and lone surrogates exactly, whichever way the text is decoded', () => {
    const plain = { id: '\uFEFFa', departments: [], sections: [], title: '\uFEFF題', summary: '概要', marks: [] };
    expect(packRows([plain]).surrogates).toBe(false);
    expect(unpackRows(packRows([plain]))).toEqual([plain]);
    for (const odd of ['😀', '\uD800', '\uDC00x', 'a\uDBFF']) {
      const row = { ...plain, summary: odd.repeat(5_000) };
      expect(packRows([row]).surrogates).toBe(true);
      expect(unpackRows(packRows([row]))).toEqual([row]);
    }
  });

  it('cross postMessage as two buffers a table, both handed over', () => {
    const packed = packDocument(generateAnnex(100));
    const buffers = packedBuffers(packed);
    expect(buffers).toHaveLength(4);
    const copy = structuredClone(packed, { transfer: buffers });
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
    expect(unpackRows(copy.tables.city.rows)).toEqual(generateAnnex(100).tables.city.rows as AnnexRow[]);
  });
});
