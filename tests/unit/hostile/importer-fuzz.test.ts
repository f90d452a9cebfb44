import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { readDocumentBytes } from '../../../shared/codec/document-formats';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import { concat, partsOf, zipParts } from '../../fixtures-src/hostile-zip';
import { annexTablePart, annexWorkbook, csvWithBom, placeParts, sheetOf, writeWorkbook } from '../../fixtures-src/make-import-fixtures';
import { expectJapaneseLines, expectUnpolluted, linesOf, prototypeSnapshot } from './hostile-checks';

// Fixed seed and run counts: the same inputs on every run, the whole file in well under a minute on a slow machine.
const SEED = 20_240_607;
const HANG_GUARD_MS = 10_000;
const base = builtinAnnex();
let exported: Uint8Array;
let csvText: string;

beforeAll(async () => {
  exported = await writeAnnexWorkbook(base);
  csvText = new TextDecoder().decode(csvWithBom(sheetOf(placeParts([annexTablePart(base, 'city')]))).subarray(3));
});

/** The property every input must keep: an answer (never a throw) in time, in Japanese, nothing touched or polluted. */
function readsSafely(bytes: Uint8Array, fileName: string): void {
  const open = structuredClone(base);
  const snapshot = structuredClone(open);
  const prototypes = prototypeSnapshot();
  const started = performance.now();
  const result = readDocumentBytes(bytes, { fileName, base: open });
  expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
  expectJapaneseLines(linesOf(result), fileName);
  expect(open).toEqual(snapshot);
  expectUnpolluted(prototypes);
}

/** A byte-level change: bits flipped, the end cut off, bytes spliced in, or a span deleted or repeated. */
type Mutation =
  | { readonly kind: 'flip'; readonly at: number; readonly bit: number }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'repeat'; readonly at: number; readonly length: number };

// A fraction of the length, unbiased: fast-check favours small numbers, which would put most changes in the first bytes.
const position = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((step) => step / 1_000_000);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('insert' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('repeat' as const), at: position, length: fc.integer({ min: 1, max: 4096 }) }),
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = bytes;
  for (const change of mutations) {
    const at = Math.floor(change.at * out.length);
    const before = out.subarray(0, at);
    switch (change.kind) {
      case 'flip':
        out = out.slice();
        out[at] = (out[at] ?? 0) ^ (1 << change.bit);
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'insert':
        out = concat([before, change.bytes, out.subarray(at)]);
        break;
      case 'delete':
        out = concat([before, out.subarray(at + change.length)]);
        break;
      case 'repeat':
        out = concat([out.subarray(0, at + change.length), out.subarray(at)]);
        break;
    }
  }
  return out;
}

// Texts the importer looks for, and texts a parser might mistake for keys or markup.
const WORDS = ['主な取組', '取組概要', '通し番号', '部', '課', '○', '〇', '目指す地域像１', '（１）', '__proto__', 'constructor', 'prototype', '=1+2', '#REF!', '&amp;', '<', '"', '\u0000', '\u3000', '\r\n'];
const text = fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12, unit: 'binary' }));

describe('the importer under fuzzing (fixed seed)', () => {
  it('answers every byte-level mutation of an exported annex xlsx', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => readsSafely(mutate(exported, mutations), 'fuzz.xlsx')),
      { seed: SEED, numRuns: 300 },
    );
  }, 120_000);

  it('answers every byte-level mutation of an .xls (a compound file, checked by no CRC)', () => {
    const xls = writeWorkbook(annexWorkbook(base, { structure: true }), 'biff8');
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => readsSafely(mutate(xls, mutations), 'fuzz.xls')),
      { seed: SEED, numRuns: 300 },
    );
  }, 120_000);

  it('answers mutations of the XML inside an exported annex xlsx, re-zipped whole', () => {
    const parts = partsOf(exported);
    const names = parts.map((part) => part.name);
    // Mostly the parts the importer's answer depends on; now and then any part (styles, rels, content types).
    const read = names.filter((name) => /worksheets\/|sharedStrings|workbook\.xml$/.test(name));
    const name = fc.oneof({ arbitrary: fc.constantFrom(...read), weight: 3 }, { arbitrary: fc.constantFrom(...names), weight: 1 });
    fc.assert(
      fc.property(name, fc.array(mutation, { minLength: 1, maxLength: 3 }), (name, mutations) => {
        const changed = parts.map((part) => (part.name === name ? { name, data: mutate(part.data, mutations) } : part));
        readsSafely(zipParts(changed), 'fuzz-parts.xlsx');
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);

  it('answers mutations of the annex as CSV text and bytes', () => {
    const edit = fc.record({ at: position, cut: fc.integer({ min: 0, max: 40 }), inserted: text });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.array(mutation, { maxLength: 1 }), (edits, mutations) => {
        let changed = csvText;
        for (const { at, cut, inserted } of edits) {
          const place = Math.floor(at * changed.length);
          changed = changed.slice(0, place) + inserted + changed.slice(place + cut);
        }
        readsSafely(mutate(new TextEncoder().encode(changed), mutations), 'fuzz.csv');
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);

  it('answers mutations of the annex in the text formats a .xls may really be (SpreadsheetML, HTML, flat ODS, SYLK, DIF)', () => {
    const texts = (['xlml', 'html', 'fods', 'sylk', 'dif'] as const).map((bookType) => XLSX.write(annexWorkbook(base), { type: 'string', bookType }) as string);
    const edit = fc.record({ at: position, cut: fc.integer({ min: 0, max: 40 }), inserted: text });
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 6 }), (original, edits) => {
        let changed = original;
        for (const { at, cut, inserted } of edits) {
          const place = Math.floor(at * changed.length);
          changed = changed.slice(0, place) + inserted + changed.slice(place + cut);
        }
        readsSafely(new TextEncoder().encode(changed), 'fuzz-text.xls');
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);

  it('answers arbitrary grids of cells under the annex header, written by SheetJS as xlsx, xls, ods and csv', () => {
    const header = placeParts([annexTablePart(base, 'city', { slice: [0, 0] })]).cells;
    // Mostly what a table holds (○, blanks, text), so rows get read; the rest every kind of value a cell can take.
    const cell: fc.Arbitrary<XLSX.CellObject | string | number | boolean | null> = fc.oneof(
      { arbitrary: fc.constantFrom('○', null, '', '〇'), weight: 6 },
      { arbitrary: text, weight: 3 },
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(0x00, 0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a).map((code): XLSX.CellObject => ({ t: 'e', v: code })),
      fc.date({ noInvalidDate: true }).map((date): XLSX.CellObject => ({ t: 'd', v: date })),
      text.map((formula): XLSX.CellObject => ({ t: 's', v: '○', f: formula })),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 12 });
    const bookType = fc.constantFrom<XLSX.BookType>('xlsx', 'biff8', 'ods', 'csv');
    fc.assert(
      fc.property(grid, bookType, fc.constantFrom('旭川市', '__proto__', 'constructor', 'Sheet1'), (rows, type, sheetName) => {
        const workbook = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([...header, ...rows]), sheetName);
        const bytes = type === 'csv' ? csvWithBom(workbook.Sheets[sheetName] as XLSX.WorkSheet) : writeWorkbook(workbook, type);
        readsSafely(bytes, `fuzz-grid.${type === 'biff8' ? 'xls' : type}`);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 120_000);
});
