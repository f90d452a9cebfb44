import { wrappedLineCount } from '../excel/row-height';
import type { PaperSize, TableKind } from '../model/annex-document';
import type { Plan } from '../model/plan';
import { cellTextWidthPt, estimateBodyHeightPt, PRINT_CELL, tablePrintLayout, type TablePrintLayout } from './print-geometry';

/**
 * Whether a 主な取組 or 取組概要 fits its printed cell. A row is never split across pages, so a cell can be
 * at most as tall as the room a page has below the title and the header band. The estimate counts full-width
 * characters as 1 em and half-width ones as 0.5 em (as the xlsx row heights do) against the printed column's
 * width; BIZ UDPGothic sets kana a little narrower than that, so the estimate errs on the long side.
 */
export type PrintFitField = 'title' | 'summary';

export interface CellFit {
  /** Lines the text takes in print. */
  readonly lines: number;
  /** Lines a cell can hold on one page. */
  readonly maxLines: number;
  /** About how many full-width characters a line holds. */
  readonly charsPerLine: number;
  /** Lines beyond the page (0 when it fits). */
  readonly overflowLines: number;
  /** Characters beyond the page (0 when it fits). */
  readonly overflowChars: number;
}

export interface FitMetrics {
  readonly textWidthPt: Readonly<Record<PrintFitField, number>>;
  readonly fontPt: number;
  readonly maxLines: number;
}

const metricsCache = new WeakMap<Plan, Map<string, FitMetrics>>();

/** The printed cells' text widths and the lines a page holds, for a table at a paper. */
export function fitMetrics(plan: Plan, table: TableKind, paper: PaperSize): FitMetrics {
  let byKey = metricsCache.get(plan);
  if (!byKey) {
    byKey = new Map();
    metricsCache.set(plan, byKey);
  }
  const key = `${table}:${paper}`;
  let metrics = byKey.get(key);
  if (!metrics) {
    const layout: TablePrintLayout = tablePrintLayout(plan, table, '', paper);
    const { fontPt } = layout.geometry;
    const room = estimateBodyHeightPt(layout) - 2 * PRINT_CELL.padYEm * fontPt - PRINT_CELL.borderPt;
    metrics = {
      textWidthPt: { title: cellTextWidthPt(layout, 'title'), summary: cellTextWidthPt(layout, 'summary') },
      fontPt,
      maxLines: Math.max(Math.floor(room / (fontPt * PRINT_CELL.lineHeightEm)), 1),
    };
    byKey.set(key, metrics);
  }
  return metrics;
}

export function cellFit(plan: Plan, table: TableKind, paper: PaperSize, field: PrintFitField, text: string): CellFit {
  const { textWidthPt, fontPt, maxLines } = fitMetrics(plan, table, paper);
  const width = textWidthPt[field];
  const lines = wrappedLineCount(text, width, fontPt);
  const charsPerLine = Math.max(Math.floor(width / fontPt), 1);
  if (lines <= maxLines) return { lines, maxLines, charsPerLine, overflowLines: 0, overflowChars: 0 };
  // The longest beginning of the text that still fits; wrapping is greedy, so line counts grow with the prefix.
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (wrappedLineCount(chars.slice(0, middle).join(''), width, fontPt) <= maxLines) low = middle;
    else high = middle - 1;
  }
  const overflowChars = chars.slice(low).filter((char) => char !== '\n' && char !== '\r').length;
  return { lines, maxLines, charsPerLine, overflowLines: lines - maxLines, overflowChars };
}
