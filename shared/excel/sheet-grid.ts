import type { CellObject, WorkSheet } from 'xlsx';
import { READ_LIMITS } from './read-limits';
import { parseCellAddress } from './sheet-address';

/** What a cell holds once read: text, a number or a boolean; an empty cell is undefined. */
export type CellValue = string | number | boolean;

/** A rectangle of cells, zero-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

// Excel's column count: row * stride + column names one cell in a Map key.
const STRIDE = 16_384;
const key = (row: number, column: number): number => row * STRIDE + column;

// SheetJS keeps an error cell's code; with cellText off there is no display text, so name the codes here.
const ERROR_TEXTS = new Map<number, string>([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

/** A cell's value as the sheet last saved it: formulas are never evaluated, their cached value is taken. */
function cellValue(cell: CellObject | undefined): CellValue | undefined {
  if (cell === undefined || cell === null) return undefined;
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : undefined;
    case 'n':
      // A number SheetJS could not read (NaN, 1e999, a date that is none) is what Excel shows as #NUM!, never a blank.
      if (typeof cell.v !== 'number') return undefined;
      return Number.isFinite(cell.v) ? cell.v : '#NUM!';
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : undefined;
    case 'e':
      return cell.w ?? ERROR_TEXTS.get(Number(cell.v)) ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
    default:
      return undefined;
  }
}

// SheetJS keeps a row that reaches column XFD through one far cell as a sparse array, which any loop over its width
// (or some, forEach) walks index by index: about 2 ms a row, minutes for a hostile sheet of 100,000 such rows.
const SPARSE_WIDTH = 256;

/** Visits a row's cells (or a sheet's rows) in order; a long one by its own keys, so the cost is its entries, not its length. */
function forEachCell<T>(cells: readonly T[], visit: (cell: T | undefined, column: number) => void): void {
  if (cells.length <= SPARSE_WIDTH) {
    for (let column = 0; column < cells.length; column += 1) visit(cells[column], column);
    return;
  }
  for (const key of Object.keys(cells)) {
    const column = Number(key);
    if (Number.isInteger(column)) visit(cells[column], column);
  }
}

export type GridResult = { readonly ok: true; readonly grid: SheetGrid } | { readonly ok: false; readonly message: string };

/**
 * One sheet as rows of cells, with merged areas spread: SheetJS keeps a merged value only in the top-left cell,
 * while a 部 merged over several rows belongs to each row and a header merged across columns to each column.
 * Hidden rows are kept: hiding a row in Excel does not take it out of the table.
 */
export class SheetGrid {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly rows: readonly (readonly (CellObject | undefined)[] | undefined)[];
  private readonly covered = new Map<number, CellRange>();
  // Most rows hold no merge: a flag per row spares them the Map lookup (10,000 rows × 20 columns).
  private readonly mergedRows = new Set<number>();
  private readonly mergeList: CellRange[] = [];
  private coveredCells = 0;

  constructor(name: string, rows: readonly (readonly (CellObject | undefined)[] | undefined)[], rowCount: number, columnCount: number) {
    this.name = name;
    this.rows = rows;
    this.rowCount = rowCount;
    this.columnCount = columnCount;
  }

  /** The merges of the sheet, clipped to its cells. */
  get merges(): readonly CellRange[] {
    return this.mergeList;
  }

  /**
   * Spreads a merged area over its cells. Also used for merges a flattened header band lost (a CSV keeps a merged value
   * only in its first cell). Returns false past the limit, so a hostile A1:XFD1048576 merge cannot exhaust memory.
   */
  addMerge(range: CellRange): boolean {
    const clipped: CellRange = {
      top: Math.max(0, range.top),
      left: Math.max(0, range.left),
      bottom: Math.min(range.bottom, this.rowCount - 1),
      right: Math.min(range.right, this.columnCount - 1),
    };
    if (clipped.bottom < clipped.top || clipped.right < clipped.left) return true;
    if (clipped.bottom === clipped.top && clipped.right === clipped.left) return true;
    this.coveredCells += (clipped.bottom - clipped.top + 1) * (clipped.right - clipped.left + 1);
    if (this.coveredCells > READ_LIMITS.mergedCells) return false;
    // The origin keeps its place even when the range was clipped: the value lives there.
    const stored: CellRange = { ...clipped, top: range.top, left: range.left };
    for (let row = clipped.top; row <= clipped.bottom; row += 1) {
      this.mergedRows.add(row);
      for (let column = clipped.left; column <= clipped.right; column += 1) {
        // Overlapping merges (only in broken files): the first one wins, as Excel shows it.
        if (!this.covered.has(key(row, column))) this.covered.set(key(row, column), stored);
      }
    }
    this.mergeList.push(stored);
    return true;
  }

  /** The merged area a cell belongs to, if any. */
  mergeAt(row: number, column: number): CellRange | undefined {
    return this.mergedRows.has(row) ? this.covered.get(key(row, column)) : undefined;
  }

  /** The SheetJS cell itself, ignoring merges. */
  rawCell(row: number, column: number): CellObject | undefined {
    return this.rows[row]?.[column] ?? undefined;
  }

