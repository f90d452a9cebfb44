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
} from './xlsx-sheet-xml';
import { styleIndex, type Edge, type Edges, type Look } from './xlsx-styles';
import type { PartWriter } from './xlsx-zip-stream';
import { excelText } from './xml-escape';

/**
 * One table as a worksheet in the printed layout: the header band (merged, bordered, vertical concept titles),
 * one row per annex row with its ○ matrix, and the hidden id column. Rows are written one at a time.
 */

/** The mark a marked cell holds. */
export const MARK = '○';

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

function writeRows(part: PartWriter, strings: SharedStrings, layout: AnnexSheetLayout, rows: readonly AnnexRow[], edges: ReadonlyMap<number, Edges>): void {
  // Everything that is the same on every row is looked up once.
  const left = layout.leftColumns.map((column) => ({
    key: column.key,
    letters: columnLetters(column.column),
    style: styleIndex('plain', DATA_LOOK[column.key], edges.get(column.column) ?? 'thin-thin'),
    widthPt: columnTextWidthPt(column.width),
  }));
  const marks = layout.markColumns.map((column) => ({
    id: column.mark.id,
    letters: columnLetters(column.column),
    style: styleIndex('plain', 'mark', edges.get(column.column) ?? 'thin-thin'),
  }));
  const idLetters = columnLetters(layout.idColumn.column);
  const idStyle = styleIndex('plain', 'text', 'none');
  const texts: CellText[] = [];

  rows.forEach((row, index) => {
    const number = layout.firstDataRow + index;
    let cells = '';
    left.forEach((column, position) => {
      const ref = `${column.letters}${number}`;
      const text = leftText(column.key, row, index);
      texts[position] = { text, widthPt: column.widthPt };
      // 通し番号 is a number cell; every other left column is text.
      cells += column.key === 'number' ? numberCellXml(ref, column.style, index + 1) : textCellXml(strings, ref, column.style, text);
    });
    for (const column of marks) {
      const ref = `${column.letters}${number}`;
      cells += row.marks.includes(column.id) ? stringCellXml(ref, column.style, strings.indexOf(MARK)) : emptyCellXml(ref, column.style);
    }
    cells += textCellXml(strings, `${idLetters}${number}`, idStyle, row.id);
    part.write(rowOpenXml(number, 1, layout.idColumn.column, rowHeightPt(texts)) + cells + ROW_CLOSE);
  });
}

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

/** The whole worksheet part of one table. */
export function writeTableSheet(part: PartWriter, strings: SharedStrings, layout: AnnexSheetLayout, rows: readonly AnnexRow[], paperSize: PaperSize): void {
  const widths = columnWidths(layout);
  const edges = columnEdges(layout);
  const lastRow = layout.firstDataRow + rows.length - 1;
  part.write(
    sheetHeadXml({
      dimension: `A1:${columnLetters(layout.idColumn.column)}${Math.max(lastRow, layout.rows.last)}`,
      frozen: layout.frozen,
      columns: [...widths].map(([column, width]) => ({ column, width, hidden: column === layout.idColumn.column })),
    }),
  );
  writeHeaderBand(part, strings, layout, widths, edges);
  writeRows(part, strings, layout, rows, edges);
  const merges = mergedRanges(layout.headerCells);
  part.write(sheetTailXml({ merges, paperSize: paperCode(paperSize), horizontalCentered: true }));
  part.close();
}
