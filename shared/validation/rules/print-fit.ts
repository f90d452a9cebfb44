import { wrappedLineCountBound } from '../../excel/row-height';
import { HEADER_LABELS } from '../../model/table-names';
import { cellFit, fitMetrics, type FitMetrics, type PrintFitField } from '../../print/print-fit';
import { fieldColumn, type Finding } from '../issue';
import type { RowRule, RuleContext } from '../rule';
import { NO_FINDINGS } from './no-findings';
import { EVERY_SIGN, rowSigns } from './row-signs';
import { countHalfWidthUnits, SIGN } from './text-signs';

const FIELDS: readonly PrintFitField[] = ['title', 'summary'];
const LINE_BREAKS = SIGN.lineFeed | SIGN.carriageReturn;

// A table's rows share one context, so its metrics are looked up once per table rather than per row.
let metricsFor: RuleContext | undefined;
let metrics: FitMetrics | undefined;

function metricsOf(context: RuleContext): FitMetrics {
  if (context !== metricsFor || !metrics) {
    metrics = fitMetrics(context.plan, context.table, context.paperSize);
    metricsFor = context;
  }
  return metrics;
}

/**
 * A text without line breaks that is short enough for any characters to fit needs no measuring. Each unit
 * is at most 1 em wide and an ASCII word is half-width units at 0.5 em, so counting a text's half-width units
 * bounds both its width and its widest word; a short text fits even if every unit were half-width.
 */
function surelyFits(text: string, signs: number, widthPt: number, metrics: FitMetrics): boolean {
  if ((signs & LINE_BREAKS) !== 0) return false;
  const units = text.length;
  if (wrappedLineCountBound(units, units / 2, widthPt, metrics.fontPt) <= metrics.maxLines) return true;
  const halfWidthUnits = (signs & SIGN.halfWidth) !== 0 ? countHalfWidthUnits(text) : 0;
  return wrappedLineCountBound(units - halfWidthUnits / 2, halfWidthUnits / 2, widthPt, metrics.fontPt) <= metrics.maxLines;
}

export interface PrintFitOptions {
  /** False measures every text, as the plain rule would: tests compare the two. */
  readonly bySigns: boolean;
}

/**
 * A row never splits across printed pages, so a 主な取組 or 取組概要 taller than a page's room below the
 * header band would be cut off. Estimated with the print font's character widths at the document's paper.
 */
export function printFitRule(options: PrintFitOptions = { bySigns: true }): RowRule {
  return {
    id: 'print-fit',
    scope: 'row',
    severity: 'warning',
    description: '主な取組・取組概要が印刷の 1 ページに収まること（用紙の大きさで判断）',
    check: (row, context) => {
      const metrics = metricsOf(context);
      // Every sign set (line breaks among them) measures every text, as the plain rule would.
      const signs = options.bySigns ? rowSigns(row) : EVERY_SIGN;
      // Both fields spelled out: the common case reads named properties only.
      const titleFits = surelyFits(row.title, signs.title, metrics.textWidthPt.title, metrics);
      const summaryFits = surelyFits(row.summary, signs.summary, metrics.textWidthPt.summary, metrics);
      if (titleFits && summaryFits) return NO_FINDINGS;
      const findings: Finding[] = [];
      for (const field of FIELDS) {
        if (field === 'title' ? titleFits : summaryFits) continue;
        const fit = cellFit(context.plan, context.table, context.paperSize, field, row[field]);
        if (fit.overflowLines === 0) continue;
        findings.push({
          rowId: row.id,
          column: fieldColumn(field),
          message:
            `${HEADER_LABELS[field]}が長すぎて、${context.paperSize} 横の印刷で 1 ページに収まりません：` +
            `約 ${fit.lines} 行（1 ページに入るのは ${fit.maxLines} 行まで）、約 ${fit.overflowLines} 行・${fit.overflowChars} 文字があふれます`,
        });
      }
      return findings;
    },
  };
}

export const printFit = printFitRule();
