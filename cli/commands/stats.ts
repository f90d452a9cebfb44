import { builtinAnnex } from '../../shared/builtin-annex';
import { TABLE_KINDS } from '../../shared/model/annex-document';
import { markColumns } from '../../shared/model/plan';
import { documentStats } from '../../shared/model/stats';
import { TABLE_LABELS } from '../../shared/model/table-names';
import { EXIT } from '../cli-error';
import { readDocumentFile, type DocumentReadOptions } from '../document-files';
import type { CommandResult, OutputFormat } from './command';

/** `annex stats [FILE]`: rows and marks per table, initiatives per mark column. */
export async function statsCommand(file: string | undefined, format: OutputFormat, read: DocumentReadOptions = {}): Promise<CommandResult> {
  const document = file === undefined ? builtinAnnex() : await readDocumentFile(file, read);
  const stats = documentStats(document);
  if (format === 'json') return { output: JSON.stringify({ tables: stats }, null, 2), exitCode: EXIT.ok };
  const columns = markColumns(document.plan);
  const header = ['列', '目指す地域像', '基本的な考え方', ...TABLE_KINDS.map((table) => TABLE_LABELS[table])].join('\t');
  const rows = columns.map((column) =>
    [
      column.id,
      column.vision.label,
      `${column.concept.label}${column.title}`,
      ...TABLE_KINDS.map((table) => String(stats[table].marksByColumn[column.id] ?? 0)),
    ].join('\t'),
  );
  const totals = TABLE_KINDS.map((table) => `${TABLE_LABELS[table]}: ${stats[table].rows} 行、○ ${stats[table].marks} 個`);
  return { output: [...totals, '', header, ...rows].join('\n'), exitCode: EXIT.ok };
}
