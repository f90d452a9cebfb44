import ExcelJS from 'exceljs';
import type { Alignment, Borders, CellValue, Font, PageSetup, Style, Worksheet, XlsxWriteOptions } from 'exceljs';
import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type AnnexRow, type PaperSize, type TableKind } from '../model/annex-document';
import {
  annexSheetLayout,
  printAreaOf,
  printTitleRowsOf,
  type AnnexSheetLayout,
  type HeaderCell,
  type HeaderRole,
  type LeftColumnKey,
} from './annex-sheet-layout';
import { bandRowHeightsPt, columnTextWidthPt, rowHeightPt, textWidthEm, PRINT_FONT_SIZE, type CellText } from './row-height';
import { structureSheetRows, type Cell as StructureCell } from './structure-sheet';
import { STRUCTURE_SHEET_NAME, TABLE_SHEET_NAMES } from './workbook-names';

/**
 * The annex as a styled workbook in the printed layout: one sheet per table (header band, rows, ○ matrix,
 * a hidden id column), and the 構造 sheet that lets the workbook reopen as the same document.
 * Pure: runs in Node and in a browser worker (ExcelJS's browser build).
 */

/** The mark a marked cell holds. */
export const MARK = '○';

const PAPER_SIZE_CODE: Record<PaperSize, number> = { A3: 8, A4: 9 };
const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 };
const FOOTER = '&C&P / &N';

// Style objects are shared by every cell that looks alike: ExcelJS keys its style table on the object's
// identity, so sharing one object per look is what keeps 10,000 rows fast.
const FONT: Partial<Font> = { name: 'BIZ UDPGothic', size: PRINT_FONT_SIZE, charset: 128 };
const BOLD_FONT: Partial<Font> = { ...FONT, bold: true };
const THIN = { style: 'thin' } as const;
const MEDIUM = { style: 'medium' } as const;

type Edge = 'thin' | 'medium';
const borders = (left: Edge, right: Edge): Partial<Borders> => ({
  top: THIN,
  bottom: THIN,
  left: left === 'medium' ? MEDIUM : THIN,
  right: right === 'medium' ? MEDIUM : THIN,
});
const BORDERS: Record<`${Edge}-${Edge}`, Partial<Borders>> = {
  'thin-thin': borders('thin', 'thin'),
  'thin-medium': borders('thin', 'medium'),
  'medium-thin': borders('medium', 'thin'),
  'medium-medium': borders('medium', 'medium'),
};

const ALIGN = {
  header: { horizontal: 'center', vertical: 'middle', wrapText: true },
  vertical: { textRotation: 'vertical', vertical: 'top', horizontal: 'center', wrapText: false },
  title: { horizontal: 'left', vertical: 'middle', wrapText: false },
  text: { horizontal: 'left', vertical: 'middle', wrapText: true },
  centredText: { horizontal: 'center', vertical: 'middle', wrapText: true },
  mark: { horizontal: 'center', vertical: 'middle' },
  structure: { horizontal: 'left', vertical: 'top', wrapText: true },
} satisfies Record<string, Partial<Alignment>>;

type AlignKey = keyof typeof ALIGN;
const styleCache = new Map<string, Partial<Style>>();
/** One shared style object per (font, alignment, borders) combination. */
function style(font: 'plain' | 'bold', align: AlignKey, border: `${Edge}-${Edge}` | 'none'): Partial<Style> {
  const key = `${font}|${align}|${border}`;
  let cached = styleCache.get(key);
  if (!cached) {
    cached = {
      font: font === 'bold' ? BOLD_FONT : FONT,
      alignment: ALIGN[align] as Partial<Alignment>,
      ...(border === 'none' ? {} : { border: BORDERS[border] }),
    };
    styleCache.set(key, cached);
  }
  return cached;
}

const HEADER_ALIGN: Record<HeaderRole, AlignKey> = {
  title: 'title',
  leftHeader: 'header',
  rowIdHeader: 'header',
  philosophyLabel: 'header',
  philosophy: 'header',
  visionLabel: 'header',
  visionTitle: 'header',
  conceptsLabel: 'header',
  conceptLabel: 'header',
  conceptTitle: 'header',
  subColumnTitle: 'header',
};

const DATA_ALIGN: Record<LeftColumnKey, AlignKey> = {
  number: 'mark',
  departments: 'centredText',
  sections: 'centredText',
  title: 'text',
  summary: 'text',
};

/**
 * A text as a cell's string value that every reader gives back unchanged. XML cannot carry most control
 * characters and normalises a carriage return away, and readers decode `_xHHHH_` as an escaped character;
 * all of these are written as `_xHHHH_` escapes (a literal `_x` escapes its underscore, `_x005F_`), as Excel does.
 */
export function excelText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (match) =>
      match.length > 1 ? `_x005F_${match.slice(1)}` : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** An empty text leaves the cell empty; any other is a plain string value, never a formula or rich text. */
const textValue = (text: string): CellValue => (text === '' ? null : excelText(text));

