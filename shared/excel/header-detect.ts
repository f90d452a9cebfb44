import { HEADER_LABELS } from '../model/table-names';
import { displayHeader, normaliseHeader } from './header-text';
import { readMark } from './mark-values';
import { READ_LIMITS } from './read-limits';
import type { CellValue, SheetGrid } from './sheet-grid';
import { ROW_ID_HEADER } from './workbook-names';

/** The fixed columns left of the ○ matrix. */
export type LeftColumnKind = 'number' | 'departments' | 'sections' | 'title' | 'summary';

/** One text of a column's header stack, top to bottom, at the cell it comes from. */
export interface HeaderElement {
  /** Compared form (NFKC, no whitespace). */
  readonly norm: string;
  /** As written, line breaks removed. */
  readonly display: string;
  readonly row: number;
  readonly column: number;
}

/** A column right of the left columns with header text above the header row's bottom: a ○ column, or a wrong one. */
export interface BandColumn {
  readonly column: number;
  readonly stack: readonly HeaderElement[];
}

/** One table's header as found on a sheet: its rows, its left columns and the stacks over its ○ columns. */
export interface HeaderBlock {
  readonly grid: SheetGrid;
  /** The first row holding both 主な取組 and 取組概要. */
  readonly headerRow: number;
  /** The band's first row (基本理念 and the like sit here). */
  readonly top: number;
  /** The band's last row; the table's rows start below it. */
  readonly bottom: number;
  readonly left: ReadonlyMap<LeftColumnKind, number>;
  readonly rowIdColumn: number | undefined;
  readonly bandColumns: readonly BandColumn[];
}

const LEFT_LABELS = new Map<string, LeftColumnKind>([
  [normaliseHeader(HEADER_LABELS.number), 'number'],
  ['番号', 'number'],
  [normaliseHeader(HEADER_LABELS.departments), 'departments'],
  [normaliseHeader(HEADER_LABELS.sections), 'sections'],
  [normaliseHeader(HEADER_LABELS.title), 'title'],
  [normaliseHeader(HEADER_LABELS.summary), 'summary'],
]);
const TITLE = normaliseHeader(HEADER_LABELS.title);
const SUMMARY = normaliseHeader(HEADER_LABELS.summary);
const ROW_ID_NORM = normaliseHeader(ROW_ID_HEADER);

const asText = (value: CellValue | undefined): string => (value === undefined ? '' : String(value));

/** Header text is short; a long cell is never a header label, so it is not normalised at all (speed on 10,000 rows). */
const isShortText = (value: CellValue | undefined): value is string => typeof value === 'string' && value.length <= 40;

interface Occurrence {
  readonly label: 'title' | 'summary';
  readonly top: number;
  readonly bottom: number;
}

/** Every 主な取組 / 取組概要 cell, with the rows its merge covers. */
function labelOccurrences(grid: SheetGrid): Occurrence[] {
  const found: Occurrence[] = [];
  for (let row = 0; row < grid.rowCount; row += 1) {
    for (const column of grid.columnsWithText(row, '取')) {
      const value = grid.value(row, column);
      if (!isShortText(value)) continue;
      const norm = normaliseHeader(value);
      if (norm !== TITLE && norm !== SUMMARY) continue;
      const merge = grid.mergeAt(row, column);
      if (merge && (merge.top !== row || merge.left !== column)) continue; // a stale value hidden under a merge
      found.push({ label: norm === TITLE ? 'title' : 'summary', top: row, bottom: merge?.bottom ?? row });
    }
  }
  return found;
}

/** Which rows some of the labels cover: a running count over their starts and ends. */
function coverage(labels: readonly Occurrence[], rowCount: number): Uint8Array {
  const change = new Int32Array(rowCount + 1);
  for (const { top, bottom } of labels) {
    change[top] = (change[top] ?? 0) + 1;
    const end = Math.min(bottom + 1, rowCount);
    change[end] = (change[end] ?? 0) - 1;
  }
  const covered = new Uint8Array(rowCount);
  for (let row = 0, open = 0; row < rowCount; row += 1) covered[row] = (open += change[row] ?? 0) > 0 ? 1 : 0;
  return covered;
}

