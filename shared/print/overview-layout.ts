import type { PaperSize } from '../model/annex-document';
import { markColumns, type Plan } from '../model/plan';
import { contentHeightPt, linesHeightPt, PAPER_GEOMETRY, PRINT_CELL, titleBlockPt, verticalExtentEm } from './print-geometry';

/**
 * The overview page's sizes. Its lines are one line of text each (names never wrap), so how many fit a
 * page is known without measuring: the page can be planned in shared code and the CSS follows these numbers.
 */
export const OVERVIEW_FONT_SCALE = 1.25;
/** Column widths of the overview's matrix, in ems of its font. */
export const OVERVIEW_COLUMNS_EM = { label: 12, initiatives: 4, mark: 4.2 } as const;
/** The note under the title says what the numbers count. */
export const OVERVIEW_NOTE_LINES = 1;

export function overviewFontPt(paper: PaperSize): number {
  return PAPER_GEOMETRY[paper].fontPt * OVERVIEW_FONT_SCALE;
}

/** The matrix header: the vision labels, the concept labels and the vertical names of the mark columns. */
export function overviewHeaderHeightPt(plan: Plan, paper: PaperSize): number {
  const fontPt = overviewFontPt(paper);
  const longest = Math.max(1, ...markColumns(plan).map((column) => verticalExtentEm(column.title)));
  return 2 * linesHeightPt(1, fontPt) + longest * fontPt + 2 * PRINT_CELL.padYEm * fontPt + PRINT_CELL.borderPt;
}

/** How many lines of the matrix fit one overview page below its title, note and header. */
export function overviewLinesPerPage(plan: Plan, paper: PaperSize): number {
  const geometry = PAPER_GEOMETRY[paper];
  const fontPt = overviewFontPt(paper);
  const room =
    contentHeightPt(geometry) -
    titleBlockPt(geometry) -
    OVERVIEW_NOTE_LINES * fontPt * PRINT_CELL.lineHeightEm -
    overviewHeaderHeightPt(plan, paper) -
    // Borders and rounding: half a line of slack, so the last line never touches the footer.
    linesHeightPt(1, fontPt) / 2;
  return Math.max(1, Math.floor(room / linesHeightPt(1, fontPt)));
}