/** Text-area width in points of a run of columns merged into one cell. */
function spanWidthPt(widths: ReadonlyMap<number, number>, left: number, right: number): number {
  let total = 0;
  for (let column = left; column <= right; column++) total += columnTextWidthPt(widths.get(column) ?? 0);
  // Merged columns give their padding to the text.
  return total + (right - left) * 5 * 0.75;
}

function columnWidths(layout: AnnexSheetLayout): Map<number, number> {
  const widths = new Map<number, number>();
  for (const column of [...layout.leftColumns, ...layout.markColumns, layout.idColumn]) widths.set(column.column, column.width);
  return widths;
}

/** The left and right edges of each printed column: heavier where a vision begins. */
function columnEdges(layout: AnnexSheetLayout): Map<number, `${Edge}-${Edge}`> {
  const startsVision = new Set(layout.markColumns.filter((column) => column.startsVision).map((column) => column.column));
  const edges = new Map<number, `${Edge}-${Edge}`>();
  for (let column = 1; column <= layout.lastPrintedColumn; column++) {
    const left: Edge = startsVision.has(column) ? 'medium' : 'thin';
    const right: Edge = startsVision.has(column + 1) ? 'medium' : 'thin';
    edges.set(column, `${left}-${right}`);
  }
  return edges;
}

function headerStyle(cell: HeaderCell, edge: `${Edge}-${Edge}`): Partial<Style> {
  if (cell.role === 'title') return style('bold', 'title', 'none');
  if (cell.role === 'rowIdHeader') return style('plain', 'header', 'none');
  return style('plain', cell.vertical ? 'vertical' : HEADER_ALIGN[cell.role], edge);
}

function writeHeaderBand(sheet: Worksheet, layout: AnnexSheetLayout, widths: ReadonlyMap<number, number>, edges: ReadonlyMap<number, `${Edge}-${Edge}`>): void {
  for (const cell of layout.headerCells) {
    if (cell.bottom > cell.top || cell.right > cell.left) sheet.mergeCells(cell.top, cell.left, cell.bottom, cell.right);
    sheet.getCell(cell.top, cell.left).value = textValue(cell.text);
    // Every cell of a merged range carries the borders: renderers draw each cell's own edges.
    for (let row = cell.top; row <= cell.bottom; row++) {
      for (let column = cell.left; column <= cell.right; column++) {
        sheet.getCell(row, column).style = headerStyle(cell, edges.get(column) ?? 'thin-thin');
      }
    }
  }
  const band: (CellText & { top: number; bottom: number })[] = layout.headerCells
    .filter((cell) => cell.role !== 'rowIdHeader')
    .map((cell) => ({
      text: cell.text,
      widthPt: spanWidthPt(widths, cell.left, cell.right),
      vertical: cell.vertical,
      top: cell.top - 1,
      bottom: cell.bottom - 1,
    }));
  bandRowHeightsPt(layout.rows.last, band).forEach((height, index) => {
    sheet.getRow(index + 1).height = height;
  });
}

function leftValue(key: LeftColumnKey, row: AnnexRow, index: number): CellValue {
  switch (key) {
    case 'number':
      return index + 1;
    case 'departments':
      return textValue(row.departments.join('\n'));
    case 'sections':
      return textValue(row.sections.join('\n'));
    case 'title':
      return textValue(row.title);
    case 'summary':
      return textValue(row.summary);
  }
}

function leftText(key: LeftColumnKey, row: AnnexRow, index: number): string {
  switch (key) {
    case 'number':
      return String(index + 1);
    case 'departments':
      return row.departments.join('\n');
    case 'sections':
      return row.sections.join('\n');
    case 'title':
      return row.title;
    case 'summary':
      return row.summary;
  }
}

function writeRows(sheet: Worksheet, layout: AnnexSheetLayout, rows: readonly AnnexRow[], edges: ReadonlyMap<number, `${Edge}-${Edge}`>): void {
  const left = layout.leftColumns.map((column) => ({
    ...column,
    style: style('plain', DATA_ALIGN[column.key], edges.get(column.column) ?? 'thin-thin'),
    widthPt: columnTextWidthPt(column.width),
  }));
  const marks = layout.markColumns.map((column) => ({
    id: column.mark.id,
    column: column.column,
    style: style('plain', 'mark', edges.get(column.column) ?? 'thin-thin'),
  }));
  const idStyle = style('plain', 'text', 'none');
  rows.forEach((row, index) => {
    const sheetRow = sheet.getRow(layout.firstDataRow + index);
    const texts: CellText[] = [];
    for (const column of left) {
      const cell = sheetRow.getCell(column.column);
      cell.value = leftValue(column.key, row, index);
      cell.style = column.style;
      texts.push({ text: leftText(column.key, row, index), widthPt: column.widthPt });
    }
    const marked = new Set(row.marks);
    for (const column of marks) {
      const cell = sheetRow.getCell(column.column);
      if (marked.has(column.id)) cell.value = MARK;
      cell.style = column.style;
    }
    const idCell = sheetRow.getCell(layout.idColumn.column);
    idCell.value = textValue(row.id);
    idCell.style = idStyle;
    sheetRow.height = rowHeightPt(texts);
  });
}