/**
 * Rows where a 主な取組 and a 取組概要 meet (merged labels count on every row they cover), top first: where two labels
 * overlap, the lower top. So a label's top row counts when a label of the other kind covers it. Linear in the labels:
 * comparing every pair took minutes on a sheet of 100,000 header rows.
 */
function headerRows(grid: SheetGrid): number[] {
  const occurrences = labelOccurrences(grid);
  const titles = occurrences.filter((occurrence) => occurrence.label === 'title');
  const summaries = occurrences.filter((occurrence) => occurrence.label === 'summary');
  const byTitle = coverage(titles, grid.rowCount);
  const bySummary = coverage(summaries, grid.rowCount);
  const rows = new Set<number>();
  for (const summary of summaries) if (byTitle[summary.top]) rows.add(summary.top);
  for (const title of titles) if (bySummary[title.top]) rows.add(title.top);
  return [...rows].sort((a, b) => a - b);
}

/** Columns of the header row labelled as left columns (first of each), and the 行ID column if it is there. */
function leftColumns(grid: SheetGrid, row: number): Map<LeftColumnKind, number> {
  const left = new Map<LeftColumnKind, number>();
  for (let column = 0; column < grid.columnCount; column += 1) {
    const value = grid.value(row, column);
    if (!isShortText(value)) continue;
    const kind = LEFT_LABELS.get(normaliseHeader(value));
    if (kind !== undefined && !left.has(kind)) left.set(kind, column);
  }
  return left;
}

/** A row that belongs to the band: nothing in the left columns, and header text (not only ○) to the right. */
function isBandRow(grid: SheetGrid, row: number, leftSet: ReadonlySet<number>, leftmost: number): boolean {
  for (const column of leftSet) if (grid.value(row, column) !== undefined) return false;
  for (let column = leftmost + 1; column < grid.columnCount; column += 1) {
    if (leftSet.has(column)) continue;
    const value = grid.value(row, column);
    if (value !== undefined && readMark(value) === 'invalid') return true;
  }
  return false;
}

/**
 * A band without any merge (a CSV, or a sheet whose merges were undone) keeps a merged header only in its first cell.
 * Give it back its width: an empty cell continues the cell to its left while the row above is one cell over both, so
 * 目指す地域像１ spans its concepts and （２） its sub-columns, but a sub-column title never spills into the next concept.
 */
function restoreFlattenedBand(grid: SheetGrid, top: number, bottom: number, matrixColumns: readonly number[]): void {
  // Never past the band's last written column: a blank column beyond it is not a header spilling over.
  let right = -1;
  for (const column of matrixColumns) {
    for (let row = top; row <= bottom; row += 1) if (grid.value(row, column) !== undefined) right = Math.max(right, column);
  }
  const columns = matrixColumns.filter((column) => column <= right);
  const sameAbove = (row: number, a: number, b: number): boolean => {
    if (row < top) return true;
    if (grid.value(row, a) === undefined || grid.value(row, b) === undefined) return false;
    const first = grid.originOf(row, a);
    const second = grid.originOf(row, b);
    return first.row === second.row && first.column === second.column;
  };
  for (let row = top; row < bottom; row += 1) {
    let start = -1;
    let last = -1;
    const close = (): void => {
      if (start >= 0 && last > start) grid.addMerge({ top: row, left: start, bottom: row, right: last });
      start = -1;
    };
    for (const column of columns) {
      if (grid.value(row, column) !== undefined) {
        close();
        start = column;
        last = column;
      } else if (start >= 0 && column === last + 1 && sameAbove(row - 1, start, column)) {
        last = column;
      } else close();
    }
    close();
  }
}

