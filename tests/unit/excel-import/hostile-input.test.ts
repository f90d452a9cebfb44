import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { structureSheetRows } from '../../../shared/excel/structure-sheet';
import { annexTablePart, annexWorkbook, placeParts, sheetOf, workbookOf, writeWorkbook } from '../../fixtures-src/make-import-fixtures';
import { noise } from '../../fixtures-src/hostile-bytes';
import { builtin, error, readErr, readOk, warning, withoutIds } from './import-helpers';

const fileError = (message: string): ReturnType<typeof error> => error('', '', message);
const NO_HEADER = '取組事業一覧の見出し（「主な取組」と「取組概要」の並んだ行）がどのシートにも見つかりません。取組事業一覧のファイルか確かめてください';

function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted).toBeUndefined();
  expect(probe.t).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

describe('files that are not an annex', () => {
  it('refuses random bytes named .xlsx with a clear message, never an empty document', () => {
    expect(readErr(noise(20_000, 7), { fileName: 'annex.xlsx', base: builtin })).toEqual([
      fileError('.xlsx のファイルとして読めません（中身が ZIP 形式ではありません）。壊れているか、別の形式のファイルです'),
    ]);
  });

  it('refuses random bytes named .xls or .csv: no annex header found is an error', () => {
    expect(readErr(noise(20_000, 11), { fileName: 'annex.xls', base: builtin })).toEqual([fileError(NO_HEADER)]);
    expect(readErr(noise(5_000, 13), { fileName: 'annex.csv', base: builtin })).toEqual([
      fileError('文字コードが分かりません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください'),
    ]);
  });

  it('refuses a truncated xlsx as a broken zip', () => {
    const bytes = writeWorkbook(annexWorkbook(builtin));
    expect(readErr(bytes.subarray(0, Math.floor(bytes.length / 2)), { fileName: 'annex.xlsx', base: builtin })).toEqual([
      fileError('ZIP 形式のファイルとして壊れています（終わりにある中央ディレクトリが見つかりません）。ファイルが途中で切れていないか確かめてください'),
    ]);
  });

  it('refuses a workbook with no annex header on any sheet', () => {
    const workbook = workbookOf([['メモ', XLSX.utils.aoa_to_sheet([['会議メモ'], ['主な取組について話し合った'], ['取組概要']])]]);
    expect(readErr(writeWorkbook(workbook), { fileName: 'memo.xlsx', base: builtin })).toEqual([fileError(NO_HEADER)]);
  });

  it('refuses an empty file, an unknown extension and a file far beyond any annex', () => {
    expect(readErr(new Uint8Array(), { fileName: 'a.xlsx' })).toEqual([fileError('ファイルが空です')]);
    expect(readErr(new Uint8Array(10), { fileName: 'a.docx' })).toEqual([
      fileError('「.docx」のファイルは読めません。.xlsx・.xls・.ods・.csv のファイルを選んでください'),
    ]);
    const huge = new Uint8Array(51 * 1024 * 1024);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    const started = performance.now();
    expect(readErr(huge, { fileName: 'a.xlsx' })).toEqual([fileError('ファイルが大きすぎます（51 MB。読めるのは 50 MB まで）')]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses more than 200,000 rows', () => {
    const csv = new TextEncoder().encode('通し番号,主な取組,取組概要\n'.concat('1,a,b\n'.repeat(200_000)));
    expect(readErr(csv, { fileName: 'big.csv', base: builtin })).toEqual([
      fileError('行が多すぎます（200,000 行を超えています）。取組事業一覧のファイルか確かめてください'),
    ]);
  });

  it('refuses more than 1,000 sheets', () => {
    const workbook = XLSX.utils.book_new();
    for (let index = 0; index <= 1000; index += 1) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([[index]]), `S${index}`);
    expect(readErr(writeWorkbook(workbook), { fileName: 'many.xlsx', base: builtin })).toEqual([fileError('シートが多すぎます（1,001 枚。1,000 枚まで）')]);
  }, 30_000);

  it('refuses a workbook with neither a 構造 sheet nor a structure to compare with', () => {
    expect(readErr(writeWorkbook(annexWorkbook(builtin)), { fileName: 'a.xlsx' })).toEqual([
      fileError('このブックには「構造」シートがなく、比べる構造（開いている取組事業一覧）もありません。見出しから構造を作って読み込んでください'),
    ]);
  });

  it('reports a broken 構造 sheet at its cells', () => {
    const frame = { plan: builtin.plan, masters: builtin.masters, tableTitles: { city: builtin.tables.city.title, council: builtin.tables.council.title } };
    const rows = structureSheetRows(frame);
    const tree = rows.findIndex((row) => row[0] === '種類');
    rows.splice(tree + 1, 0, ['細目', 'v9-9-x', '', '迷子の細目', 'v9-9']);
    const workbook = annexWorkbook(builtin);
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), '構造');
    expect(readErr(writeWorkbook(workbook), { fileName: 'a.xlsx', base: builtin })).toEqual([
      error('構造', `E${tree + 2}`, '親ID「v9-9」の基本的な考え方がありません'),
    ]);
  });
});

describe('hostile names', () => {
  it('reads sheets called __proto__ and constructor, and ids called so, without touching Object.prototype', () => {
    const city = { ...builtin.tables.city, rows: builtin.tables.city.rows.map((row, index) => (index === 0 ? { ...row, id: '__proto__' } : index === 1 ? { ...row, id: 'constructor' } : row)) };
    const document = { ...builtin, tables: { ...builtin.tables, city } };
    const workbook = workbookOf([
      ['__proto__', sheetOf(placeParts([annexTablePart(document, 'city', { ids: true })]))],
      ['constructor', sheetOf(placeParts([annexTablePart(document, 'council', { ids: true, title: false })]))],
    ]);
    const { document: read, warnings } = readOk(writeWorkbook(workbook), { fileName: 'x.xlsx', base: builtin });
    expectNoPollution();
    expect(withoutIds(read)).toEqual(withoutIds(builtin));
    expect(read.tables.city.rows[0]?.id).toMatch(/^city-[0-9a-f-]{36}$/);
    expect(read.tables.city.rows[1]?.id).toBe('constructor');
    expect(read.tables.city.rows[2]?.id).toBe('city-03');
    expect(warnings).toEqual([warning('__proto__', 'R10', '行ID「__proto__」は ID として使えない形です。新しい ID を付けます')]);
  });

  it('refuses header texts called __proto__ or polluted as columns it does not know, without polluting', () => {
    const part = annexTablePart(builtin, 'city');
    const cells = part.cells.map((row, index) => (index === 1 ? [...row, '__proto__', 'polluted'] : index === 9 ? [...row, '○', '○'] : [...row]));
    const workbook = workbookOf([['__proto__', sheetOf({ ...part, cells })], ['社会福祉協議会', sheetOf(placeParts([annexTablePart(builtin, 'council')]))]]);
    const problems = readErr(writeWorkbook(workbook), { fileName: 'x.xlsx', base: builtin });
    expectNoPollution();
    expect(problems).toEqual([
      error('__proto__', 'R2', '列 R: 見出し「__proto__」に当たる○の列が構造にありません'),
      error('__proto__', 'S2', '列 S: 見出し「polluted」に当たる○の列が構造にありません'),
    ]);
  });
});