function pageSetup(layout: AnnexSheetLayout, rowCount: number, paperSize: PaperSize): Partial<PageSetup> {
  return {
    // ExcelJS's PaperSize enum lists A4 but not A3; the codes are the spreadsheet's own (8 = A3, 9 = A4).
    paperSize: PAPER_SIZE_CODE[paperSize] as PageSetup['paperSize'],
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: PAGE_MARGINS,
    printTitlesRow: printTitleRowsOf(layout),
    // ExcelJS writes `$` before each end of the range; a `$` before the row makes the reference absolute.
    printArea: printAreaOf(layout, rowCount).replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
  };
}

function addTableSheet(workbook: ExcelJS.Workbook, document: AnnexDocument, kind: TableKind): void {
  const table = document.tables[kind];
  const layout = annexSheetLayout(document.plan, kind, table.title);
  const sheet = workbook.addWorksheet(TABLE_SHEET_NAMES[kind], {
    pageSetup: pageSetup(layout, table.rows.length, document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize),
    headerFooter: { oddFooter: FOOTER },
    views: [{ state: 'frozen', xSplit: layout.frozen.xSplit, ySplit: layout.frozen.ySplit }],
  });
  const widths = columnWidths(layout);
  for (const [column, width] of widths) sheet.getColumn(column).width = width;
  sheet.getColumn(layout.idColumn.column).hidden = true;
  const edges = columnEdges(layout);
  writeHeaderBand(sheet, layout, widths, edges);
  writeRows(sheet, layout, table.rows, edges);
}

/** Excel width units for a column of the 構造 sheet: its longest line, within limits (longer text wraps). */
const STRUCTURE_MIN_WIDTH = 8;
const STRUCTURE_MAX_WIDTH = 60;

function addStructureSheet(workbook: ExcelJS.Workbook, document: AnnexDocument): void {
  const rows = structureSheetRows({
    plan: document.plan,
    masters: document.masters,
    tableTitles: { city: document.tables.city.title, council: document.tables.council.title },
    provenance: document.provenance,
    settings: document.settings,
  });
  // A plain table; printed, it fits the width of one page so that no column lands on a page of its own.
  const sheet = workbook.addWorksheet(STRUCTURE_SHEET_NAME, {
    pageSetup: {
      paperSize: PAPER_SIZE_CODE[document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize] as PageSetup['paperSize'],
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: PAGE_MARGINS,
    },
    headerFooter: { oddFooter: FOOTER },
  });
  const cellText = (cell: StructureCell): string => (typeof cell === 'number' ? String(cell) : cell);

  // Width of each column from its longest line, the sheet's title (which may overflow) aside.
  const widths: number[] = [];
  rows.forEach((cells, index) => {
    if (index === 0) return;
    cells.forEach((cell, column) => {
      const longest = Math.max(0, ...cellText(cell).split('\n').map(textWidthEm));
      const units = Math.ceil((longest * PRINT_FONT_SIZE) / (7 * 0.75)) + 2;
      widths[column] = Math.min(Math.max(widths[column] ?? STRUCTURE_MIN_WIDTH, units), STRUCTURE_MAX_WIDTH);
    });
  });
  widths.forEach((width, column) => {
    sheet.getColumn(column + 1).width = width;
  });

  const plain = style('plain', 'structure', 'none');
  const bold = style('bold', 'structure', 'none');
  const title = style('bold', 'title', 'none');
  rows.forEach((cells, index) => {
    // A block's heading is its first row: the one after the title or after a blank row.
    const heading = index === 1 || (index > 1 && rows[index - 1]?.length === 0);
    const sheetRow = sheet.getRow(index + 1);
    cells.forEach((cell, column) => {
      const target = sheetRow.getCell(column + 1);
      target.value = typeof cell === 'number' ? cell : excelText(cell);
      target.style = index === 0 ? title : heading ? bold : plain;
    });
    if (index > 0 && cells.length > 0) {
      sheetRow.height = rowHeightPt(cells.map((cell, column) => ({ text: cellText(cell), widthPt: columnTextWidthPt(widths[column] ?? STRUCTURE_MIN_WIDTH) })));
    }
  });
}

/**
 * Deflate at level 3 rather than 6: most of a large write is JSZip's pure-JS deflate. For 10,000 rows this
 * writes about a third faster for a file about a third larger.
 */
const WRITE_OPTIONS: Partial<XlsxWriteOptions> = { zip: { compression: 'DEFLATE', compressionOptions: { level: 3 } } };

/** The document as .xlsx bytes. */
export async function writeAnnexWorkbook(document: AnnexDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '取組事業一覧エディタ';
  for (const kind of TABLE_KINDS) addTableSheet(workbook, document, kind);
  addStructureSheet(workbook, document);
  // Node's build returns a Buffer, the browser build its polyfill: both are Uint8Arrays; hand back a plain view.
  const written = (await workbook.xlsx.writeBuffer(WRITE_OPTIONS)) as unknown as Uint8Array | ArrayBuffer;
  return written instanceof Uint8Array
    ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
    : new Uint8Array(written);
}
