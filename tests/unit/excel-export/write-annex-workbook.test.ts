import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { annexSheetLayout, columnLetters, printAreaOf } from '../../../shared/excel/annex-sheet-layout';
import {
  bandRowHeightsPt,
  columnTextWidthPt,
  rowHeightPt,
  textWidthEm,
  verticalTextHeightPt,
  wrappedLineCount,
  MAX_ROW_HEIGHT_PT,
} from '../../../shared/excel/row-height';
import { structureSheetRows } from '../../../shared/excel/structure-sheet';
import { ROW_ID_HEADER, STRUCTURE_SHEET_NAME, TABLE_SHEET_NAMES } from '../../../shared/excel/workbook-names';
import { excelText, writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import { TABLE_KINDS, type AnnexDocument, type AnnexRow, type TableKind } from '../../../shared/model/annex-document';
import { markColumns, type Plan } from '../../../shared/model/plan';

const annex = builtinAnnex();
const MARK_IDS = markColumns(annex.plan).map((column) => column.id);

interface ReadBack {
  readonly bytes: Uint8Array;
  readonly excel: ExcelJS.Workbook;
  readonly sheetjs: XLSX.WorkBook;
}

async function writeAndRead(document: AnnexDocument): Promise<ReadBack> {
  const bytes = await writeAnnexWorkbook(document);
  const excel = new ExcelJS.Workbook();
  // ExcelJS types its input as its own Buffer (an ArrayBuffer): hand it an exact copy.
  await excel.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const sheetjs = XLSX.read(bytes, { type: 'array', bookFiles: true, cellStyles: true });
  return { bytes, excel, sheetjs };
}

function excelSheet(book: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function sheetjsSheet(book: XLSX.WorkBook, name: string): XLSX.WorkSheet {
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A file of the written zip, as text. */
function zipText(book: XLSX.WorkBook, path: string): string {
  const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
  const file = files[path];
  if (!file) throw new Error(`no ${path} in the workbook`);
  return new TextDecoder().decode(file.content);
}

function merges(sheet: XLSX.WorkSheet): string[] {
  return (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range)).sort();
}

/** Every value cell of every sheet. */
function everyCell(book: XLSX.WorkBook): [string, string, XLSX.CellObject][] {
  const cells: [string, string, XLSX.CellObject][] = [];
  for (const name of book.SheetNames) {
    const sheet = sheetjsSheet(book, name);
    for (const [address, cell] of Object.entries(sheet)) {
      if (!address.startsWith('!')) cells.push([name, address, cell as XLSX.CellObject]);
    }
  }
  return cells;
}

function withRows(document: AnnexDocument, city: readonly AnnexRow[], council: readonly AnnexRow[] = []): AnnexDocument {
  return {
    ...document,
    tables: { city: { ...document.tables.city, rows: city }, council: { ...document.tables.council, rows: council } },
  };
}

const row = (id: string, overrides: Partial<AnnexRow> = {}): AnnexRow => ({
  id,
  departments: ['福祉保険部'],
  sections: ['福祉保険課'],
  title: '地域見守り事業',
  summary: '地域の見守り活動を支援します。',
  marks: ['v1-1'],
  ...overrides,
});

describe('writeAnnexWorkbook on the built-in 2024 annex', () => {
  let book: ReadBack;
  beforeAll(async () => {
    book = await writeAndRead(annex);
  });

  it('names the sheets 旭川市, 社会福祉協議会 and 構造, in that order', () => {
    const expected = [TABLE_SHEET_NAMES.city, TABLE_SHEET_NAMES.council, STRUCTURE_SHEET_NAME];
    expect(expected).toEqual(['旭川市', '社会福祉協議会', '構造']);
    expect(book.sheetjs.SheetNames).toEqual(expected);
    expect(book.excel.worksheets.map((sheet) => sheet.name)).toEqual(expected);
  });

  it('merges the city header band: title, 基本理念, each vision over its columns, the split concept, left headers down the band', () => {
    // A–E left columns, F–Q the 12 mark columns (F v1-1, G–H v1-2's two sub-columns, I–K v2, L–N v3, O–Q v4), R the ids.
    expect(merges(sheetjsSheet(book.sheetjs, '旭川市'))).toEqual(
      [
        'A1:Q1', // the table's title
        'A2:A9', 'B2:B9', 'C2:C9', 'D2:D9', 'E2:E9', 'R2:R9', // 通し番号 部 課 主な取組 取組概要, 行ID
        'F2:Q2', 'F3:Q3', // 基本理念 and its sentence
        'F4:H4', 'F5:H5', 'F6:H6', // 目指す地域像１, its title, 基本的な考え方
        'I4:K4', 'I5:K5', 'I6:K6',
        'L4:N4', 'L5:N5', 'L6:N6',
        'O4:Q4', 'O5:Q5', 'O6:Q6',
        'G7:H7', 'G8:H8', // 地域像１（２）: label and horizontal title over its two sub-columns
        'F8:F9', 'I8:I9', 'J8:J9', 'K8:K9', 'L8:L9', 'M8:M9', 'N8:N9', 'O8:O9', 'P8:P9', 'Q8:Q9', // vertical concept titles
      ].sort(),
    );
    const sheet = sheetjsSheet(book.sheetjs, '旭川市');
    const value = (address: string): unknown => sheet[address]?.v;
    expect(value('A1')).toBe('計画に基づく旭川市の取組事業一覧');
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'R2'].map(value)).toEqual(['通し番号', '部', '課', '主な取組', '取組概要', ROW_ID_HEADER]);
    expect(value('F2')).toBe('基本理念');
    expect(value('F3')).toBe(annex.plan.philosophy);
    expect(['F4', 'I4', 'L4', 'O4'].map(value)).toEqual(['目指す地域像１', '目指す地域像２', '目指す地域像３', '目指す地域像４']);
    expect(['F5', 'I5', 'L5', 'O5'].map(value)).toEqual(annex.plan.visions.map((vision) => vision.title));
    expect(['F6', 'I6', 'L6', 'O6'].map(value)).toEqual(Array(4).fill('基本的な考え方'));
    expect(['F7', 'G7', 'I7', 'J7', 'K7'].map(value)).toEqual(['（１）', '（２）', '（１）', '（２）', '（３）']);
    expect(value('F8')).toBe('地域福祉や多様性について学び，互いに配慮し合う');
    expect(value('G8')).toBe('一人一人の権利が守られるとともに，犯罪のない地域をつくる');
    expect(value('G9')).toBe('旭川市成年後見制度利用促進計画関係');
    expect(value('H9')).toBe('旭川市再犯防止推進計画関係');
    expect(value('Q8')).toBe('災害に備えた取組を推進する');
  });

  it('merges the council header band the same way, left of a matrix two columns further left', () => {
    const found = merges(sheetjsSheet(book.sheetjs, '社会福祉協議会'));
    expect(found).toEqual(
      [
        'A1:O1', 'A2:A9', 'B2:B9', 'C2:C9', 'P2:P9', 'D2:O2', 'D3:O3',
        'D4:F4', 'D5:F5', 'D6:F6', 'G4:I4', 'G5:I5', 'G6:I6', 'J4:L4', 'J5:L5', 'J6:L6', 'M4:O4', 'M5:O5', 'M6:O6',
        'E7:F7', 'E8:F8', 'D8:D9', 'G8:G9', 'H8:H9', 'I8:I9', 'J8:J9', 'K8:K9', 'L8:L9', 'M8:M9', 'N8:N9', 'O8:O9',
      ].sort(),
    );
    const sheet = sheetjsSheet(book.sheetjs, '社会福祉協議会');
    expect(sheet.A1?.v).toBe('計画に基づく旭川市社会福祉協議会の取組事業一覧');
    expect(['A2', 'B2', 'C2', 'P2'].map((address) => sheet[address]?.v)).toEqual(['通し番号', '主な取組', '取組概要', ROW_ID_HEADER]);
  });

  it('writes concept and sub-column titles as vertical text, the split concept horizontally', () => {
    const sheet = excelSheet(book.excel, '旭川市');
    const vertical = { textRotation: 'vertical', vertical: 'top', horizontal: 'center' };
    for (const address of ['F8', 'I8', 'J8', 'K8', 'L8', 'M8', 'N8', 'O8', 'P8', 'Q8', 'G9', 'H9']) {
      expect(sheet.getCell(address).alignment, address).toMatchObject(vertical);
      // wrapText: false is the default, so the file leaves it out.
      expect(sheet.getCell(address).alignment?.wrapText, address).toBeFalsy();
    }
    expect(zipText(book.sheetjs, 'xl/styles.xml')).toMatch(/<alignment horizontal="center" vertical="top" textRotation="255"\/>/);
    for (const address of ['G8', 'F5', 'A2', 'F7']) {
      expect(sheet.getCell(address).alignment?.textRotation, address).toBeUndefined();
      expect(sheet.getCell(address).alignment?.horizontal, address).toBe('center');
    }
    // The band is tall enough for the longest vertical title at about 1 em a character.
    const longest = Math.max(...markColumns(annex.plan).map((column) => [...column.title].length));
    const band = (sheet.getRow(8).height ?? 0) + (sheet.getRow(9).height ?? 0);
    expect(band).toBeGreaterThanOrEqual(longest * 9);
    expect(sheet.getRow(9).height ?? 0).toBeGreaterThanOrEqual([...'旭川市成年後見制度利用促進計画関係'].length * 9);
  });

  it('uses BIZ UDPGothic 9 (charset 128) on every cell of the table sheets; the workbook default font stays Calibri', () => {
    for (const kind of TABLE_KINDS) {
      const sheet = excelSheet(book.excel, TABLE_SHEET_NAMES[kind]);
      let cells = 0;
      sheet.eachRow({ includeEmpty: true }, (sheetRow) => {
        sheetRow.eachCell({ includeEmpty: true }, (cell) => {
          cells += 1;
          expect(cell.font, `${kind} ${cell.address}`).toMatchObject({ name: 'BIZ UDPGothic', size: 9, charset: 128 });
        });
      });
      expect(cells).toBeGreaterThan(100);
    }
    const styles = zipText(book.sheetjs, 'xl/styles.xml');
    const firstFont = /<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles)?.[1] ?? '';
    expect(firstFont).toContain('<name val="Calibri"/>');
    expect(firstFont).toContain('<sz val="11"/>');
  });

  it('draws thin borders on every table cell, merged ranges included, and a medium line at the left of each vision', () => {
    const sheet = excelSheet(book.excel, '旭川市');
    const visionStarts = new Set(['F', 'I', 'L', 'O']);
    const beforeVision = new Set(['E', 'H', 'K', 'N']);
    for (let rowNumber = 2; rowNumber <= 9 + annex.tables.city.rows.length; rowNumber++) {
      for (let column = 1; column <= 17; column++) {
        const letters = columnLetters(column);
        const border = sheet.getCell(rowNumber, column).border;
        const where = `${letters}${rowNumber}`;
        expect(border?.top?.style, where).toBe('thin');
        expect(border?.bottom?.style, where).toBe('thin');
        expect(border?.left?.style, where).toBe(visionStarts.has(letters) ? 'medium' : 'thin');
        expect(border?.right?.style, where).toBe(beforeVision.has(letters) ? 'medium' : 'thin');
      }
    }
  });

  it('sets up printing: A3 landscape, one page wide, the band repeated, page numbers, frozen panes', () => {
    const expected: Record<TableKind, { area: string; xSplit: number }> = {
      city: { area: `A1:Q${9 + annex.tables.city.rows.length}`, xSplit: 4 },
      council: { area: `A1:O${9 + annex.tables.council.rows.length}`, xSplit: 2 },
    };
    for (const kind of TABLE_KINDS) {
      const sheet = excelSheet(book.excel, TABLE_SHEET_NAMES[kind]);
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 8,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: '1:9',
        printArea: expected[kind].area,
      });
      const margins = sheet.pageSetup.margins;
      expect(margins?.left).toBeLessThanOrEqual(0.5);
      expect(margins?.top).toBeLessThanOrEqual(0.75);
      expect(sheet.headerFooter.oddFooter).toBe('&C&P / &N');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: expected[kind].xSplit, ySplit: 9 });
    }
    // The same names as another reader sees them: absolute references, per sheet.
    const names = (book.sheetjs.Workbook?.Names ?? []).map((name) => [name.Name, name.Sheet, name.Ref]);
    expect(names).toEqual([
      ['_xlnm.Print_Area', 0, `'旭川市'!$A$1:$Q$${9 + annex.tables.city.rows.length}`],
      ['_xlnm.Print_Titles', 0, `'旭川市'!$1:$9`],
      ['_xlnm.Print_Area', 1, `'社会福祉協議会'!$A$1:$O$${9 + annex.tables.council.rows.length}`],
      ['_xlnm.Print_Titles', 1, `'社会福祉協議会'!$1:$9`],
    ]);
  });

  it('hides the id column, outside the print area, holding each row id', () => {
    const expected: Record<TableKind, { column: number; area: string }> = { city: { column: 18, area: 'Q' }, council: { column: 16, area: 'O' } };
    for (const kind of TABLE_KINDS) {
      const name = TABLE_SHEET_NAMES[kind];
      const { column } = expected[kind];
      expect(excelSheet(book.excel, name).getColumn(column).hidden).toBe(true);
      expect(sheetjsSheet(book.sheetjs, name)['!cols']?.[column - 1]?.hidden).toBe(true);
      expect(excelSheet(book.excel, name).pageSetup.printArea?.split(':')[1]?.replace(/\d+/, '')).toBe(expected[kind].area);
      const sheet = sheetjsSheet(book.sheetjs, name);
      annex.tables[kind].rows.forEach((annexRow, index) => {
        expect(sheet[`${columnLetters(column)}${10 + index}`]?.v).toBe(annexRow.id);
      });
      // Printed columns only are visible.
      for (let visible = 1; visible < column; visible++) {
        expect(excelSheet(book.excel, name).getColumn(visible).hidden, `${kind} ${visible}`).toBe(false);
      }
    }
  });

  it('writes each row: 通し番号 as a number, 部 and 課 one per line, texts as they are, ○ in the marked columns only', () => {
    for (const kind of TABLE_KINDS) {
      const sheet = sheetjsSheet(book.sheetjs, TABLE_SHEET_NAMES[kind]);
      const values = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, range: 9, defval: null, raw: true, blankrows: true });
      const rows = annex.tables[kind].rows;
      expect(values).toHaveLength(rows.length);
      rows.forEach((annexRow, index) => {
        const left =
          kind === 'city'
            ? [index + 1, annexRow.departments.join('\n') || null, annexRow.sections.join('\n') || null, annexRow.title, annexRow.summary]
            : [index + 1, annexRow.title, annexRow.summary];
        const marks = MARK_IDS.map((id) => (annexRow.marks.includes(id) ? '○' : null));
        expect(values[index], `${kind} ${index + 1}`).toEqual([...left, ...marks, annexRow.id]);
      });
    }
    // Rows 12 and 64 of the city table have several 部 or 課.
    const city = sheetjsSheet(book.sheetjs, '旭川市');
    expect(city.C21?.v).toBe('福祉保険課\n長寿社会課\n障害福祉課\n保護課');
    expect(city.B73?.v).toBe('建築部\n土木部');
    expect(city.A10).toMatchObject({ t: 'n', v: 1 });
  });

  it('centres ○ and wraps the left columns', () => {
    const sheet = excelSheet(book.excel, '旭川市');
    const first = annex.tables.city.rows[0];
    expect(first?.marks[0]).toBe('v1-1');
    expect(sheet.getCell('F10').value).toBe('○');
    expect(sheet.getCell('F10').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(sheet.getCell('G10').alignment).toMatchObject({ horizontal: 'center' });
    for (const address of ['B10', 'C10', 'D10', 'E10']) expect(sheet.getCell(address).alignment?.wrapText, address).toBe(true);
  });

  it('gives every data row an estimated height that fits its text', () => {
    const sheet = excelSheet(book.excel, '旭川市');
    annex.tables.city.rows.forEach((annexRow, index) => {
      const height = sheet.getRow(10 + index).height ?? 0;
      const summaryLines = wrappedLineCount(annexRow.summary, columnTextWidthPt(76));
      expect(height, `row ${index + 1}`).toBeGreaterThanOrEqual(summaryLines * 9 + 2);
      expect(height).toBeGreaterThanOrEqual(annexRow.sections.length * 9);
      expect(height).toBeLessThanOrEqual(MAX_ROW_HEIGHT_PT);
    });
  });

  it('writes the 構造 sheet as structureSheetRows(), with bold headings', () => {
    const expected = structureSheetRows({
      plan: annex.plan,
      masters: annex.masters,
      tableTitles: { city: annex.tables.city.title, council: annex.tables.council.title },
      provenance: annex.provenance,
      settings: annex.settings,
    });
    const sheet = sheetjsSheet(book.sheetjs, STRUCTURE_SHEET_NAME);
    const found = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, blankrows: true });
    expect(found).toEqual(expected);
    const excel = excelSheet(book.excel, STRUCTURE_SHEET_NAME);
    expect(excel.getCell('A1').font?.bold).toBe(true);
    expect(excel.getCell('A2').font?.bold).toBe(true); // 項目
    expect(excel.getCell('A3').font?.bold).toBeFalsy();
    const treeHeading = expected.findIndex((cells) => cells[0] === '種類') + 1;
    expect(excel.getCell(`A${treeHeading}`).font?.bold).toBe(true);
    expect(excel.getCell(`A${treeHeading + 1}`).font?.bold).toBeFalsy();
    expect(excel.getColumn(1).width ?? 0).toBeGreaterThanOrEqual(12);
  });

  it('writes no formula anywhere', () => {
    for (const [sheet, address, cell] of everyCell(book.sheetjs)) expect(cell.f, `${sheet}!${address}`).toBeUndefined();
  });
});

