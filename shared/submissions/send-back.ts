import { applyCommand } from '../editing/apply-command';
import type { AnnexDocument, AnnexRow } from '../model/annex-document';
import { EMPTY_LEDGER, type LedgerRecipient, type LedgerSend } from '../model/ledger';
import { markColumns } from '../model/plan';
import type { ValidationIssue } from '../validation/issue';
import { validateDocument } from '../validation/validator';
import { rowsHash } from './hash';
import { buildMergeCommand } from './merge-command';
import type { CellValue, FileReview } from './merge-review';
import { recipientsOf } from './recipients';
import { writeSectionWorkbook, sectionFileName, type SendBackContent } from './section-workbook';
import { choose, type MergeSelection } from './selection';
import { fieldLabel } from './three-way';

/**
 * A section's answer sent back to it: its rows as it returned them, the cells with problems in the highlight colour
 * and each problem explained on a sheet of its own. It goes out as a send of its own, based on the annex as it is
 * now, so that the corrected file comes back compared with what the annex holds then; an earlier file of the same
 * section then counts as an older send.
 */

export const PROBLEMS_SHEET_NAME = '確認事項';

function shown(value: CellValue | null): string {
  if (value === null) return '（行なし）';
  if (typeof value === 'boolean') return value ? '○' : '空欄';
  const text = typeof value === 'string' ? value : value.join('・');
  return text === '' ? '（空欄）' : text;
}

/** The row's cells a validation problem sits on: a field, one mark, or the whole matrix; a whole-row problem on 主な取組. */
function issueCells(issue: ValidationIssue, markIds: readonly string[]): string[] {
  switch (issue.column.kind) {
    case 'field':
      return [issue.column.field];
    case 'mark':
      return [issue.column.markId];
    case 'marks':
      return [...markIds];
    case 'row':
      return ['title'];
  }
}

/** Every choice of the file taken, conflicts and dropped rows too: the section's own version of its rows. */
function takeAll(file: FileReview): MergeSelection {
  const review = { files: [file] };
  let selection: MergeSelection = { accepted: new Set() };
  for (const row of file.rows) {
    selection = choose(selection, review, { fileHash: file.fileHash, table: row.table, rowId: row.rowId }, true);
    for (const cell of row.cells) selection = choose(selection, review, { fileHash: file.fileHash, table: row.table, rowId: row.rowId, field: cell.field }, true);
  }
  return selection;
}

interface Problem {
  readonly rowId: string | null;
  readonly cells: readonly string[];
  readonly label: string;
  readonly message: string;
}

function problemsOf(annex: AnnexDocument, file: FileReview, shownRows: ReadonlySet<string>): Problem[] {
  const markIds = markColumns(annex.plan).map((column) => column.id);
  const problems: Problem[] = file.problems.map((message) => ({ rowId: null, cells: [], label: '', message: message.replace(`${file.fileName}: `, '') }));
  const answer = applyCommand(annex, buildMergeCommand({ files: [file] }, takeAll(file), { receivedAt: '' }));
  const issues = validateDocument(answer).filter((issue) => shownRows.has(issue.rowId));
  for (const row of file.rows) {
    if (row.kind === 'rejected') {
      problems.push({ rowId: null, cells: [], label: row.theirs?.title ?? '', message: row.problems.join(' ') });
      continue;
    }
    if (!shownRows.has(row.rowId)) continue;
    for (const cell of row.cells.filter((candidate) => candidate.state === 'conflict')) {
      const field = cell.field.startsWith('mark:') ? cell.field.slice('mark:'.length) : cell.field;
      const message = `事務局の取組事業一覧では「${shown(cell.ours)}」になっています（送付したときは「${shown(cell.base)}」）。どちらにするか確かめてください`;
      problems.push({ rowId: row.rowId, cells: [field], label: fieldLabel(annex.plan, cell.field), message });
    }
    for (const message of row.problems) problems.push({ rowId: row.rowId, cells: [], label: '', message });
  }
  for (const issue of issues) {
    const label = issue.column.kind === 'field' ? fieldLabel(annex.plan, issue.column.field) : issue.column.kind === 'mark' ? fieldLabel(annex.plan, `mark:${issue.column.markId}`) : '';
    problems.push({ rowId: issue.rowId, cells: issueCells(issue, markIds), label, message: issue.message });
  }
  // Problems of a row stay together, in the order of the rows shown.
  const order = [...shownRows];
  return problems
    .map((problem, position) => ({ problem, position, rank: problem.rowId === null ? -1 : order.indexOf(problem.rowId) }))
    .sort((a, b) => a.rank - b.rank || a.position - b.position)
    .map(({ problem }) => problem);
}

export interface SendBack {
  readonly send: LedgerSend;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface SendBackOptions {
  readonly id: string;
  /** ISO 8601. */
  readonly sentAt: string;
}

/** The workbook sending a reviewed file's answer back to its section, and the send to record for it. */
export async function createSendBack(annex: AnnexDocument, file: FileReview, options: SendBackOptions): Promise<SendBack> {
  const { recipient } = file;
  if (file.status !== 'ok' || !recipient) throw new Error(`${file.fileName} is not a reviewed submission`);
  const by = (annex.ledger ?? EMPTY_LEDGER).sends.find((send) => send.id === file.sendId)?.by ?? 'section';
  const baseRows = recipientsOf(annex, by).find((candidate) => candidate.key === recipient.key)?.rows ?? [];
  const sent: LedgerRecipient = { ...recipient, rowsHash: await rowsHash(baseRows), rows: baseRows };
  const send: LedgerSend = { id: options.id, sentAt: options.sentAt, by, recipients: [sent] };

  const reviewed = new Map(file.rows.map((row) => [row.rowId, row]));
  // The annex's rows of the section, as the section answered them; rows it dropped stay out, rows it added come last.
  const rows: AnnexRow[] = baseRows.filter(({ row }) => reviewed.get(row.id)?.kind !== 'deleted').map(({ row }) => reviewed.get(row.id)?.theirs ?? row);
  const inAnnex = new Set(baseRows.map(({ row }) => row.id));
  for (const row of file.rows) if (row.kind === 'added' && row.theirs && !inAnnex.has(row.rowId)) rows.push(row.theirs);

  const problems = problemsOf(annex, file, new Set(rows.map((row) => row.id)));
  const flagged = new Map<string, Set<string>>();
  for (const problem of problems) {
    if (problem.rowId === null) continue;
    const cells = flagged.get(problem.rowId) ?? new Set<string>();
    for (const cell of problem.cells) cells.add(cell);
    flagged.set(problem.rowId, cells);
  }
  const numbers = new Map(baseRows.map(({ number, row }) => [row.id, number]));
  const rowLabel = new Map(rows.map((row) => [row.id, row.title]));
  const sheet = {
    name: PROBLEMS_SHEET_NAME,
    rows: [
      ['確認事項（事務局から）'],
      [],
      ['通し番号', '取組', '項目', '内容'],
      ...problems.map((problem) => [
        problem.rowId === null ? '' : String(numbers.get(problem.rowId) ?? '追加'),
        problem.rowId === null ? problem.label : (rowLabel.get(problem.rowId) ?? ''),
        problem.rowId === null ? '' : problem.label,
        problem.message,
      ]),
    ],
  };
  const content: SendBackContent = { rows, numbers, flagged, problems: sheet };
  const bytes = await writeSectionWorkbook(annex, send, sent, content);
  return { send, fileName: sectionFileName(recipient).replace(/\.xlsx$/, '_確認.xlsx'), bytes };
}
