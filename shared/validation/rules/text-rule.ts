import type { AnnexRow, TableKind } from '../../model/annex-document';
import { fieldColumn, type Finding, type ListField, type RowField, type Severity, type TextField } from '../issue';
import type { RowRule, RuleContext } from '../rule';
import { NO_FINDINGS } from './no-findings';
import { EVERY_SIGN, rowSigns } from './row-signs';

const FIELD_NAMES: Record<RowField, string> = { title: '主な取組', summary: '取組概要', departments: '部', sections: '課' };
const TEXT_FIELDS: readonly TextField[] = ['title', 'summary'];
const LIST_FIELDS: readonly ListField[] = ['departments', 'sections'];

export interface TextCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly appliesToLists: boolean;
  /** In each table, the signs (text-signs) without which `correct` returns its input unchanged. */
  readonly signs: Readonly<Record<TableKind, number>>;
  /** The corrected text; equal to the input when there is nothing to report. */
  readonly correct: (text: string, field: RowField, context: RuleContext) => string;
  readonly message: (text: string, field: RowField, context: RuleContext) => string;
  readonly fixLabel: string;
  readonly safe: boolean;
}

export interface TextRuleOptions {
  /** False runs the check on every text, as the plain rule would: tests compare the two. */
  readonly bySigns: boolean;
}

/** One shape for every text rule: check each text field (and each 部/課 entry), offer the corrected value. */
export function textRule(check: TextCheck, options: TextRuleOptions = { bySigns: true }): RowRule {
  const textFinding = (row: AnnexRow, field: TextField, context: RuleContext, findings: Finding[]): void => {
    const corrected = check.correct(row[field], field, context);
    if (corrected === row[field]) return;
    findings.push({
      rowId: row.id,
      column: fieldColumn(field),
      message: check.message(row[field], field, context),
      fix: { label: check.fixLabel, safe: check.safe, edit: { field, value: corrected } },
    });
  };
  const listFinding = (row: AnnexRow, field: ListField, context: RuleContext, findings: Finding[]): void => {
    const corrected = row[field].map((value) => check.correct(value, field, context));
    const wrong = row[field].filter((value, index) => corrected[index] !== value);
    if (wrong.length === 0) return;
    findings.push({
      rowId: row.id,
      column: fieldColumn(field),
      message: `${FIELD_NAMES[field]}「${wrong.join('・')}」: ${check.message(wrong[0] as string, field, context)}`,
      fix: { label: check.fixLabel, safe: check.safe, edit: { field, value: corrected } },
    });
  };
  return {
    id: check.id,
    scope: 'row',
    severity: check.severity,
    description: check.description,
    check: (row, context) => {
      // Named reads: a key read with the table's name as a variable is slow on this path.
      const wanted = context.table === 'city' ? check.signs.city : check.signs.council;
      const signs = options.bySigns ? rowSigns(row) : EVERY_SIGN;
      if (((signs.texts | (check.appliesToLists ? signs.lists : 0)) & wanted) === 0) return NO_FINDINGS;
      const findings: Finding[] = [];
      for (const field of TEXT_FIELDS) if ((signs[field] & wanted) !== 0) textFinding(row, field, context, findings);
      if (check.appliesToLists) {
        for (const field of LIST_FIELDS) if ((signs[field] & wanted) !== 0) listFinding(row, field, context, findings);
      }
      return findings;
    },
  };
}
