import type { ImportProblem } from './import-problem';
import { cellAddress } from './sheet-address';
import type { SheetGrid } from './sheet-grid';

// A sheet of formulas (=ROW()-9 in every 通し番号) would bury every other warning; name the first ones and count the rest.
const NAMED_PER_SHEET = 50;
const shorten = (text: string): string => (text.length > 20 ? `${text.slice(0, 20)}…` : text);

/** Formula cells are read by their saved value and never evaluated; each one read is named once in a warning. */
export class FormulaNotes {
  private readonly seen = new Set<string>();
  private readonly perSheet = new Map<string, number>();

  constructor(private readonly problems: ImportProblem[]) {}

  /** Notes the cell (or its merge's top-left cell) if it holds a formula. */
  note(grid: SheetGrid, row: number, column: number): void {
    if (!grid.isFormula(row, column)) return;
    const origin = grid.originOf(row, column);
    const cell = cellAddress(origin.row, origin.column);
    const seenKey = `${grid.name}\u0000${cell}`;
    if (this.seen.has(seenKey)) return;
    this.seen.add(seenKey);
    const count = (this.perSheet.get(grid.name) ?? 0) + 1;
    this.perSheet.set(grid.name, count);
    if (count > NAMED_PER_SHEET) return;
    const value = grid.value(origin.row, origin.column);
    const message =
      value === undefined
        ? '数式のセルですが、計算結果が保存されていません。計算はせず、空のセルとして読みます'
        : `数式のセルです。計算はせず、保存されている値「${shorten(String(value))}」を使います`;
    this.problems.push({ severity: 'warning', sheet: grid.name, cell, message });
  }

  /** One closing warning per sheet with more formula cells than were named. */
  finish(): void {
    for (const [sheet, count] of this.perSheet) {
      if (count > NAMED_PER_SHEET) {
        this.problems.push({
          severity: 'warning',
          sheet,
          cell: '',
          message: `ほかにも数式のセルが ${(count - NAMED_PER_SHEET).toLocaleString('ja-JP')} 個あります（どれも計算はせず、保存されている値を使います）`,
        });
      }
    }
  }
}
