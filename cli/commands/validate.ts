import { builtinAnnex } from '../../shared/builtin-annex';
import { TABLE_LABELS } from '../../shared/model/table-names';
import { validationReport, type ValidationReport } from '../../shared/validation/issue-report';
import { validateDocument } from '../../shared/validation/validator';
import { EXIT } from '../cli-error';
import { readDocumentFile, type DocumentReadOptions } from '../document-files';
import type { CommandResult, OutputFormat } from './command';

const SEVERITY_LABELS = { error: 'エラー', warning: '警告' } as const;

function textReport(report: ValidationReport, source: string): string {
  const lines = report.issues.map(
    (issue) =>
      `${SEVERITY_LABELS[issue.severity]}\t${TABLE_LABELS[issue.table]} 通し番号 ${issue.row}\t${issue.column}\t${issue.message}\t[${issue.rule}]`,
  );
  const errors = report.issues.filter((issue) => issue.severity === 'error').length;
  const tables = (['city', 'council'] as const)
    .map((table) => `${TABLE_LABELS[table]} ${report.tables[table].rows} 行・○ ${report.tables[table].marks} 個`)
    .join('、');
  lines.push(`${source}: ${tables}。エラー ${errors} 件、警告 ${report.issues.length - errors} 件`);
  return lines.join('\n');
}

/** `annex validate [FILE]`: the built-in 2024 annex when FILE is absent. */
export async function validateCommand(file: string | undefined, format: OutputFormat, read: DocumentReadOptions = {}): Promise<CommandResult> {
  const document = file === undefined ? builtinAnnex() : await readDocumentFile(file, read);
  const report = validationReport(document, validateDocument(document));
  const output = format === 'json' ? JSON.stringify(report, null, 2) : textReport(report, file ?? '組み込みの2024年版');
  return { output, exitCode: report.ok ? EXIT.ok : EXIT.problems };
}
