import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { describeImportProblem } from '../../../shared/excel/import-problem';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import {
  annexTablePart,
  annexWorkbook,
  placeParts,
  sheetOf,
  textPart,
  workbookOf,
  writeWorkbook,
  type LeftKind,
} from '../../fixtures-src/make-import-fixtures';
import { builtin, error, expectFreshIds, fullWidth, readErr, readOk, warning, withoutIds } from './import-helpers';

// The city sheet in the default layout: title in row 1, the band in rows 2–9, rows from row 10;
// A 通し番号, B 部, C 課, D 主な取組, E 取組概要, F–Q the 12 ○ columns, R 行ID. The council sheet: A, B 主な取組, C 取組概要, D–O, P.
const base = { fileName: '取組事業一覧.xlsx', base: builtin };
const NOT_A_MARK = 'は○として読めません（○・〇・✓・1・TRUE などか、空にしてください）';

describe('an annex workbook in the printed 2024 layout', () => {
  it('reads back exactly the built-in annex from a clean copy with a 構造 sheet and 行ID column', () => {
    const bytes = writeWorkbook(annexWorkbook(builtin, { structure: true, layout: { ids: true } }));
    const { document, warnings } = readOk(bytes, { fileName: 'annex.xlsx' });
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('without 構造 sheet and ids, compared with the open document: the same document with fresh ids', () => {
    const { document, warnings } = readOk(writeWorkbook(annexWorkbook(builtin)), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expectFreshIds(document);
    expect(warnings).toEqual([]);
  });

  it('keeps the 構造 sheet before the open document, and the ids it finds', () => {
    const other: AnnexDocument = { ...builtin, tables: { ...builtin.tables, city: { ...builtin.tables.city, title: '別の表題' } } };
    const bytes = writeWorkbook(annexWorkbook(builtin, { structure: true, layout: { ids: true } }));
    expect(readOk(bytes, { fileName: 'a.xlsx', base: other }).document).toEqual(builtin);
  });

  it('finds the header below notes and blank rows, right of blank columns', () => {
    const layout = { notes: ['※ ○は、各取組が関係する基本的な考え方を示す。', '（令和６年３月）'] };
    const bytes = writeWorkbook(annexWorkbook(builtin, { layout, placement: { rowOffset: 4, columnOffset: 3 } }));
    const { document, warnings } = readOk(bytes, base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expect(warnings).toEqual([]);
  });

  it('reads both tables from one sheet, each told by its title, with a note between them', () => {
    const sheet = placeParts([
      annexTablePart(builtin, 'city', { ids: true }),
      textPart([['備考：市の取組は以上']]),
      annexTablePart(builtin, 'council', { ids: true }),
    ]);
    const bytes = writeWorkbook(workbookOf([['取組事業一覧', sheetOf(sheet)]]));
    const { document, warnings } = readOk(bytes, base);
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('reads the council table first when it comes first on the sheet', () => {
    const sheet = placeParts([annexTablePart(builtin, 'council'), annexTablePart(builtin, 'city')]);
    const { document } = readOk(writeWorkbook(workbookOf([['一覧', sheetOf(sheet)]])), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
  });

  it('reads columns in a changed order: left columns shuffled, ○ columns in reverse vision order', () => {
    const markOrder = ['v4-3', 'v4-2', 'v4-1', 'v3-1', 'v3-2', 'v3-3', 'v2-1', 'v2-2', 'v2-3', 'v1-1', 'v1-2-reoffending', 'v1-2-guardianship'];
    const cityOrder: LeftKind[] = ['number', 'title', 'summary', 'sections', 'departments'];
    const bytes = writeWorkbook(
      annexWorkbook(builtin, {
        layout: { leftOrder: cityOrder, markOrder, ids: true },
        councilLayout: { leftOrder: ['title', 'number', 'summary'], markOrder, ids: true },
      }),
    );
    const { document, warnings } = readOk(bytes, base);
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('finds the 行ID column wherever a person moved it, here left of 通し番号', () => {
    const part = placeParts([annexTablePart(builtin, 'city')], { columnOffset: 1 });
    const cells = part.cells.map((row) => [...row]);
    (cells[1] as unknown[])[0] = '行ID';
    builtin.tables.city.rows.forEach((row, index) => void ((cells[9 + index] as unknown[])[0] = row.id));
    const workbook = workbookOf([
      ['旭川市', sheetOf({ ...part, cells: cells as typeof part.cells })],
      ['社会福祉協議会', sheetOf(placeParts([annexTablePart(builtin, 'council', { ids: true })]))],
    ]);
    const { document, warnings } = readOk(writeWorkbook(workbook), base);
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('reads hidden rows as rows of the table', () => {
    const bytes = writeWorkbook(annexWorkbook(builtin, { layout: { hiddenRows: [0, 11, 75] }, councilLayout: { hiddenRows: [3] } }));
    // The fixture really hides them (SheetJS reads row flags only with cellStyles).
    const check = XLSX.read(bytes, { type: 'array', cellStyles: true });
    expect([9, 20, 84].map((row) => check.Sheets['旭川市']?.['!rows']?.[row]?.hidden)).toEqual([true, true, true]);
    const { document } = readOk(bytes, base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
  });

  it('spreads a 部 merged over several rows to each row', () => {
    const workbook = annexWorkbook(builtin, { layout: { mergeDepartments: true } });
    const merges = workbook.Sheets['旭川市']?.['!merges'] ?? [];
    // 福祉保険部 over city 1–8 (rows 10–17), among others.
    expect(merges).toContainEqual({ s: { r: 9, c: 1 }, e: { r: 16, c: 1 } });
    const { document } = readOk(writeWorkbook(workbook), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
  });

  it('reads a band whose merges across columns were undone (values left in their first cells, as 「選択範囲内で中央」 keeps them)', () => {
    const unmerged = (table: 'city' | 'council'): ReturnType<typeof sheetOf> => {
      const part = annexTablePart(builtin, table, { ids: true });
      return sheetOf({ ...part, merges: part.merges.filter((merge) => merge.s.c === merge.e.c) });
    };
    const { document, warnings } = readOk(writeWorkbook(workbookOf([['旭川市', unmerged('city')], ['社会福祉協議会', unmerged('council')]])), base);
    expect(document).toEqual(builtin);
    expect(warnings).toEqual([]);
  });

  it('matches vertical header text typed one character per line', () => {
    const workbook = annexWorkbook(builtin, { layout: { verticalText: true } });
    expect(workbook.Sheets['旭川市']?.['G9']?.v).toBe([...'旭川市成年後見制度利用促進計画関係'].join('\n'));
    const { document } = readOk(writeWorkbook(workbook), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
  });

  it('reads 〇, 1, TRUE, ✓ and the other forms of a mark, and FALSE or blank as none', () => {
    const forms: XLSX.CellObject[] = [
      { t: 's', v: '〇' },
      { t: 'n', v: 1 },
      { t: 'b', v: true },
      { t: 's', v: '✓' },
      { t: 's', v: 'TRUE' },
      { t: 's', v: '◯' },
      { t: 's', v: '●' },
      { t: 's', v: '◎' },
      { t: 's', v: 'レ' },
      { t: 's', v: '✔' },
      { t: 's', v: '１' },
      { t: 's', v: ' ○ ' },
    ];
    let next = 0;
    const mark = (): XLSX.CellObject => forms[next++ % forms.length] as XLSX.CellObject;
    // Where a row has no mark, write what means "none": FALSE, a space, a full-width space.
    const none = (index: number, column: string): XLSX.CellObject | undefined =>
      column === 'v4-3' && !builtin.tables.city.rows[index]?.marks.includes('v4-3')
        ? ([{ t: 'b', v: false }, { t: 's', v: ' ' }, { t: 's', v: '　' }, { t: 's', v: 'FALSE' }][index % 4] as XLSX.CellObject)
        : undefined;
    const bytes = writeWorkbook(annexWorkbook(builtin, { layout: { mark, cell: none }, councilLayout: { mark } }));
    const { document, warnings } = readOk(bytes, base);
    expect(next).toBeGreaterThan(forms.length);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expect(warnings).toEqual([]);
  });

  it('refuses a mark it cannot read, naming its cell, and reads nothing', () => {
    const cell = (index: number, column: string): string | number | undefined => {
      if (index === 2 && column === 'v2-1') return '×';
      if (index === 40 && column === 'v4-3') return 0;
      return undefined;
    };
    const problems = readErr(writeWorkbook(annexWorkbook(builtin, { layout: { cell }, councilLayout: { cell: (index, column) => (index === 0 && column === 'v1-1' ? '△' : undefined) } })), base);
    expect(problems).toEqual([
      error('旭川市', 'I12', `「×」${NOT_A_MARK}`),
      error('旭川市', 'Q50', `「0」${NOT_A_MARK}`),
      error('社会福祉協議会', 'D10', `「△」${NOT_A_MARK}`),
    ]);
    expect(describeImportProblem(problems[0]!, '取組事業一覧.xlsx')).toBe(`取組事業一覧.xlsx シート「旭川市」 セル I12: 「×」${NOT_A_MARK}`);
  });

  it('renumbers full-width, missing and out-of-order 通し番号 in sheet order, with a warning at each cell', () => {
    const number = (index: number): string | null => {
      if (index === 4) return null;
      if (index === 9) return fullWidth(100);
      if (index === 20) return 'Ｎｏ．';
      return fullWidth(index + 1);
    };
    const { document, warnings } = readOk(writeWorkbook(annexWorkbook(builtin, { layout: { number }, councilLayout: {} })), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expect(warnings).toEqual([
      warning('旭川市', 'A14', '通し番号がありません。シートの並び順で 5 とします'),
      warning('旭川市', 'A19', '通し番号 100 は並び順と合いません。シートの並び順で 10 とします'),
      warning('旭川市', 'A30', '通し番号「Ｎｏ．」は番号として読めません。シートの並び順で 21 とします'),
    ]);
  });

  it('joins the lines of a PDF-made workbook, one printed line per row, across a repeated header band', () => {
    const city = builtin.tables.city.rows;
    const lines = (index: number): { departments?: string; sections?: string; title?: string; summary?: string }[] | undefined => {
      const row = city[index]!;
      const cut = (text: string, size: number): string[] => text.match(new RegExp(`.{1,${size}}`, 'gsu')) ?? [''];
      switch (index + 1) {
        case 12: // 課 wrapped after 「・」, summary cut mid-word
          return [
            { departments: '福祉保険部', sections: '福祉保険課・長寿社会課・', title: row.title, summary: cut(row.summary, 25)[0] },
            { sections: '障害福祉課・保護課', summary: cut(row.summary, 25).slice(1).join('') },
          ];
        case 64: // 部 and 課 one per line, joined with 「・」
          return [
            { departments: '建築部・', sections: '公共建築課・', title: row.title, summary: row.summary.slice(0, 30) },
            { departments: '土木部', sections: '土木総務課・', summary: row.summary.slice(30, 60) },
            { sections: '公園みどり課', summary: row.summary.slice(60) },
          ];
        case 71: // one name per line with no 「・」: the master knows each as a whole name
          return [
            { departments: '福祉保険部', sections: '長寿社会課', title: row.title.slice(0, 8), summary: row.summary.slice(0, 20) },
            { departments: '子育て支援部', sections: '子ども総合相談センター', title: row.title.slice(8), summary: row.summary.slice(20) },
          ];
        case 36: // a summary that begins with a full-width space, over three lines
          return cut(row.summary, 40).map((summary, line) =>
            line === 0 ? { departments: row.departments.join('・'), sections: row.sections.join('・'), title: row.title, summary } : { summary },
          );
        default:
          return undefined;
      }
    };
    const sheet = placeParts(
      [
        annexTablePart(builtin, 'city', { lines, slice: [0, 40], after: [[['summary', 2]]] }),
        annexTablePart(builtin, 'city', { lines, slice: [40, 76], title: false, verticalText: true }),
        annexTablePart(builtin, 'council'),
      ],
      { gap: 1 },
    );
    const { document, warnings } = readOk(writeWorkbook(workbookOf([['Table 1', sheetOf(sheet)]])), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    const joined = (cell: string, number: number, row: number): ReturnType<typeof warning> =>
      warning('Table 1', cell, `通し番号も○もないこの行を、上の行（旭川市 通し番号 ${number}、行 ${row}）の続きとしてつなげました`);
    expect(warnings).toEqual([
      joined('C22', 12, 21),
      joined('E47', 36, 46),
      joined('E48', 36, 46),
      warning('Table 1', 'E53', '番号「2」だけの行です（ページ番号など）。表の行とせずに読み飛ばします'),
      joined('B87', 64, 86),
      joined('C88', 64, 86),
      joined('B96', 71, 95),
    ]);
  });

  it('uses the cached value of a formula cell, and names each formula cell in a warning', async () => {
    const cell = (index: number, column: string): XLSX.CellObject | undefined => {
      if (index === 0 && column === 'number') return { t: 'n', v: 1, f: 'ROW()-9' };
      if (index === 1 && column === 'v1-1') return { t: 's', v: '○', f: 'IF(TRUE,"○","")' };
      if (index === 5 && column === 'summary') return { t: 's', v: builtin.tables.city.rows[5]!.summary, f: 'Sheet2!A1' };
      return undefined;
    };
    // SheetJS cannot write a formula without its value, as a tool that never calculates saves it: ExcelJS adds one.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(writeWorkbook(annexWorkbook(builtin, { layout: { cell }, councilLayout: {} })) as unknown as ArrayBuffer);
    workbook.getWorksheet('旭川市')!.getCell('Q16').value = { formula: 'IF(FALSE,"○","")' } as ExcelJS.CellFormulaValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { document, warnings } = readOk(bytes, base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expect(warnings).toEqual([
      warning('旭川市', 'A10', '数式のセルです。計算はせず、保存されている値「1」を使います'),
      warning('旭川市', 'F11', '数式のセルです。計算はせず、保存されている値「○」を使います'),
      warning('旭川市', 'E15', '数式のセルです。計算はせず、保存されている値「文書点訳に必要な技術を習得する講習会を実…」を使います'),
      warning('旭川市', 'Q16', '数式のセルですが、計算結果が保存されていません。計算はせず、空のセルとして読みます'),
    ]);
  });

  it('skips blank rows and ignores text above the header', () => {
    const part = annexTablePart(builtin, 'council');
    const cells = [...part.cells.slice(0, 9), [], [null, null], ...part.cells.slice(9, 12), [], ...part.cells.slice(12)];
    const sheet = placeParts([textPart([['作成：社会福祉協議会 地域福祉課'], ['1', '2', '3']]), { ...part, cells }], { gap: 1 });
    const workbook = workbookOf([['社会福祉協議会', sheetOf(sheet)], ['旭川市', sheetOf(placeParts([annexTablePart(builtin, 'city')]))]]);
    const { document, warnings } = readOk(writeWorkbook(workbook), base);
    expect(withoutIds(document)).toEqual(withoutIds(builtin));
    expect(warnings).toEqual([]);
  });
});
