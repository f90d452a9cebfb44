import { TABLE_KINDS, type AnnexDocument, type TableKind } from '../model/annex-document';
import { documentStats } from '../model/stats';
import { HEADER_LABELS } from '../model/table-names';
import type { ColumnRef, Severity, ValidationIssue } from './issue';

/** The column as the annex names it: a header text, or the mark column's id. */
export function columnLabel(column: ColumnRef): string {
  switch (column.kind) {
    case 'field':
      return HEADER_LABELS[column.field];
    case 'mark':
      return column.markId;
    case 'marks':
      return HEADER_LABELS.concepts;
    case 'row':
      return HEADER_LABELS.number;
  }
}

export interface ReportedIssue {
  readonly rule: string;
  readonly severity: Severity;
  readonly table: TableKind;
  /** 通し番号 */
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** The machine-readable result of validation, as `annex validate --format json` prints it. */
export interface ValidationReport {
  readonly ok: boolean;
  readonly issues: readonly ReportedIssue[];
  readonly tables: Record<TableKind, { readonly rows: number; readonly marks: number }>;
}

export function rowNumbers(document: AnnexDocument): Record<TableKind, Map<string, number>> {
  return Object.fromEntries(
    TABLE_KINDS.map((table) => [table, new Map(document.tables[table].rows.map((row, index) => [row.id, index + 1]))]),
  ) as Record<TableKind, Map<string, number>>;
}

export function validationReport(document: AnnexDocument, issues: readonly ValidationIssue[]): ValidationReport {
  const numbers = rowNumbers(document);
  const stats = documentStats(document);
  return {
    ok: !issues.some((issue) => issue.severity === 'error'),
    issues: issues.map((issue) => ({
      rule: issue.rule,
      severity: issue.severity,
      table: issue.table,
      row: numbers[issue.table].get(issue.rowId) ?? 0,
      column: columnLabel(issue.column),
      message: issue.message,
    })),
    tables: {
      city: { rows: stats.city.rows, marks: stats.city.marks },
      council: { rows: stats.council.rows, marks: stats.council.marks },
    },
  };
}
