import { HEADER_LABELS } from '../../model/table-names';
import { cellFit, type PrintFitField } from '../../print/print-fit';
import { fieldColumn, type Finding } from '../issue';
import type { RowRule } from '../rule';

const FIELDS: readonly PrintFitField[] = ['title', 'summary'];

/**
 * A row never splits across printed pages, so a 主な取組 or 取組概要 taller than a page's room below the
 * header band would be cut off. Estimated with the print font's character widths at the document's paper.
 */
export const printFit: RowRule = {
  id: 'print-fit',
  scope: 'row',
  severity: 'warning',
  description: '主な取組・取組概要が印刷の 1 ページに収まること（用紙の大きさで判断）',
  check: (row, context) => {
    const findings: Finding[] = [];
    for (const field of FIELDS) {
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