describe('writeAnnexWorkbook settings and edge cases', () => {
  it('prints on A4 when the settings say so', async () => {
    const { excel } = await writeAndRead({ ...annex, settings: { paperSize: 'A4' } });
    for (const kind of TABLE_KINDS) {
      expect(excelSheet(excel, TABLE_SHEET_NAMES[kind]).pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    }
  });

  it('writes a valid workbook for a document with empty tables', async () => {
    const { excel, sheetjs } = await writeAndRead(withRows(annex, []));
    expect(sheetjs.SheetNames).toEqual(['旭川市', '社会福祉協議会', '構造']);
    const city = excelSheet(excel, '旭川市');
    expect(city.pageSetup.printArea).toBe('A1:Q9');
    expect(city.getCell('A2').value).toBe('通し番号');
    expect(XLSX.utils.sheet_to_json(sheetjsSheet(sheetjs, '旭川市'), { header: 1, range: 9 })).toEqual([]);
    expect(excelSheet(excel, '社会福祉協議会').pageSetup.printArea).toBe('A1:O9');
  });

  it('keeps texts that look like formulas as plain strings', async () => {
    const hostile = ['=1+1', '+81', '-x', '@sum', '=HYPERLINK("http://example.com","x")', '=', '+', '-', '@'];
    const city = hostile.map((text, index) =>
      row(`h${index}`, { title: text, summary: text, departments: [text, '福祉保険部'], sections: [text] }),
    );
    const council = hostile.map((text, index) => row(`k${index}`, { departments: [], sections: [], title: text, summary: text }));
    const { excel, sheetjs, bytes } = await writeAndRead(withRows(annex, city, council));
    for (const [sheet, address, cell] of everyCell(sheetjs)) expect(cell.f, `${sheet}!${address}`).toBeUndefined();
    const sheet = sheetjsSheet(sheetjs, '旭川市');
    const excelCity = excelSheet(excel, '旭川市');
    hostile.forEach((text, index) => {
      const r = 10 + index;
      expect(sheet[`E${r}`]).toMatchObject({ t: 's', v: text });
      expect(sheet[`D${r}`]).toMatchObject({ t: 's', v: text });
      expect(sheet[`B${r}`]).toMatchObject({ t: 's', v: `${text}\n福祉保険部` });
      expect(sheet[`C${r}`]).toMatchObject({ t: 's', v: text });
      expect(excelCity.getCell(`E${r}`).type).toBe(ExcelJS.ValueType.String);
      expect(excelCity.getCell(`E${r}`).value).toBe(text);
      expect(sheetjsSheet(sheetjs, '社会福祉協議会')[`C${r}`]).toMatchObject({ t: 's', v: text });
    });
    // No formula element anywhere in the written sheets.
    for (let index = 1; index <= 3; index++) expect(zipText(sheetjs, `xl/worksheets/sheet${index}.xml`)).not.toContain('<f>');
    expect(bytes.length).toBeGreaterThan(0);
  });

  it('keeps leading and trailing spaces, line breaks and unusual characters exactly', async () => {
    const texts = [
      '　全角空白で始まる取組概要。',
      '  半角空白で始まり、終わる  ',
      '改行を含む\n取組概要\n\n二行空き',
      '\n先頭の改行',
      '末尾の改行\n',
      'タブ\tを含む',
      'CR\rだけ',
      'リテラルの _x0041_ と _x005F_ と _xabcd_',
      '制御文字\u0001\u0007\u001F\u007Fを含む',
      '絵文字😀と合字👨‍👩‍👧と異体字葛󠄀',
      '&<>"\' と ]]> と &amp;',
    ];
    const city = texts.map((text, index) => row(`s${index}`, { title: text, summary: text, sections: [text, '福祉保険課'] }));
    const { excel, sheetjs } = await writeAndRead(withRows(annex, city));
    const sheet = sheetjsSheet(sheetjs, '旭川市');
    const excelCity = excelSheet(excel, '旭川市');
    texts.forEach((text, index) => {
      const r = 10 + index;
      expect(sheet[`E${r}`]?.v, JSON.stringify(text)).toBe(text);
      expect(sheet[`D${r}`]?.v, JSON.stringify(text)).toBe(text);
      expect(sheet[`C${r}`]?.v, JSON.stringify(text)).toBe(`${text}\n福祉保険課`);
      expect(excelCity.getCell(`E${r}`).value, JSON.stringify(text)).toBe(text);
    });
    // A carriage return is written as _x000D_, as Excel does; SheetJS then reads CR LF as LF, ExcelJS keeps it.
    const crlf = 'CRLF\r\nを含む';
    const { excel: crlfExcel, sheetjs: crlfSheetjs } = await writeAndRead(withRows(annex, [row('crlf', { summary: crlf })]));
    expect(excelSheet(crlfExcel, '旭川市').getCell('E10').value).toBe(crlf);
    expect(sheetjsSheet(crlfSheetjs, '旭川市').E10?.v).toBe('CRLF\nを含む');
    expect(zipText(crlfSheetjs, 'xl/sharedStrings.xml')).toContain('CRLF_x000D_\nを含む');
    // Whitespace at either end or a line break is marked for XML to keep.
    const strings = zipText(sheetjs, 'xl/sharedStrings.xml');
    expect(strings).toContain('<t xml:space="preserve">　全角空白で始まる取組概要。</t>');
    expect(strings).toContain('<t xml:space="preserve">  半角空白で始まり、終わる  </t>');
    expect(strings).toContain('<t xml:space="preserve">改行を含む\n取組概要\n\n二行空き</t>');
  });

  it('keeps the built-in rows whose 取組概要 begins with a full-width space', async () => {
    const { sheetjs } = await writeAndRead(annex);
    const council = sheetjsSheet(sheetjs, '社会福祉協議会');
    const row6 = annex.tables.council.rows[5];
    expect(row6?.summary.startsWith('　')).toBe(true);
    expect(council.C15?.v).toBe(row6?.summary);
    expect(zipText(sheetjs, 'xl/sharedStrings.xml')).toContain(`<t xml:space="preserve">${row6?.summary}</t>`);
  });

  it('escapes what XML cannot carry as _xHHHH_, and nothing else', () => {
    expect(excelText('普通の文')).toBe('普通の文');
    expect(excelText('a\u0001b\rc\n\td')).toBe('a_x0001_b_x000D_c\n\td');
    expect(excelText('_x0041_')).toBe('_x005F_x0041_');
    expect(excelText('\uD800')).toBe('_xD800_');
    expect(excelText('😀')).toBe('😀');
  });
});

describe('annexSheetLayout', () => {
  const plainPlan: Plan = {
    ...annex.plan,
    visions: annex.plan.visions.map((vision) => ({
      ...vision,
      concepts: vision.concepts.map(({ subColumns: _subColumns, ...concept }) => concept),
    })),
  };

  it('derives the band from the plan: 9 rows with sub-columns', () => {
    const layout = annexSheetLayout(annex.plan, 'city', 'T');
    expect(layout.rows.last).toBe(9);
    expect(layout.rows.subColumnTitle).toBe(9);
    expect(layout.firstDataRow).toBe(10);
    expect(layout.markColumns.map((column) => column.mark.id)).toEqual(MARK_IDS);
    expect(layout.markColumns.filter((column) => column.startsVision).map((column) => columnLetters(column.column))).toEqual(['F', 'I', 'L', 'O']);
    expect(layout.idColumn.column).toBe(18);
    expect(layout.frozen).toEqual({ xSplit: 4, ySplit: 9 });
    expect(printAreaOf(layout, 3)).toBe('A1:Q12');
  });

  it('has one band row fewer when no concept has sub-columns', () => {
    const layout = annexSheetLayout(plainPlan, 'council', 'T');
    expect(layout.rows.subColumnTitle).toBeUndefined();
    expect(layout.rows.last).toBe(8);
    expect(layout.firstDataRow).toBe(9);
    expect(layout.markColumns).toHaveLength(11);
    // Every concept title is vertical, in its own row 8 cell; the left headers run from row 2 to 8.
    const titles = layout.headerCells.filter((cell) => cell.role === 'conceptTitle');
    expect(titles).toHaveLength(11);
    for (const title of titles) expect(title).toMatchObject({ top: 8, bottom: 8, vertical: true });
    expect(layout.headerCells.filter((cell) => cell.role === 'leftHeader').map((cell) => [cell.text, cell.top, cell.bottom])).toEqual([
      ['通し番号', 2, 8],
      ['主な取組', 2, 8],
      ['取組概要', 2, 8],
    ]);
    expect(layout.frozen).toEqual({ xSplit: 2, ySplit: 8 });
  });

  it('writes a plan without sub-columns with an 8-row band', async () => {
    const { excel } = await writeAndRead({ ...withRows(annex, [row('a', { marks: ['v1-2'] })]), plan: plainPlan });
    const sheet = excelSheet(excel, '旭川市');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:8');
    expect(sheet.getCell('A9').value).toBe(1);
    expect(sheet.getCell('G9').value).toBe('○');
    expect(sheet.getCell('G8').alignment?.textRotation).toBe('vertical');
  });
});

describe('row-height estimates', () => {
  it('counts full-width characters as 1 em and half-width ones as 0.5', () => {
    expect(textWidthEm('地域福祉')).toBe(4);
    expect(textWidthEm('ABC123')).toBe(3);
    expect(textWidthEm('ｱｲｳ')).toBe(1.5);
    expect(textWidthEm('（１）')).toBe(3);
  });

  it('wraps by the column width and honours explicit line breaks', () => {
    expect(wrappedLineCount('あいうえお', 5 * 9)).toBe(1);
    expect(wrappedLineCount('あいうえおか', 5 * 9)).toBe(2);
    expect(wrappedLineCount('abcdefghij', 5 * 9)).toBe(1); // 10 half-width characters are 5 em
    expect(wrappedLineCount('あ\nい\n\nう', 100 * 9)).toBe(4);
    // 「。」 may not start a line: the character before it moves down too.
    expect(wrappedLineCount('あいうえお。', 5 * 9)).toBe(2);
  });

  it('makes a row as tall as its tallest cell, within Excel’s limit', () => {
    const oneLine = rowHeightPt([{ text: '短い', widthPt: 100 }]);
    const threeLines = rowHeightPt([{ text: '短い', widthPt: 100 }, { text: 'あ\nい\nう', widthPt: 100 }]);
    expect(threeLines).toBeGreaterThan(oneLine * 2);
    expect(rowHeightPt([{ text: 'あ'.repeat(10_000), widthPt: 20 }])).toBe(MAX_ROW_HEIGHT_PT);
  });

  it('fits vertical titles at about 1 em a character, spanning rows where merged', () => {
    expect(verticalTextHeightPt('あ'.repeat(20))).toBeGreaterThanOrEqual(20 * 9);
    expect(verticalTextHeightPt('あ'.repeat(20))).toBeLessThanOrEqual(20 * 9 * 1.25);
    const heights = bandRowHeightsPt(2, [
      { text: '横書き', widthPt: 50, top: 0, bottom: 0 },
      { text: 'あ'.repeat(20), widthPt: 20, vertical: true, top: 0, bottom: 1 },
    ]);
    expect((heights[0] ?? 0) + (heights[1] ?? 0)).toBeGreaterThanOrEqual(verticalTextHeightPt('あ'.repeat(20)));
    expect(heights[0]).toBeLessThan(20);
  });
});
