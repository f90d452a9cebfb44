import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv } from '../../../shared/excel/csv-decode';
import { displayHeader, normaliseHeader } from '../../../shared/excel/header-text';
import { readMark } from '../../../shared/excel/mark-values';
import { identifyTable } from '../../../shared/excel/read-table-kind';
import { joinNameTexts, splitNames } from '../../../shared/excel/row-names';
import { readSerialNumber } from '../../../shared/excel/row-number';
import { cellAddress, columnLetter, parseCellAddress } from '../../../shared/excel/sheet-address';
import { builtin } from './import-helpers';

const known = new Set(builtin.masters.departments.flatMap((department) => [department.name, ...department.sections]));

describe('a ○ cell', () => {
  it.each(['○', '〇', '◯', '●', '◎', '✓', '✔', 'レ', 'ﾚ', '1', '１', 'TRUE', 'true', ' ○ ', '\n〇'])('reads %j as a mark', (text) => {
    expect(readMark(text)).toBe('mark');
  });
  it('reads the booleans and the number 1', () => {
    expect([readMark(true), readMark(false), readMark(1)]).toEqual(['mark', 'none', 'mark']);
  });
  it.each([undefined, '', ' ', '　', '\n', 'FALSE', 'false'])('reads %j as no mark', (value) => {
    expect(readMark(value)).toBe('none');
  });
  it.each(['×', '✕', '△', '0', 'x', '○○', 'はい', '2', '#N/A'])('refuses %j', (text) => {
    expect(readMark(text)).toBe('invalid');
  });
  it('refuses other numbers', () => {
    expect([readMark(0), readMark(2), readMark(1.5)]).toEqual(['invalid', 'invalid', 'invalid']);
  });
});

describe('a 通し番号 cell', () => {
  it('reads numbers, full-width digits, and says what else it holds', () => {
    expect(readSerialNumber(12)).toEqual({ kind: 'number', value: 12 });
    expect(readSerialNumber('１２')).toEqual({ kind: 'number', value: 12 });
    expect(readSerialNumber(' 7 ')).toEqual({ kind: 'number', value: 7 });
    expect(readSerialNumber(undefined)).toEqual({ kind: 'missing' });
    expect(readSerialNumber('　')).toEqual({ kind: 'missing' });
    expect(readSerialNumber('一')).toEqual({ kind: 'text', text: '一' });
    expect(readSerialNumber(0)).toEqual({ kind: 'text', text: '0' });
    expect(readSerialNumber(2.5)).toEqual({ kind: 'text', text: '2.5' });
  });
});

describe('部 and 課 values', () => {
  it('splits on line breaks first, then on 「・」, trimmed, dropping empty pieces', () => {
    expect(splitNames('福祉保険課・長寿社会課・障害福祉課・保護課', known)).toEqual(['福祉保険課', '長寿社会課', '障害福祉課', '保護課']);
    expect(splitNames('福祉保険部\r\n 子育て支援部 \n\n', known)).toEqual(['福祉保険部', '子育て支援部']);
    expect(splitNames('建築部・\n土木部', known)).toEqual(['建築部', '土木部']);
    expect(splitNames('　関係部局　', known)).toEqual(['関係部局']);
    expect(splitNames('', known)).toEqual([]);
  });

  it('keeps a known name that contains 「・」 whole', () => {
    const withDot = new Set([...known, '総務・企画課']);
    expect(splitNames('総務・企画課\n福祉保険課・保護課', withDot)).toEqual(['総務・企画課', '福祉保険課', '保護課']);
    expect(splitNames('総務・企画課', known)).toEqual(['総務', '企画課']);
  });

  it('joins continued text: concatenated, except two whole known names, which stay two values', () => {
    expect(joinNameTexts('福祉保険課・長寿社会課・', '障害福祉課', known)).toBe('福祉保険課・長寿社会課・障害福祉課');
    expect(joinNameTexts('長寿社会課', '子ども総合相談センター', known)).toBe('長寿社会課\n子ども総合相談センター');
    expect(joinNameTexts('公園みど', 'り課', known)).toBe('公園みどり課');
    expect(joinNameTexts('子ども総合', '相談センター', known)).toBe('子ども総合相談センター');
    expect(joinNameTexts('', '土木部', known)).toBe('土木部');
    expect(joinNameTexts('建築部', '', known)).toBe('建築部');
    expect(joinNameTexts('福祉保険課', '・保護課', known)).toBe('福祉保険課・保護課');
  });
});

