import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { findHeaderBlocks } from '../../../shared/excel/header-detect';
import { sheetByName, sheetGrid, type SheetGrid } from '../../../shared/excel/sheet-grid';

function grid(rows: unknown[][], merges: XLSX.Range[] = []): SheetGrid {
  const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  sheet['!merges'] = merges;
  const made = sheetGrid('S', sheet);
  if (!made.ok) throw new Error(made.message);
  return made.grid;
}
const range = (top: number, left: number, bottom: number, right: number): XLSX.Range => ({ s: { r: top, c: left }, e: { r: bottom, c: right } });

describe('a sheet grid', () => {
  it('spreads a merged value over its cells, and tells the row it starts in', () => {
    const sheet = grid([['福祉保険部', 'a'], [null, 'b'], [null, 'c'], ['x', 'd']], [range(0, 0, 2, 0)]);
    expect([0, 1, 2, 3].map((row) => sheet.value(row, 0))).toEqual(['福祉保険部', '福祉保険部', '福祉保険部', 'x']);
    expect([0, 1, 2, 3].map((row) => sheet.ownValue(row, 0))).toEqual(['福祉保険部', undefined, undefined, 'x']);
    expect(sheet.originOf(2, 0)).toEqual({ row: 0, column: 0 });
    expect(sheet.mergeAt(1, 0)).toEqual({ top: 0, left: 0, bottom: 2, right: 0 });
    expect(sheet.mergeAt(1, 1)).toBeUndefined();
  });

  it('ignores a stale value hidden under a merge, as Excel shows only the first cell', () => {
    const sheet = grid([['目指す地域像１', '古い値']], [range(0, 0, 0, 1)]);
    expect(sheet.value(0, 1)).toBe('目指す地域像１');
    expect(sheet.ownTexts(0)).toEqual(['目指す地域像１']);
  });

  it('reads numbers, booleans and error cells as values, and empty text as nothing', () => {
    const sheet = grid([[1, true, '', { t: 'e', v: 0x2a }]]);
    expect([0, 1, 2, 3].map((column) => sheet.value(0, column))).toEqual([1, true, undefined, '#N/A']);
  });

  it('knows a formula cell by its merge origin too', () => {
    const sheet = grid([[{ t: 'n', v: 3, f: '1+2' }, null], ['x', 'y']], [range(0, 0, 0, 1)]);
    expect([sheet.isFormula(0, 0), sheet.isFormula(0, 1), sheet.isFormula(1, 0)]).toEqual([true, true, false]);
  });

  it('counts rows and columns a merge reaches past the last cell', () => {
    const sheet = grid([['a']], [range(0, 0, 3, 5)]);
    expect([sheet.rowCount, sheet.columnCount]).toEqual([4, 6]);
  });

  it('refuses merges that would spread over millions of cells', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a']], { dense: true });
    sheet['!merges'] = [range(0, 0, 199_999, 16_383)];
    expect(sheetGrid('S', sheet)).toEqual({ ok: false, message: '結合セルの範囲が大きすぎるため読めません' });
  });

  it('reads a sheet made without dense mode the same way', () => {
    const sheet = XLSX.utils.aoa_to_sheet([['a', null, 'c'], [null, 'e']]);
    const made = sheetGrid('S', sheet);
    expect(made.ok && [made.grid.value(0, 2), made.grid.value(1, 1), made.grid.rowCount, made.grid.columnCount]).toEqual(['c', 'e', 2, 3]);
  });

  it('finds a sheet called __proto__ by its name, and nothing that is not a sheet', () => {
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['p']]), '__proto__');
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet([['c']]), 'constructor');
    const read = XLSX.read(XLSX.write(workbook, { type: 'array', bookType: 'xlsx' }), { type: 'array' });
    expect(sheetByName(read.Sheets, '__proto__')?.['A1']?.v).toBe('p');
    expect(sheetByName(read.Sheets, 'constructor')?.['A1']?.v).toBe('c');
    expect(sheetByName({}, '__proto__')).toBeUndefined();
    expect(sheetByName({}, 'toString')).toBeUndefined();
  });
});

describe('finding headers', () => {
  it('finds the header row by its texts (spaces and width ignored), and the band above it', () => {
    const sheet = grid([
      ['計画に基づく旭川市の取組事業一覧'],
      [null, null, null, '目指す地域像１'],
      ['通し番号', '主 な 取 組', '取組\n概要', '（１）'],
      [1, 'a', 'b', '○'],
    ]);
    const [block] = findHeaderBlocks(sheet);
    expect(block && { headerRow: block.headerRow, top: block.top, bottom: block.bottom, left: [...block.left] }).toEqual({
      headerRow: 2,
      top: 1,
      bottom: 2,
      left: [
        ['number', 0],
        ['title', 1],
        ['summary', 2],
      ],
    });
    expect(block?.bandColumns.map((column) => column.stack.map((element) => element.norm))).toEqual([['目指す地域像1', '(1)']]);
  });

  it('finds two tables on one sheet, each header once however tall its merges', () => {
    const sheet = grid(
      [
        ['通し番号', '主な取組', '取組概要', 'X'],
        [null, null, null, 'Y'],
        [1, 'a', 'b', '○'],
        [],
        ['通し番号', '主な取組', '取組概要', 'X'],
        [1, 'a', 'b', '○'],
      ],
      [range(0, 0, 1, 0), range(0, 1, 1, 1), range(0, 2, 1, 2)],
    );
    expect(findHeaderBlocks(sheet).map((block) => [block.top, block.bottom])).toEqual([
      [0, 1],
      [4, 4],
    ]);
  });
});