  /** Where a cell's value comes from: its merge's top-left cell, or itself. */
  originOf(row: number, column: number): { readonly row: number; readonly column: number } {
    const merge = this.mergeAt(row, column);
    return merge ? { row: merge.top, column: merge.left } : { row, column };
  }

  /** The value a person sees in the cell, merges spread. */
  value(row: number, column: number): CellValue | undefined {
    const merge = this.mergeAt(row, column);
    return cellValue(merge ? this.rawCell(merge.top, merge.left) : this.rawCell(row, column));
  }

  /** The value only when it starts in this row: a value merged down from a row above belongs to that row. */
  ownValue(row: number, column: number): CellValue | undefined {
    const merge = this.mergeAt(row, column);
    if (merge && merge.top !== row) return undefined;
    return cellValue(merge ? this.rawCell(merge.top, merge.left) : this.rawCell(row, column));
  }

  /** True when the cell (or its merge's top-left cell) holds a formula: its cached value is what is read. */
  isFormula(row: number, column: number): boolean {
    const merge = this.mergeAt(row, column);
    const cell = merge ? this.rawCell(merge.top, merge.left) : this.rawCell(row, column);
    return cell !== undefined && cell !== null && typeof cell.f === 'string' && cell.f !== '';
  }

  /** Texts that start in a row, left to right, each merged cell once: what a title or a note row says. */
  ownTexts(row: number): string[] {
    const cells = this.rows[row];
    const texts: string[] = [];
    if (!cells) return texts;
    forEachCell(cells, (cell, column) => {
      const value = cellValue(cell);
      if (value === undefined) return;
      const merge = this.mergeAt(row, column);
      if (merge && (merge.top !== row || merge.left !== column)) return;
      const text = String(value).trim();
      if (text !== '') texts.push(text);
    });
    return texts;
  }

  /** Columns of a row whose own text contains a string: a scan that never walks empty or merged-over cells. */
  columnsWithText(row: number, needle: string): number[] {
    const cells = this.rows[row];
    const columns: number[] = [];
    if (!cells) return columns;
    forEachCell(cells, (cell, column) => {
      const value = cell?.v;
      if (typeof value === 'string' && value.includes(needle)) columns.push(column);
    });
    return columns;
  }
}

/** A sheet read without `dense` keeps cells under A1 keys: the same cells as rows. */
function denseRows(sheet: WorkSheet): (CellObject | undefined)[][] {
  const rows: (CellObject | undefined)[][] = [];
  for (const [address, cell] of Object.entries(sheet)) {
    const place = parseCellAddress(address);
    if (!place || !cell || typeof cell !== 'object') continue;
    (rows[place.row] ??= [])[place.column] = cell as CellObject;
  }
  return rows;
}

/** A SheetJS sheet (dense or not) → a grid; refused when its merges would spread over too many cells. */
export function sheetGrid(name: string, sheet: WorkSheet): GridResult {
  const rows = sheet['!data'] ? (sheet['!data'] as (CellObject | undefined)[][]) : denseRows(sheet);
  const merges = sheet['!merges'] ?? [];
  // Trailing rows of empty (formatted) cells are not part of the sheet's content; a formula with no value is.
  let rowCount = rows.length;
  const holdsContent = (cells: readonly (CellObject | undefined)[] | undefined): boolean => {
    let found = false;
    if (cells) forEachCell(cells, (cell) => void (found ||= cell !== undefined && cell !== null && (cell.t !== 'z' || typeof cell.f === 'string')));
    return found;
  };
  while (rowCount > 0 && !holdsContent(rows[rowCount - 1])) rowCount -= 1;
  // A merge may reach past the last cell (a header merged down over rows that hold nothing else): count it in.
  let columnCount = 0;
  // Rows SheetJS left out are holes: a sheet with one cell in row 1,048,576 is a million of them, walked by its keys.
  forEachCell(rows, (cells) => {
    if (cells && cells.length > columnCount) columnCount = cells.length;
  });
  for (const merge of merges) {
    rowCount = Math.max(rowCount, Math.min(merge.e.r, READ_LIMITS.rows) + 1);
    columnCount = Math.max(columnCount, Math.min(merge.e.c, STRIDE - 1) + 1);
  }
  const grid = new SheetGrid(name, rows, rowCount, columnCount);
  for (const merge of merges) {
    if (!grid.addMerge({ top: merge.s.r, left: merge.s.c, bottom: merge.e.r, right: merge.e.c })) {
      return { ok: false, message: '結合セルの範囲が大きすぎるため読めません' };
    }
  }
  return { ok: true, grid };
}

/** A sheet by name without trusting the name as an object key: a sheet may be called __proto__ or constructor. */
export function sheetByName(sheets: Record<string, WorkSheet>, name: string): WorkSheet | undefined {
  const own = Object.getOwnPropertyDescriptor(sheets, name);
  if (own) return own.value as WorkSheet;
  // SheetJS assigns Sheets[name]; for "__proto__" that sets the prototype of the Sheets object (never Object.prototype).
  if (name === '__proto__') {
    const prototype: unknown = Object.getPrototypeOf(sheets);
    if (prototype !== null && prototype !== Object.prototype && typeof prototype === 'object') return prototype as WorkSheet;
  }
  return undefined;
}
