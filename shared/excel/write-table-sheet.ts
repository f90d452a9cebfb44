import type { AnnexRow, PaperSize } from '../model/annex-document';
import { columnLetters, type AnnexSheetLayout, type HeaderCell, type LeftColumnKey } from './annex-sheet-layout';
import { bandRowHeightsPt, columnTextWidthPt, rowHeightPt, type CellText, type SpanningCell } from './row-height';
import type { SharedStrings } from './xlsx-shared-strings';
import {
  emptyCellXml,
  numberCellXml,
  paperCode,
  rowOpenXml,
  ROW_CLOSE,
  sheetHeadXml,
  sheetTailXml,
  stringCellXml,
  type ListValidation,
} from './xlsx-sheet-xml';
import { styleIndex, type Edge, type Edges, type Look, type Variant } from './xlsx-styles';
import type { PartWriter } from './xlsx-zip-stream';
import { excelText } from './xml-escape';

/**
 * One table as a worksheet in the printed layout: the header band (merged, bordered, vertical concept titles),
 * one row per annex row with its ○ matrix, and the hidden id column. Rows are written one at a time.
 */

/** The mark a marked cell holds. */
export const MARK = '○';

/** What a sheet sent to a section needs beyond the printed layout. */
export interface TableSheetOptions {
  /** The 通し番号 a row shows (its number in the whole annex), instead of its place on this sheet; none for a row not named. */
  readonly numbers?: ReadonlyMap<string, number>;
  /** Empty rows below the rows, for new rows to be typed in. */
  readonly inputRows?: number;
  /** Lock the band, the ids and the sent rows' 通し番号; leave the rest open; offer ○ from a list over the rows. */
  readonly protect?: boolean;
  /** Cells to fill in the highlight colour: row id → the row's columns (title, summary, departments, sections, or a mark id). */
  readonly flagged?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Shown when a mark cell gets something other than ○. */
const MARK_LIST_MESSAGE = '○ を選ぶか、空にしてください';

const DATA_LOOK: Record<LeftColumnKey, Look> = {
  number: 'mark',
  departments: 'centredText',
  sections: 'centredText',
  title: 'text',
  summary: 'text',
};

/** An empty text leaves the cell empty (its format only); any other is a shared string, never a formula. */
function textCellXml(strings: SharedStrings, ref: string, style: number, text: string): string {
  return text === '' ? emptyCellXml(ref, style) : stringCellXml(ref, style, strings.indexOf(excelText(text)));
}

function columnWidths(layout: AnnexSheetLayout): Map<number, number> {
  const widths = new Map<number, number>();
  for (const column of [...layout.leftColumns, ...layout.markColumns, layout.idColumn]) widths.set(column.column, column.width);
  return widths;
}

/** The left and right edges of each printed column: heavier where a vision begins. */
function columnEdges(layout: AnnexSheetLayout): Map<number, Edges> {
  const startsVision = new Set(layout.markColumns.filter((column) => column.startsVision).map((column) => column.column));
  const edges = new Map<number, Edges>();
  for (let column = 1; column <= layout.lastPrintedColumn; column++) {
    const left: Edge = startsVision.has(column) ? 'medium' : 'thin';
    const right: Edge = startsVision.has(column + 1) ? 'medium' : 'thin';
    edges.set(column, `${left}-${right}`);
  }
  return edges;
}

/** Text-area width in points of a run of columns merged into one cell. */
function spanWidthPt(widths: ReadonlyMap<number, number>, left: number, right: number): number {
  let total = 0;
  for (let column = left; column <= right; column++) total += columnTextWidthPt(widths.get(column) ?? 0);
  // Merged columns give their padding to the text.
  return total + (right - left) * 5 * 0.75;
}

function headerStyle(cell: HeaderCell, edges: Edges): number {
  if (cell.role === 'title') return styleIndex('bold', 'title', 'none');
  if (cell.role === 'rowIdHeader') return styleIndex('plain', 'header', 'none');
  return styleIndex('plain', cell.vertical ? 'vertical' : 'header', edges);
}

/** The band's rows: small, so built whole; every cell of a merged range carries the borders, as renderers draw each cell's own. */
function writeHeaderBand(part: PartWriter, strings: SharedStrings, layout: AnnexSheetLayout, widths: ReadonlyMap<number, number>, edges: ReadonlyMap<number, Edges>): void {
  // Each band cell's format and, at a range's top left, its text; laid out first, then written row by row.
  const grid: ({ style: number; text: string } | undefined)[][] = Array.from({ length: layout.rows.last }, () => []);
  for (const cell of layout.headerCells) {
    for (let row = cell.top; row <= cell.bottom; row++) {
      for (let column = cell.left; column <= cell.right; column++) {
        const cells = grid[row - 1] as ({ style: number; text: string } | undefined)[];
        cells[column] = { style: headerStyle(cell, edges.get(column) ?? 'thin-thin'), text: row === cell.top && column === cell.left ? cell.text : '' };
      }
    }
  }
  const band: SpanningCell[] = layout.headerCells
    .filter((cell) => cell.role !== 'rowIdHeader')
    .map((cell) => ({
      text: cell.text,
      widthPt: spanWidthPt(widths, cell.left, cell.right),
      vertical: cell.vertical,
      top: cell.top - 1,
      bottom: cell.bottom - 1,
    }));
  const heights = bandRowHeightsPt(layout.rows.last, band);
  grid.forEach((cells, index) => {
    let xml = '';
    let first = 0;
    let last = 0;
    // Texts join the shared strings in reading order, left to right and top to bottom.
    cells.forEach((cell, column) => {
      if (!cell) return;
      first ||= column;
      last = column;
      xml += textCellXml(strings, `${columnLetters(column)}${index + 1}`, cell.style, cell.text);
    });
    part.write(rowOpenXml(index + 1, first || 1, last || 1, heights[index]) + xml + ROW_CLOSE);
  });
}

function leftText(key: Exclude<LeftColumnKey, 'number'>, row: AnnexRow): string {
  switch (key) {
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

/** A column's three formats: as exported (locked), open to edit on a protected sheet, and open and highlighted. */
type Styles = Record<Variant, number>;
const stylesOf = (look: Look, edges: Edges, variants: boolean): Styles => {
  const locked = styleIndex('plain', look, edges);
  return variants ? { locked, unlocked: styleIndex('plain', look, edges, 'unlocked'), flagged: styleIndex('plain', look, edges, 'flagged') } : { locked, unlocked: locked, flagged: locked };
};

function writeRows(part: PartWriter, strings: SharedStrings, layout: AnnexSheetLayout, rows: readonly AnnexRow[], edges: ReadonlyMap<number, Edges>, options: TableSheetOptions): void {
  const variants = usesVariants(options);
  // Everything that is the same on every row is looked up once.
  const left = layout.leftColumns.map((column) => ({
    key: column.key,
    letters: columnLetters(column.column),
    styles: stylesOf(DATA_LOOK[column.key], edges.get(column.column) ?? 'thin-thin', variants),
    widthPt: columnTextWidthPt(column.width),
  }));
  const marks = layout.markColumns.map((column) => ({
    id: column.mark.id,
    letters: columnLetters(column.column),
    styles: stylesOf('mark', edges.get(column.column) ?? 'thin-thin', variants),
  }));
  const idLetters = columnLetters(layout.idColumn.column);
  const idStyle = styleIndex('plain', 'text', 'none');
  const open: Variant = options.protect ? 'unlocked' : 'locked';
  const texts: CellText[] = [];
  const noFlags: ReadonlySet<string> = new Set();

  rows.forEach((row, index) => {
    const number = layout.firstDataRow + index;
    const flagged = options.flagged?.get(row.id) ?? noFlags;
    const variant = (key: string): Variant => (flagged.has(key) ? 'flagged' : open);
    // With numbers given, a row they do not name (a new one) has none yet.
    const shown = options.numbers ? options.numbers.get(row.id) : index + 1;
    let cells = '';
    left.forEach((column, position) => {
      const ref = `${column.letters}${number}`;
      const text = column.key === 'number' ? String(shown ?? '') : leftText(column.key, row);
      texts[position] = { text, widthPt: column.widthPt };
      // 通し番号 is a number cell, locked: it names the row in the annex. Every other left column is text.
      if (column.key !== 'number') cells += textCellXml(strings, ref, column.styles[variant(column.key)], text);
      else cells += shown === undefined ? emptyCellXml(ref, column.styles.unlocked) : numberCellXml(ref, column.styles.locked, shown);
    });
    for (const column of marks) {
      const ref = `${column.letters}${number}`;
      const style = column.styles[variant(column.id)];
      cells += row.marks.includes(column.id) ? stringCellXml(ref, style, strings.indexOf(MARK)) : emptyCellXml(ref, style);
    }
    cells += textCellXml(strings, `${idLetters}${number}`, idStyle, row.id);
    part.write(rowOpenXml(number, 1, layout.idColumn.column, rowHeightPt(texts)) + cells + ROW_CLOSE);
  });

  // Input rows: every cell open but the id's, which a new row leaves empty.
  const inputHeight = rowHeightPt(left.map((column) => ({ text: '', widthPt: column.widthPt })));
  for (let index = 0; index < (options.inputRows ?? 0); index++) {
    const number = layout.firstDataRow + rows.length + index;
    const cells = [...left, ...marks].map((column) => emptyCellXml(`${column.letters}${number}`, column.styles[open])).join('');
    part.write(rowOpenXml(number, 1, layout.idColumn.column, inputHeight) + cells + emptyCellXml(`${idLetters}${number}`, idStyle) + ROW_CLOSE);
  }
}

/** Whether the sheet uses the unlocked and flagged formats: the workbook's style table must then hold them. */
export const usesVariants = (options: TableSheetOptions): boolean => Boolean(options.protect || (options.flagged && options.flagged.size > 0));

/**
 * The merged ranges of the band, in the order the earlier writer listed them (by the first cell each range
 * hides, row by row): the order means nothing to readers, but keeps the part the same as before.
 */
function mergedRanges(cells: readonly HeaderCell[]): string[] {
  const firstHidden = (cell: HeaderCell): number =>
    cell.right > cell.left ? cell.top * 100_000 + cell.left + 1 : (cell.top + 1) * 100_000 + cell.left;
  return cells
    .filter((cell) => cell.bottom > cell.top || cell.right > cell.left)
    .sort((a, b) => firstHidden(a) - firstHidden(b))
    .map((cell) => `${columnLetters(cell.left)}${cell.top}:${columnLetters(cell.right)}${cell.bottom}`);
}

/** The ○ drop-down over the matrix of the rows and the input rows, no further (whole columns make files slow to read). */
function markValidations(layout: AnnexSheetLayout, lastRow: number): ListValidation[] {
  const first = layout.markColumns[0];
  const last = layout.markColumns[layout.markColumns.length - 1];
  if (!first || !last || lastRow < layout.firstDataRow) return [];
  const sqref = `${columnLetters(first.column)}${layout.firstDataRow}:${columnLetters(last.column)}${lastRow}`;
  return [{ sqref, values: [MARK], message: MARK_LIST_MESSAGE }];
}

/** The whole worksheet part of one table. */
export function writeTableSheet(
  part: PartWriter,
  strings: SharedStrings,
  layout: AnnexSheetLayout,
  rows: readonly AnnexRow[],
  paperSize: PaperSize,
  options: TableSheetOptions = {},
): void {
  const widths = columnWidths(layout);
  const edges = columnEdges(layout);
  const lastRow = layout.firstDataRow + rows.length + (options.inputRows ?? 0) - 1;
  part.write(
    sheetHeadXml({
      dimension: `A1:${columnLetters(layout.idColumn.column)}${Math.max(lastRow, layout.rows.last)}`,
      frozen: layout.frozen,
      columns: [...widths].map(([column, width]) => ({ column, width, hidden: column === layout.idColumn.column })),
    }),
  );
  writeHeaderBand(part, strings, layout, widths, edges);
  writeRows(part, strings, layout, rows, edges, options);
  const merges = mergedRanges(layout.headerCells);
  const protection = options.protect ? { protect: true, validations: markValidations(layout, lastRow) } : {};
  part.write(sheetTailXml({ merges, paperSize: paperCode(paperSize), horizontalCentered: true, ...protection }));
  part.close();
}
