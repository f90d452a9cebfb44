import { zipSync } from 'fflate';
import type { CellObject, ParsingOptions, WorkSheet } from 'xlsx';
import { describe, expect, it } from 'vitest';
import { csvCellProblem, odsCellProblem, scanWorkbookParts, workbookPartProblem } from '../../../shared/excel/part-scan';
import { sheetGrid } from '../../../shared/excel/sheet-grid';
import { xlsCellProblem } from '../../../shared/excel/xls-scan';
import { crc32, inflateZip, parseContainer, type ZipContainer } from '../../../shared/excel/zip-container';
import { readZipDirectory } from '../../../shared/excel/zip-limits';
import { handMadeZip } from '../../fixtures-src/hand-made-zip';
import { rawXlsx, sheetXml } from '../../fixtures-src/hostile-xlsx';

const encoder = new TextEncoder();
// As the importer asks SheetJS: dense rows, formulas kept, empty cells kept.
const READ_OPTIONS: ParsingOptions = { type: 'array', dense: true, cellFormula: true, sheetStubs: true };

function container(bytes: Uint8Array): ZipContainer {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(directory.message);
  const inflated = inflateZip(bytes, directory.streams);
  if (!inflated.ok) throw new Error(inflated.error);
  return inflated.value;
}

describe('inflating a zip before SheetJS sees it', () => {
  const data = encoder.encode('<x>'.padEnd(10_000, 'a'));

  // Noise that deflate cannot shrink: its entry is larger than one push (16 KB), so it is inflated push by push.
  const noise = new Uint8Array(40_000);
  for (let index = 0, state = 2463534242; index < noise.length; index += 1) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    noise[index] = state & 0xff;
  }

  it.each([
    ['one push', data],
    ['several pushes', noise],
  ])('takes an entry that inflates to exactly what its directory declares, and refuses one byte more (%s)', (_, content) => {
    const bytes = zipSync({ 'a.xml': content });
    const directory = readZipDirectory(bytes);
    const [stream] = directory.ok ? directory.streams : [];
    if (!stream) throw new Error('no entry');
    expect(stream.method).toBe(8);
    expect(stream.compressedSize > 16 * 1024).toBe(content === noise);
    const inflated = inflateZip(bytes, [stream]);
    expect(inflated.ok && inflated.value.FileIndex.find((entry) => entry.name === 'a.xml')?.content).toEqual(content);
    expect(inflateZip(bytes, [{ ...stream, uncompressedSize: content.length - 1 }])).toEqual({
      ok: false,
      error: 'ZIP の中のファイル「a.xml」が、ZIP の目録にある大きさ（0.1 MB）を超えて展開されます。圧縮爆弾のおそれがあるため読みません',
    });
  });

  it('says a deflated entry cut short is broken, in one push and in several', () => {
    for (const content of [data, noise]) {
      const bytes = zipSync({ 'a.xml': content });
      const directory = readZipDirectory(bytes);
      const [stream] = directory.ok ? directory.streams : [];
      if (!stream) throw new Error('no entry');
      const cut = { ...stream, compressedSize: Math.floor(stream.compressedSize / 2) };
      expect(inflateZip(bytes, [cut])).toEqual({ ok: false, error: 'ZIP の中のファイル「a.xml」が壊れています。ファイルが壊れていないか確かめてください' });
    }
  });

  it('computes CRC-32 as the zip standard does, at every length modulo four', () => {
    expect(crc32(encoder.encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    // fflate's zip writer computes its own CRC for each entry: every length from 0 to 11 agrees with it.
    for (let length = 0; length < 12; length += 1) {
      const content = noise.subarray(0, length);
      const directory = readZipDirectory(zipSync({ 'a.xml': content }));
      expect(directory.ok && crc32(content) === directory.streams[0]?.crc).toBe(true);
    }
  });

  it('checks each entry against its CRC: one flipped byte in a stored entry is a broken file', () => {
    const bytes = handMadeZip([{ name: 'a.xml', data }]);
    const directory = readZipDirectory(bytes);
    if (!directory.ok) throw new Error(directory.message);
    expect(inflateZip(bytes, directory.streams).ok).toBe(true);
    const flipped = bytes.slice();
    const at = (directory.streams[0]?.dataOffset ?? 0) + 500;
    flipped[at] = (flipped[at] ?? 0) ^ 1;
    expect(inflateZip(flipped, directory.streams)).toEqual({ ok: false, error: 'ZIP の中のファイル「a.xml」が壊れています。ファイルが壊れていないか確かめてください' });
  });

  it('refuses an entry flagged as encrypted, and one compressed by another method', () => {
    const bytes = handMadeZip([{ name: 'a.xml', data }]);
    const directory = readZipDirectory(bytes);
    if (!directory.ok) throw new Error(directory.message);
    const [stream] = directory.streams;
    if (!stream) throw new Error('no entry');
    expect(inflateZip(bytes, [{ ...stream, flags: 1 }])).toEqual({ ok: false, error: 'パスワードで保護されたファイルは読めません。保護を外して保存し直してください' });
    expect(inflateZip(bytes, [{ ...stream, method: 14 }])).toEqual({ ok: false, error: 'ZIP の中のファイル「a.xml」は対応していない圧縮方式（14）で保存されています' });
  });
});

describe('parsing the inflated zip with SheetJS', () => {
  const oneSheet = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
  const book = (count: number, shared: boolean): Uint8Array =>
    rawXlsx({
      sheets: Array.from({ length: count }, (_, index) => ({ name: `S${index + 1}`, ...(shared ? { part: 'xl/worksheets/sheet1.xml' } : {}) })),
      parts: shared ? { 'xl/worksheets/sheet1.xml': oneSheet } : Object.fromEntries(Array.from({ length: count }, (_, index) => [`xl/worksheets/sheet${index + 1}.xml`, oneSheet])),
    });

  it('counts the sheets before it parses them: 1,000 are read, 1,001 refused', () => {
    expect(parseContainer(container(book(1_000, false)), READ_OPTIONS, false).ok).toBe(true);
    expect(parseContainer(container(book(1_001, false)), READ_OPTIONS, false)).toEqual({ ok: false, error: 'シートが多すぎます（1,001 枚。1,000 枚まで）' });
  }, 30_000);

  it('refuses sheets that all point at one large part, and reads a few that share a small one', () => {
    const big = sheetXml(Array.from({ length: 20_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`).join(''));
    const shared = rawXlsx({ sheets: Array.from({ length: 50 }, (_, index) => ({ name: `S${index + 1}`, part: 'xl/worksheets/sheet1.xml' })), parts: { 'xl/worksheets/sheet1.xml': big } });
    expect(parseContainer(container(shared), READ_OPTIONS, false)).toEqual({
      ok: false,
      error: 'ブックの中の同じ部分が何度も読まれるように作られています（シートが同じ中身を指しています）。細工されたファイルのため読みません',
    });
    expect(parseContainer(container(book(3, true)), READ_OPTIONS, false).ok).toBe(true);
  });
});

const TOO_MANY_CELLS = 'セルが多すぎます（2,000,000 個を超えます）。取組事業一覧のファイルか確かめてください';
/** A container of one part, as inflateZip makes it. */
const onePart = (path: string, text: string): ZipContainer => ({
  FileIndex: [{ name: 'Root Entry', type: 5 }, { name: path, type: 2, content: encoder.encode(text) }],
  FullPaths: ['Root Entry/', `Root Entry/${path}`],
});

describe('whether SheetJS must keep empty cells to show formulas saved without a value', () => {
  const mayHold = (path: string, text: string): boolean => scanWorkbookParts(onePart(path, text)).mayHoldFormulas;

  it('says a part may hold formulas when it has a formula element, with or without a prefix', () => {
    expect(mayHold('xl/worksheets/sheet1.xml', '<row r="1"><c r="A1"><f>1+1</f></c></row>')).toBe(true);
    expect(mayHold('xl/worksheets/sheet1.xml', '<x:c r="A1"><x:f t="shared" ref="A1:A9" si="0"/></x:c>')).toBe(true);
    expect(mayHold('xl/worksheets/sheet1.xml', '<c r="A1">\n<f\n>ROW()</f></c>')).toBe(true);
    expect(mayHold('xl/charts/chart1.xml', '<c:f>旭川市!$A$1</c:f>')).toBe(true);
  });

  it('says a part of values, styles and fonts holds none, and a binary part may', () => {
    expect(mayHold('xl/worksheets/sheet1.xml', '<row r="1"><c r="A1" s="3"/><c r="B1" t="s"><v>0</v></c></row>')).toBe(false);
    expect(mayHold('xl/styles.xml', '<fonts><font><sz val="9"/></font></fonts><fills><fill/></fills><fx/>')).toBe(false);
    expect(mayHold('xl/worksheets/sheet1.bin', 'anything')).toBe(true);
  });
});

describe('counting what SheetJS would blow up', () => {
  it('refuses more than 2,000,000 cells in a workbook’s parts, whatever the part is called, and reads 2,000,000', () => {
    expect(workbookPartProblem(onePart('xl/worksheets/sheet1.xml', '<c r="A1"/>'.repeat(2_000_000)))).toBeUndefined();
    expect(workbookPartProblem(onePart('xl/worksheets/sheet1', '<c r="A1"/>'.repeat(2_000_001)))).toBe(TOO_MANY_CELLS);
    expect(workbookPartProblem(onePart('xl/charts/chart1.xml', '<cols><col/></cols><c:chart/>'.repeat(1_000_000)))).toBeUndefined();
  });

  it('refuses more rows holding cells than the row limit before SheetJS parses them, not rows that only set a height', () => {
    expect(workbookPartProblem(onePart('xl/worksheets/sheet1.xml', '<row r="1"><c r="A1"/></row>'.repeat(200_002)))).toBe(
      '行が多すぎます（200,000 行を超えています）。取組事業一覧のファイルか確かめてください',
    );
    expect(workbookPartProblem(onePart('xl/worksheets/sheet1.xml', '<row r="1" ht="20" customHeight="1"/>'.repeat(300_000)))).toBeUndefined();
  });

  it('counts a SpreadsheetML merge as the cells SheetJS fills it with: 2,000,000 are read, more refused', () => {
    const merged = (down: number): Uint8Array =>
      encoder.encode(`<?xml version="1.0"?><Workbook><Worksheet><Table><Row><Cell ss:MergeAcross="999" ss:MergeDown="${down}"/></Row></Table></Worksheet></Workbook>`);
    expect(xlsCellProblem(merged(1_999))).toBeUndefined();
    expect(xlsCellProblem(merged(2_000))).toBe(TOO_MANY_CELLS);
  });

  it('refuses a CSV of 2,000,000 fields, and reads one field fewer', () => {
    expect(csvCellProblem('a,'.repeat(1_999_999))).toBeUndefined();
    expect(csvCellProblem('a\t'.repeat(2_000_000))).toBe(TOO_MANY_CELLS);
  });

  const row = (repeat: string, cells: string): string => `<table:table-row table:number-rows-repeated="${repeat}">${cells}</table:table-row>`;
  const cell = (repeat: number, selfClosing = false): string =>
    selfClosing
      ? `<table:table-cell table:number-columns-repeated="${repeat}"/>`
      : `<table:table-cell table:number-columns-repeated="${repeat}" office:value-type="string"><text:p>○</text:p></table:table-cell>`;

  it('refuses an ODS cell with content repeated past 2,000,000 cells, and reads one just at it', () => {
    expect(odsCellProblem(row('2000', cell(1_000)))).toBeUndefined();
    expect(odsCellProblem(row('2000', cell(1_001)))).toBe(TOO_MANY_CELLS);
  });

  it('reads rows repeat counts as SheetJS does ("1e9" is a billion), and tags rejoined when a comment is taken out', () => {
    expect(odsCellProblem(row('1e9', cell(1)))).toBeDefined();
    expect(odsCellProblem(`<table:table-row table:number-rows-repeated="3000"><table:table-<!-- -->cell table:number-columns-repeated="1000"><text:p>○</text:p></table:table-cell></table:table-row>`)).toBeDefined();
  });

  it('refuses an ODS row with content repeated past the row limit before SheetJS spreads it', () => {
    expect(odsCellProblem(row('200001', cell(1)))).toBeUndefined();
    expect(odsCellProblem(row('200002', cell(1)))).toBe('行が多すぎます（200,000 行を超えています）。取組事業一覧のファイルか確かめてください');
  });

  it('counts nothing for the empty cells LibreOffice repeats to the sheet’s end', () => {
    expect(odsCellProblem(row('1048576', cell(16_384, true)))).toBeUndefined();
  });

  it('refuses more than 5,000 array formulas, and reads 5,000', () => {
    const formulas = (count: number): string => sheetXml(Array.from({ length: count }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><f t="array" ref="A${index + 1}:B${index + 1}">1</f><v>1</v></c></row>`).join(''));
    expect(workbookPartProblem(container(rawXlsx({ sheets: [{ name: 'S' }], parts: { 'xl/worksheets/sheet1.xml': formulas(5_000) } })))).toBeUndefined();
    expect(workbookPartProblem(container(rawXlsx({ sheets: [{ name: 'S' }], parts: { 'xl/worksheets/sheet1.xml': formulas(5_001) } })))).toBe(
      '配列数式が多すぎます（5,001 個。5,000 個まで）。取組事業一覧のファイルか確かめてください',
    );
  });
});

describe('a sheet grid of hostile cells', () => {
  const gridOf = (rows: (CellObject | undefined)[][]): ReturnType<typeof sheetGrid> => sheetGrid('S', { '!data': rows } as unknown as WorkSheet);

  it('walks a row reaching column XFD by its cells: 20,000 such rows in well under a second', () => {
    const rows = Array.from({ length: 20_000 }, () => {
      const cells: (CellObject | undefined)[] = [{ t: 's', v: '主な取組' }];
      cells[16_383] = { t: 's', v: '取組概要' };
      return cells;
    });
    const made = gridOf(rows);
    if (!made.ok) throw new Error(made.message);
    const found = new Set<string>();
    const started = performance.now();
    for (let row = 0; row < 20_000; row += 1) {
      found.add(JSON.stringify([made.grid.columnsWithText(row, '取'), made.grid.ownTexts(row)]));
    }
    // Walked column by column, the same took about 40 seconds.
    expect(performance.now() - started).toBeLessThan(1_000);
    expect([...found]).toEqual([JSON.stringify([[0, 16_383], ['主な取組', '取組概要']])]);
  });

  it('reads a number SheetJS could not read (NaN, Infinity) as #NUM!, never as a blank', () => {
    const made = gridOf([[{ t: 'n', v: Number.NaN }, { t: 'n', v: Number.POSITIVE_INFINITY }, { t: 'n', v: 2 }]]);
    expect(made.ok && [0, 1, 2].map((column) => made.grid.value(0, column))).toEqual(['#NUM!', '#NUM!', 2]);
  });
});