/** The distinct texts above the header row's bottom in one column: a merged cell counts once. */
function stackOf(grid: SheetGrid, column: number, top: number, bottom: number): HeaderElement[] {
  const stack: HeaderElement[] = [];
  for (let row = top; row <= bottom; row += 1) {
    const value = grid.value(row, column);
    if (value === undefined) continue;
    const origin = grid.originOf(row, column);
    const last = stack[stack.length - 1];
    if (last && last.row === origin.row && last.column === origin.column) continue;
    const text = asText(value);
    const norm = normaliseHeader(text);
    if (norm === '') continue;
    stack.push({ norm, display: displayHeader(text), row: origin.row, column: origin.column });
  }
  return stack;
}

function buildBlock(grid: SheetGrid, headerRow: number, floor: number): HeaderBlock {
  const left = leftColumns(grid, headerRow);
  const leftSet = new Set(left.values());
  const leftmost = Math.min(...leftSet);
  const merges = [...leftSet].map((column) => grid.mergeAt(headerRow, column));
  let top = Math.max(floor, Math.min(...merges.map((merge) => merge?.top ?? headerRow)));
  let bottom = Math.max(...merges.map((merge) => merge?.bottom ?? headerRow));
  if (merges.every((merge) => merge === undefined)) {
    // Unmerged left labels over a taller band (a CSV): the band goes on below while the left columns stay empty.
    while (bottom + 1 < grid.rowCount && isBandRow(grid, bottom + 1, leftSet, leftmost)) bottom += 1;
    if (bottom > headerRow) {
      for (const column of leftSet) grid.addMerge({ top: headerRow, left: column, bottom, right: column });
    }
  }
  // Header rows over the matrix only (the left labels not merged up to them) are part of the band too.
  while (top - 1 >= floor && isBandRow(grid, top - 1, leftSet, leftmost)) top -= 1;

  const matrixColumns: number[] = [];
  for (let column = leftmost + 1; column < grid.columnCount; column += 1) if (!leftSet.has(column)) matrixColumns.push(column);
  // Only a band with no merge across columns lost its widths; a merged one is read as it is.
  const mergedAcross = grid.merges.some((merge) => merge.bottom >= top && merge.top <= bottom && merge.right > leftmost && merge.right > merge.left);
  if (!mergedAcross) restoreFlattenedBand(grid, top, bottom, matrixColumns);

  // The id column sits right of the matrix in an exported workbook, but a person may have moved it anywhere.
  let rowIdColumn: number | undefined;
  for (let column = 0; column < grid.columnCount && rowIdColumn === undefined; column += 1) {
    const value = grid.value(headerRow, column);
    if (isShortText(value) && normaliseHeader(value) === ROW_ID_NORM) rowIdColumn = column;
  }
  const bandColumns: BandColumn[] = [];
  for (const column of matrixColumns) {
    const stack = stackOf(grid, column, top, bottom);
    if (stack.length === 0) continue;
    if (stack.some((element) => element.norm === ROW_ID_NORM)) {
      rowIdColumn ??= column;
      continue;
    }
    bandColumns.push({ column, stack });
  }
  return { grid, headerRow, top, bottom, left, rowIdColumn, bandColumns };
}

/**
 * Every table header on a sheet, top to bottom, wherever it sits: found by its texts, never by fixed rows. A header band
 * that lost its merges (a CSV) gets them back in the grid, so everything read later sees the band as printed.
 */
export function findHeaderBlocks(grid: SheetGrid): HeaderBlock[] {
  const blocks: HeaderBlock[] = [];
  let floor = 0;
  for (const row of headerRows(grid)) {
    // One past the limit is enough to refuse the workbook; building the rest would take minutes.
    if (blocks.length > READ_LIMITS.headerBlocks) break;
    if (row < floor) continue;
    const block = buildBlock(grid, row, floor);
    blocks.push(block);
    floor = block.bottom + 1;
  }
  return blocks;
}
