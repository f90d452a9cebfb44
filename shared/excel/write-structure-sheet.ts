import { DEFAULT_SETTINGS, type AnnexDocument, type PaperSize } from '../model/annex-document';
import { columnLetters } from './annex-sheet-layout';
import { columnTextWidthPt, rowHeightPt, textWidthEm, PRINT_FONT_SIZE } from './row-height';
import { frameOfDocument } from './read-document-frame';
import { structureSheetRows, type Cell } from './structure-sheet';
import type { SharedStrings } from './xlsx-shared-strings';
import { numberCellXml, paperCode, rowOpenXml, ROW_CLOSE, sheetHeadXml, sheetTailXml, stringCellXml } from './xlsx-sheet-xml';
import { styleIndex } from './xlsx-styles';
import type { PartWriter } from './xlsx-zip-stream';
import { excelText } from './xml-escape';

/**
 * A plain sheet of text blocks: the 構造 sheet (structureSheetRows), a submission's instructions or fingerprint.
 * The first row is the title, a block's first row (after a blank row) its bold heading, columns as wide as their
 * longest line. Printed, it fits the width of one page.
 */

/** Excel width units for a column of the 構造 sheet: its longest line, within limits (longer text wraps). */
const STRUCTURE_MIN_WIDTH = 8;
const STRUCTURE_MAX_WIDTH = 60;

const cellText = (cell: Cell): string => (typeof cell === 'number' ? String(cell) : cell);

/** Width of each column from its longest line, the sheet's title (which may overflow) aside. */
function columnWidths(rows: readonly (readonly Cell[])[]): number[] {
  const widths: number[] = [];
  rows.forEach((cells, index) => {
    if (index === 0) return;
    cells.forEach((cell, column) => {
      const longest = Math.max(0, ...cellText(cell).split('\n').map(textWidthEm));
      const units = Math.ceil((longest * PRINT_FONT_SIZE) / (7 * 0.75)) + 2;
      widths[column] = Math.min(Math.max(widths[column] ?? STRUCTURE_MIN_WIDTH, units), STRUCTURE_MAX_WIDTH);
    });
  });
  return widths;
}

export function writePlainSheet(part: PartWriter, strings: SharedStrings, rows: readonly (readonly Cell[])[], paperSize: PaperSize): void {
  const widths = columnWidths(rows);
  const lastColumn = Math.max(1, ...rows.map((cells) => cells.length));
  const lastRow = rows.reduce((last, cells, index) => (cells.length > 0 ? index + 1 : last), 1);
  part.write(
    sheetHeadXml({
      dimension: `A1:${columnLetters(lastColumn)}${lastRow}`,
      columns: widths.map((width, column) => ({ column: column + 1, width })),
    }),
  );

  const plain = styleIndex('plain', 'structure', 'none');
  const bold = styleIndex('bold', 'structure', 'none');
  const title = styleIndex('bold', 'title', 'none');
  rows.forEach((cells, index) => {
    // A blank row separates blocks and is not written at all.
    if (cells.length === 0) return;
    // A block's heading is its first row: the one after the title or after a blank row.
    const heading = index === 1 || (index > 1 && rows[index - 1]?.length === 0);
    const style = index === 0 ? title : heading ? bold : plain;
    const number = index + 1;
    // Every cell is written, an empty text too: the sheet reads back with the same cells.
    const xml = cells
      .map((cell, column) => {
        const ref = `${columnLetters(column + 1)}${number}`;
        return typeof cell === 'number' ? numberCellXml(ref, style, cell) : stringCellXml(ref, style, strings.indexOf(excelText(cell)));
      })
      .join('');
    // The title row gets no height of its own, as before: one line, which every reader sizes itself.
    const height =
      index === 0 ? undefined : rowHeightPt(cells.map((cell, column) => ({ text: cellText(cell), widthPt: columnTextWidthPt(widths[column] ?? STRUCTURE_MIN_WIDTH) })));
    part.write(rowOpenXml(number, 1, cells.length, height) + xml + ROW_CLOSE);
  });
  part.write(sheetTailXml({ merges: [], paperSize: paperCode(paperSize), horizontalCentered: false }));
  part.close();
}

/** The 構造 sheet: everything of the document but its rows, so the workbook alone reopens as the same document. */
export function writeStructureSheet(part: PartWriter, strings: SharedStrings, document: AnnexDocument): void {
  writePlainSheet(part, strings, structureSheetRows(frameOfDocument(document)), document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize);
}