describe('header texts', () => {
  it('compare without width, spaces or line breaks, so vertical text matches', () => {
    expect(normaliseHeader('地\n域\n福\n祉')).toBe('地域福祉');
    expect(normaliseHeader('目指す地域像　１')).toBe('目指す地域像1');
    expect(normaliseHeader('（２）')).toBe('(2)');
    expect(normaliseHeader('主な\r\n取組\u200b')).toBe('主な取組');
    expect(displayHeader('旭\n川\n市')).toBe('旭川市');
    expect(displayHeader(' みんなが健康で　安心 ')).toBe('みんなが健康で　安心');
  });

  it('normalising is idempotent and never leaves whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normaliseHeader(text);
        expect(normaliseHeader(once)).toBe(once);
        expect(once).not.toMatch(/\s/u);
      }),
    );
  });
});

describe('A1 addresses', () => {
  it('names columns as Excel does and reads them back', () => {
    expect([0, 25, 26, 51, 701, 702, 16_383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA', 'XFD']);
    expect(cellAddress(11, 10)).toBe('K12');
    fc.assert(
      fc.property(fc.nat(1_048_575), fc.nat(16_383), (row, column) => {
        expect(parseCellAddress(cellAddress(row, column))).toEqual({ row, column });
      }),
    );
    expect(parseCellAddress('')).toBeUndefined();
    expect(parseCellAddress('K')).toBeUndefined();
  });
});

describe('CSV bytes', () => {
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  it('decodes UTF-8 with and without a byte-order mark', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...encode('部,課')]))).toEqual({ ok: true, text: '部,課', encoding: 'utf-8' });
    expect(decodeCsv(encode('主な取組'))).toEqual({ ok: true, text: '主な取組', encoding: 'utf-8' });
  });

  it('falls back to Shift_JIS for bytes that are not UTF-8', () => {
    // 「部,課○」 in Shift_JIS.
    expect(decodeCsv(new Uint8Array([0x95, 0x94, 0x2c, 0x89, 0xdb, 0x81, 0x9b]))).toEqual({ ok: true, text: '部,課○', encoding: 'shift_jis' });
  });

  it('decodes UTF-16 with a byte-order mark, as Excel saves Unicode text', () => {
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, 0xe8, 0x90, 0x2c, 0x00]))).toEqual({ ok: true, text: '部,', encoding: 'utf-16le' });
  });

  it('refuses bytes that are neither, and a BOM over bytes that are not UTF-8', () => {
    expect(decodeCsv(new Uint8Array([0x81, 0x20, 0xff, 0xfd]))).toEqual({
      ok: false,
      message: '文字コードが分かりません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください',
    });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x95, 0x94]))).toEqual({
      ok: false,
      message: 'UTF-8 の印（BOM）がありますが、UTF-8 として読めない文字があります',
    });
  });
});

describe('which table a header starts', () => {
  const titles = { city: builtin.tables.city.title, council: builtin.tables.council.title };
  const clues = { textsAbove: [] as string[], sheetName: 'Sheet1', hasDepartmentColumns: true, tableTitles: titles };
  it('goes by the title above first, the nearest one', () => {
    expect(identifyTable({ ...clues, textsAbove: [titles.council], hasDepartmentColumns: true })).toBe('council');
    expect(identifyTable({ ...clues, textsAbove: [titles.council, 'メモ', titles.city], sheetName: '社会福祉協議会' })).toBe('city');
    expect(identifyTable({ ...clues, textsAbove: ['令和６年度 旭川市社会福祉協議会 取組一覧'], tableTitles: {} })).toBe('council');
  });
  it('then by the sheet name, then by 部/課 columns', () => {
    expect(identifyTable({ ...clues, sheetName: '社会福祉協議会' })).toBe('council');
    expect(identifyTable({ ...clues, sheetName: '旭川市', hasDepartmentColumns: false })).toBe('city');
    expect(identifyTable({ ...clues, textsAbove: ['※ 社会福祉協議会と連携して実施'] })).toBe('city');
    expect(identifyTable({ ...clues, hasDepartmentColumns: false })).toBe('council');
  });
});
