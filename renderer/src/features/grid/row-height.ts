import { wrappedLineCount } from '../../../../shared/excel/row-height';
import type { AnnexRow } from '../../../../shared/model/annex-document';

/**
 * Row heights from a character-count estimate (full-width 1 em, half-width 0.5 em, explicit line breaks kept),
 * not autoHeight: measuring every row in the DOM makes 10,000 rows scroll badly.
 */
export const GRID_FONT_SIZE_PX = 13;
export const GRID_LINE_HEIGHT_PX = 19;
/** Padding above and below the text plus the row border. */
export const GRID_CELL_PADDING_Y_PX = 9;
/** Padding left and right of the text plus the column border. */
export const GRID_CELL_PADDING_X_PX = 13;
export const MIN_ROW_HEIGHT_PX = GRID_LINE_HEIGHT_PX + GRID_CELL_PADDING_Y_PX;
// A runaway paste must not make one row taller than the screen can scroll through comfortably.
export const MAX_ROW_HEIGHT_PX = 2000;

/** The widths in px of the columns whose text wraps; a table without 部/課 leaves them out. */
export interface WrappedColumnWidths {
  readonly departments?: number;
  readonly sections?: number;
  readonly title: number;
  readonly summary: number;
}

const linesOf = (text: string, columnWidthPx: number): number =>
  wrappedLineCount(text, Math.max(columnWidthPx - GRID_CELL_PADDING_X_PX, GRID_FONT_SIZE_PX), GRID_FONT_SIZE_PX);

/** Lines a 部/課 cell shows: one value a line, each wrapped on its own. */
const listLines = (values: readonly string[], columnWidthPx: number): number =>
  values.length === 0 ? 1 : values.reduce((lines, value) => lines + linesOf(value, columnWidthPx), 0);

export function estimateRowHeight(row: AnnexRow, widths: WrappedColumnWidths): number {
  let lines = Math.max(linesOf(row.title, widths.title), linesOf(row.summary, widths.summary));
  if (widths.departments !== undefined) lines = Math.max(lines, listLines(row.departments, widths.departments));
  if (widths.sections !== undefined) lines = Math.max(lines, listLines(row.sections, widths.sections));
  return Math.min(Math.max(lines * GRID_LINE_HEIGHT_PX + GRID_CELL_PADDING_Y_PX, MIN_ROW_HEIGHT_PX), MAX_ROW_HEIGHT_PX);
}

/** Heights cached by row object: rows are immutable, so an edited row is a new object and gets a new estimate. */
export function rowHeightCache(widths: WrappedColumnWidths): (row: AnnexRow) => number {
  const cache = new WeakMap<AnnexRow, number>();
  return (row) => {
    let height = cache.get(row);
    if (height === undefined) {
      height = estimateRowHeight(row, widths);
      cache.set(row, height);
    }
    return height;
  };
}
