import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { applyCommand } from '../../shared/editing/apply-command';
import { buildMergeCommand } from '../../shared/submissions/merge-command';
import { previewMerge } from '../../shared/submissions/merge-validation';
import { mergeReport, type FileReport } from '../../shared/submissions/report-json';
import { reviewSubmissions, type SubmissionFile } from '../../shared/submissions/review-submissions';
import { defaultSelection } from '../../shared/submissions/selection';
import { CliError, EXIT } from '../cli-error';
import { readDocumentFile, writeBytesAtomically, writeDocumentFile, type DocumentReadOptions } from '../document-files';
import type { CommandResult } from './command';

export interface MergeOptions {
  /** Where the JSON report goes; without it, the report is stdout. */
  readonly report: string | undefined;
  /** Where the annex with every proposed change (no conflict, no deletion) goes. */
  readonly apply: string | undefined;
}

const STATUS_LABELS: Record<FileReport['status'], string> = {
  ok: '取り込めます',
  duplicate: '取り込み済み',
  unreadable: '読めません',
  'not-submission': '回答のファイルではありません',
  'unknown-section': '宛先が分かりません',
  'wrong-section': 'ほかの課の行です',
};

/** A folder stands for the files in it (not its subfolders), in name order, as when a folder is dropped on the app. */
async function submissionFiles(paths: readonly string[]): Promise<SubmissionFile[]> {
  const files: SubmissionFile[] = [];
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) {
        const entries = (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isFile() && !entry.name.startsWith('.'));
        for (const name of entries.map((entry) => entry.name).sort()) files.push({ fileName: name, bytes: await readFile(join(path, name)) });
      } else files.push({ fileName: basename(path), bytes: await readFile(path) });
    } catch (cause) {
      const code = (cause as NodeJS.ErrnoException).code;
      throw new CliError(code === 'ENOENT' ? `${path}: ファイルが見つかりません` : `${path}: 読めません（${code ?? String(cause)}）`, EXIT.unreadable);
    }
  }
  return files;
}

function summaryLine(file: FileReport): string {
  const counts = `変更 ${file.changes.length}・追加 ${file.added.length}・削除 ${file.deleted.length}・競合 ${file.conflicts.length}・取り込まない行 ${file.rejected.length}`;
  return `${file.file}\t${STATUS_LABELS[file.status]}${file.section ? `（${file.section}）` : ''}${file.status === 'ok' ? `\t${counts}` : ''}`;
}

/** A person must look: a file that cannot be taken (a duplicate is no news), a conflict, a row not taken. */
const needsAttention = (file: FileReport): boolean =>
  (file.status !== 'ok' && file.status !== 'duplicate') || file.conflicts.length > 0 || file.rejected.length > 0;

/** `annex merge ANNEX FILES… [--report report.json] [--apply OUT]`: compares returned files; with --apply, takes what they propose. */
export async function mergeFilesCommand(annexPath: string, paths: readonly string[], options: MergeOptions, read: DocumentReadOptions = {}): Promise<CommandResult> {
  const annex = await readDocumentFile(annexPath, read);
  const review = await reviewSubmissions(annex, await submissionFiles(paths));
  let applied;
  let appliedNote = '';
  if (options.apply) {
    const command = buildMergeCommand(review, defaultSelection(review), { receivedAt: new Date().toISOString() });
    const preview = previewMerge(annex, command);
    await writeDocumentFile(options.apply, applyCommand(annex, command));
    applied = command.receipts;
    appliedNote = `${options.apply}: ${command.label}。取り込んだ行の検証: エラー ${preview.errors} 件、警告 ${preview.warnings} 件`;
  }
  const report = mergeReport(review, applied);
  const json = JSON.stringify(report, null, 2);
  const exitCode = report.files.some(needsAttention) ? EXIT.problems : EXIT.ok;
  if (!options.report) {
    // stdout is the report alone, for a program to read; what was written is said on stderr.
    if (appliedNote) process.stderr.write(`${appliedNote}\n`);
    return { output: json, exitCode };
  }
  await writeBytesAtomically(options.report, () => new TextEncoder().encode(`${json}\n`));
  const lines = report.files.flatMap((file) => [summaryLine(file), ...file.problems.map((problem) => `  ${problem}`)]);
  return { output: [...lines, ...(appliedNote ? [appliedNote] : [])].join('\n'), exitCode };
}
