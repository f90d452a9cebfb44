import { beforeAll, describe, expect, it } from 'vitest';
import { annexTablePart, annexWorkbook, csvWithBom, placeParts, sheetOf, workbookOf, writeWorkbook } from '../../fixtures-src/make-import-fixtures';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';
import { builtin, expectFreshIds, readErr, readOk, warning, withoutIds } from './import-helpers';

// LibreOffice writes these from a SheetJS-written xlsx: a second writer, and the formats people get from other offices.
const fromLibreOffice = new Map<string, Uint8Array>();
const withStructure = writeWorkbook(annexWorkbook(builtin, { structure: true, layout: { ids: true } }));
const citySheet = sheetOf(placeParts([annexTablePart(builtin, 'city')]));
const councilSheet = sheetOf(placeParts([annexTablePart(builtin, 'council')]));

beforeAll(() => {
  fromLibreOffice.set('xls', convertWithLibreOffice(withStructure, 'xls'));
  fromLibreOffice.set('ods', convertWithLibreOffice(withStructure, 'ods'));
  fromLibreOffice.set('sjis', convertWithLibreOffice(writeWorkbook(workbookOf([['旭川市', citySheet]])), 'csv-sjis'));
}, 120_000);

const councilMissing = warning('', '', '社会福祉協議会の表が見つかりません。空の表として読みます');

describe('other file formats', () => {
  it('reads an .xls made by LibreOffice exactly as the built-in annex', () => {
    const bytes = fromLibreOffice.get('xls')!;
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const { document, warnings } = readOk(bytes, { fileName: 'annex.xls' });
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('reads an .ods made by LibreOffice exactly, full-width spaces at the start of a summary included', () => {
    const bytes = fromLibreOffice.get('ods')!;
    expect(new TextDecoder().decode(bytes.subarray(30, 38))).toBe('mimetype');
    const { document, warnings } = readOk(bytes, { fileName: 'annex.ods' });
    expect(document).toEqual(builtin);
    expect(document.tables.council.rows[5]?.summary.startsWith('　親亡き後')).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('reads a UTF-8 CSV with a byte-order mark: one table, its merged header flattened to first cells', () => {
    const bytes = csvWithBom(citySheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { document, warnings } = readOk(bytes, { fileName: '旭川市の取組.csv', base: builtin });
    expect(withoutIds(document).tables.city).toEqual(withoutIds(builtin).tables.city);
    expect(document.tables.council).toEqual({ title: builtin.tables.council.title, rows: [] });
    expect(warnings).toEqual([councilMissing]);
    expectFreshIds(document);
  });

  it('reads a UTF-8 CSV without a byte-order mark, and tells the council table by its file name', () => {
    const text = new TextDecoder().decode(csvWithBom(councilSheet).subarray(3));
    const withoutTitle = text.slice(text.indexOf('\n') + 1);
    const { document, warnings } = readOk(new TextEncoder().encode(withoutTitle), { fileName: 'C:\\temp\\社会福祉協議会.csv', base: builtin });
    expect(withoutIds(document).tables.council).toEqual(withoutIds(builtin).tables.council);
    expect(warnings).toEqual([warning('', '', '旭川市の表が見つかりません。空の表として読みます')]);
  });

  it('reads a Shift_JIS CSV written by LibreOffice', () => {
    const bytes = fromLibreOffice.get('sjis')!;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { document, warnings } = readOk(bytes, { fileName: 'city.csv', base: builtin });
    expect(withoutIds(document).tables.city).toEqual(withoutIds(builtin).tables.city);
    expect(warnings).toEqual([councilMissing]);
  });

  it('names the cell of a CSV problem without a sheet', () => {
    const lines = new TextDecoder().decode(csvWithBom(citySheet).subarray(3)).split('\n');
    // Row 10 is city 1: put × under its first ○ column (F).
    lines[9] = lines[9]!.replace(/,○,/, ',×,');
    expect(readErr(new TextEncoder().encode(lines.join('\n')), { fileName: 'city.csv', base: builtin })).toEqual([
      { severity: 'error', sheet: '', cell: 'F10', message: '「×」は○として読めません（○・〇・✓・1・TRUE などか、空にしてください）' },
      councilMissing,
    ]);
  });
});
