/**
 * The annex's own layout with every kind of wrong cell: values no ○ column can hold, odd but readable values, rich text
 * and phonetic guides, cell XML that lies, a cell SheetJS drops its sheet for, cells at the far right edge.
 */
import type { AnnexDocument } from '../../shared/model/annex-document';
import { addressOf, ODD_CELLS, WRONG_MARKS, wrongCellWorkbook, type WrongCell } from './hostile-cells';
import type { HostileCase } from './hostile-corpus';
import { bookSst, withRawMarks, withSideSheet } from './hostile-parts';
import { rezip } from './hostile-zip';
import { annexWorkbook, writeWorkbook } from './make-import-fixtures';

const CITY = '旭川市';
const badMark = 'は○として読めません';

/** Where each located problem is said: 「file シート「旭川市」 セル F10: what」. */
const located = (document: AnnexDocument, cells: readonly WrongCell[], extension: string): string[] =>
  cells
    .filter((wrong) => wrong.says !== undefined && !wrong.notIn?.some((format) => format === extension))
    .map((wrong) => `シート「${CITY}」 セル ${addressOf(document, wrong)}: ${wrong.says ?? ''}`);

export function* cellCases(base: AnnexDocument): Generator<HostileCase> {
  const xlsx = (): Uint8Array => writeWorkbook(annexWorkbook(base));
  for (const bookType of ['xlsx', 'biff8', 'ods'] as const) {
    const extension = bookType === 'biff8' ? 'xls' : bookType;
    yield {
      name: `the annex with cells no ○ column can hold (.${extension})`,
      fileName: `wrong-marks.${extension}`,
      bytes: () => writeWorkbook(wrongCellWorkbook(base, WRONG_MARKS), bookType),
      expected: 'error',
      messageIncludes: located(base, WRONG_MARKS, extension),
    };
    yield {
      name: `the annex with odd but readable cells (.${extension})`,
      fileName: `odd-cells.${extension}`,
      bytes: () => writeWorkbook(wrongCellWorkbook(base, ODD_CELLS), bookType),
      expected: 'ok-with-warnings',
      messageIncludes: located(base, ODD_CELLS, extension),
    };
  }
  yield {
    name: 'rich-text ○ and a summary with phonetic guides (furigana)',
    fileName: 'rich.xlsx',
    bytes: () =>
      rezip(bookSst(annexWorkbook(base)), {
        'xl/sharedStrings.xml': (xml) =>
          xml
            .replace('<si><t>○</t></si>', '<si><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>○</t></r></si>')
            .replace(/<si><t>([^<]{20,})<\/t><\/si>/, '<si><r><t>$1</t></r><rPh sb="0" eb="2"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>'),
      }),
    expected: 'ok',
    readsAsBase: true,
  };
  yield {
    name: 'cells whose XML lies: NaN, 1e999, a date that is none, an unknown error, a boolean 2, an unknown type',
    fileName: 'raw-cells.xlsx',
    bytes: () =>
      rezip(xlsx(), {
        'xl/worksheets/sheet1.xml': (xml) =>
          withRawMarks(
            xml,
            '<c r="F10"><v>NaN</v></c><c r="G10"><v>1e999</v></c><c r="H10" t="d"><v>not a date</v></c><c r="I10" t="e"><v>#BOGUS!</v></c>' +
              '<c r="J10" t="b"><v>2</v></c><c r="K10" t="x"><v>○</v></c>',
          ),
      }),
    expected: 'error',
    messageIncludes: ['F10: 「#NUM!」', 'G10: 「#NUM!」', 'H10: 「#NUM!」', 'I10: 「#ERROR」'].map((text) => `シート「${CITY}」 セル ${text}${badMark}`),
  };
  yield {
    name: 'a shared string past the end of the table, which SheetJS answers by dropping the sheet',
    fileName: 'lost-sheet.xlsx',
    bytes: () => rezip(xlsx(), { 'xl/worksheets/sheet1.xml': (xml) => withRawMarks(xml, '<c r="F10" t="s"><v>99999</v></c>') }),
    expected: 'error',
    messageIncludes: [`シート「${CITY}」が壊れていて読めません`],
  };
  yield {
    name: 'a 構造 sheet with one cell at XFD150000',
    fileName: 'far-structure.xlsx',
    bytes: () =>
      rezip(writeWorkbook(annexWorkbook(base, { structure: true })), {
        'xl/worksheets/sheet3.xml': (xml) => xml.replace('</sheetData>', '<row r="150000"><c r="XFD150000"><v>1</v></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, ''),
      }),
    expected: 'ok',
    readsAsBase: true,
  };
  yield {
    name: 'a side sheet of 150,000 rows each reaching column XFD',
    fileName: 'wide.xlsx',
    bytes: () =>
      withSideSheet(xlsx(), 'メモ', function* () {
        for (let row = 1; row <= 150_000; row += 1000) {
          yield Array.from({ length: 1000 }, (_, offset) => `<row r="${row + offset}"><c r="XFD${row + offset}"><v>${row + offset}</v></c></row>`).join('');
        }
      }),
    expected: 'ok',
    readsAsBase: true,
  };
}
