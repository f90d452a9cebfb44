import { describe, expect, it } from 'vitest';
import { clipboardCells } from '../../../shared/clipboard/clipboard-table';
import { decodeEntities, formatHtmlTable, parseHtmlTable } from '../../../shared/clipboard/html-table';
import { formatTsv } from '../../../shared/clipboard/tsv';

// The shape of what Excel for Windows puts on the clipboard as HTML (CF_HTML body), trimmed.
const EXCEL_FRAGMENT = `<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<style>
<!--table
	{mso-displayed-decimal-separator:"\\.";}
td
	{padding-top:1px;
	mso-number-format:General;}
.xl65
	{white-space:normal;}
-->
</style>
</head>
<body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=383 style='border-collapse:
 collapse;width:288pt'>
<!--StartFragment-->
 <col width=64 style='width:48pt'>
 <tr height=37 style='height:27.75pt'>
  <td height=37 class=xl65 width=120 style='height:27.75pt;width:90pt'>地域福祉計画の周知</td>
  <td class=xl65 width=135 style='width:101pt'>福祉保険課<br>
    長寿社会課</td>
  <td align=center style='text-align:center'>○</td>
  <td></td>
 </tr>
 <tr height=18 style='height:13.5pt'>
  <td height=18 class=xl65 style='height:13.5pt'>A&amp;B &lt;C&gt;</td>
  <td class=xl65>&nbsp;</td>
  <td align=center>〇</td>
  <td align=center x:bool="TRUE">TRUE</td>
 </tr>
<!--EndFragment-->
</table>
</body>
</html>`;

describe('parseHtmlTable', () => {
  it('reads an Excel fragment: <br> as a line break, styles, comments and entities ignored', () => {
    expect(parseHtmlTable(EXCEL_FRAGMENT)).toEqual([
      ['地域福祉計画の周知', '福祉保険課\n長寿社会課', '○', ''],
      ['A&B <C>', '', '〇', 'TRUE'],
    ]);
  });

  it('reads block elements inside cells as lines (Google Sheets, LibreOffice, web pages)', () => {
    const html =
      '<google-sheets-html-origin><style type="text/css">td{border:1px}</style><table><tbody><tr><td><p>一行目</p><p>二行目</p></td><td><div>a</div>b</td></tr></tbody></table>';
    expect(parseHtmlTable(html)).toEqual([['一行目\n二行目', 'a\nb']]);
  });

  it('collapses source whitespace but keeps full-width spaces', () => {
    expect(parseHtmlTable('<table><tr><td>\n   普段の暮らしの中で　誰もが\n  </td></tr></table>')).toEqual([['普段の暮らしの中で　誰もが']]);
  });

  it('spreads merged cells into empty cells, as a spreadsheet does', () => {
    const html = '<table><tr><td colspan="2">A</td><td rowspan=2>B</td></tr><tr><td>C</td><td>D</td></tr></table>';
    expect(parseHtmlTable(html)).toEqual([
      ['A', '', 'B'],
      ['C', 'D', ''],
    ]);
  });

  it('tolerates missing closing tags and attributes holding >', () => {
    const html = '<TABLE><TR><TD title="a>b">x<TD>y<TR><TD>z</TABLE>';
    expect(parseHtmlTable(html)).toEqual([['x', 'y'], ['z']]);
  });

  it('returns null when there is no table', () => {
    expect(parseHtmlTable('<p>ただの文章</p>')).toBeNull();
  });

  it('decodes numeric entities', () => {
    expect(decodeEntities('&#9675;&#x3007;&amp;&unknown;')).toBe('○〇&&unknown;');
  });
});

describe('formatHtmlTable', () => {
  it('writes a table with <br> for line breaks and escapes markup', () => {
    const html = formatHtmlTable([['福祉保険課\n長寿社会課', '<b>&"']]);
    expect(html).toContain('<table');
    expect(html).toContain('福祉保険課<br style="mso-data-placement:same-cell;">長寿社会課');
    expect(html).toContain('&lt;b&gt;&amp;&quot;');
  });

  it('round-trips through parseHtmlTable, CRLF included', () => {
    const cells = [
      ['1', '福祉保険部\n建築部', 'タブ\tと "引用"', ''],
      ['2', '', '一行目\r\n二行目', '○'],
    ];
    expect(parseHtmlTable(formatHtmlTable(cells))).toEqual([
      ['1', '福祉保険部\n建築部', 'タブ と "引用"', ''],
      ['2', '', '一行目\n二行目', '○'],
    ]);
  });
});

describe('clipboardCells', () => {
  it('prefers the HTML table, which keeps line breaks inside cells', () => {
    expect(clipboardCells({ html: '<table><tr><td>a<br>b</td></tr></table>', text: 'a\nb' })).toEqual([['a\nb']]);
  });

  it('falls back to the TSV when the HTML has no table or is absent', () => {
    expect(clipboardCells({ html: '<span>a</span>', text: '"a\nb"\tc\r\n' })).toEqual([['a\nb', 'c']]);
    expect(clipboardCells({ text: formatTsv([['x', 'y']]) })).toEqual([['x', 'y']]);
    expect(clipboardCells({})).toEqual([]);
  });
});
