import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '../../../shared/clipboard/tsv';

describe('formatTsv', () => {
  it('writes rows as Excel copies them: tabs, CRLF after every row', () => {
    expect(formatTsv([['1', '福祉保険部'], ['2', '保健所']])).toBe('1\t福祉保険部\r\n2\t保健所\r\n');
  });

  it('quotes cells holding tabs, line breaks or quotes, doubling the quotes', () => {
    expect(formatTsv([['福祉保険課\n長寿社会課', 'a\tb', '「認知症サポーター」"養成"', '']])).toBe(
      '"福祉保険課\n長寿社会課"\t"a\tb"\t"「認知症サポーター」""養成"""\t\r\n',
    );
  });

  it('writes a CRLF inside a cell as LF, as Excel keeps it', () => {
    expect(formatTsv([['一行目\r\n二行目']])).toBe('"一行目\n二行目"\r\n');
  });
});

describe('parseTsv', () => {
  it('reads what formatTsv writes, for awkward cells', () => {
    const cells = [
      ['1', '福祉保険部\n建築部', '"引用"で始まる', 'タブ\tあり', ''],
      ['', '', '末尾の"', '改行\n\nふたつ', '○'],
    ];
    expect(parseTsv(formatTsv(cells))).toEqual(cells);
  });

  it("drops Excel's trailing line break instead of making an empty row", () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('a\tb')).toEqual([['a', 'b']]);
    expect(parseTsv('a\n')).toEqual([['a']]);
  });

  it('keeps an empty row in the middle and empty cells at the ends', () => {
    expect(parseTsv('a\r\n\r\n\tb\t\r\n')).toEqual([['a'], [''], ['', 'b', '']]);
  });

  it('reads CRLF, LF and CR row breaks, and CRLF inside a quoted cell as LF', () => {
    expect(parseTsv('a\rb\nc\r\n"d\r\ne"\r\n')).toEqual([['a'], ['b'], ['c'], ['d\ne']]);
  });

  it('treats a quote that does not start a cell as an ordinary character', () => {
    expect(parseTsv('5"\t約"3"件\r\n')).toEqual([['5"', '約"3"件']]);
  });

  it('keeps an unclosed quoted cell as text', () => {
    expect(parseTsv('"abc\tdef')).toEqual([['"abc\tdef']]);
  });

  it('reads an empty clipboard as no rows', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('reads a multi-line cell copied alone from Excel', () => {
    expect(parseTsv('"福祉保険課\n長寿社会課・障害福祉課"\r\n')).toEqual([['福祉保険課\n長寿社会課・障害福祉課']]);
  });
});
