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
import { selectAll } from './selection';
import { fieldLabel } from './three-way';

/**
 * A section's answer sent back to it: its rows as it returned them, the cells with problems in the highlight colour
 * and each problem explained on a sheet of its own. It goes out as a send of its own, based on the annex as it is
 * now, so that the corrected file comes back compared with what the annex holds then; an earlier file of the same
 * section then counts as an older send.
 */

export const PROBLEMS_SHEET_NAME = '確認事項';

function shownValue(value: CellValue | null): string {
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

/** One line of the problems sheet; on a shown row, the cells it fills in the highlight colour. */
interface Problem {
  /** The shown row it sits on; null for the file as a whole, a row not taken or a row dropped. */
  readonly rowId: string | null;
  readonly cells: readonly string[];
  /** 通し番号 in the annex, 追加 for a new row, empty for the file as a whole. */
  readonly number: string;
  readonly title: string;
  readonly label: string;
  readonly message: string;
}

/** The file's problems first, then each row's in the order the rows are shown, a dropped or refused row's after. */
function problemsOf(annex: AnnexDocument, file: FileReview, shown: readonly AnnexRow[], numbers: ReadonlyMap<string, number>): Problem[] {
  const markIds = markColumns(annex.plan).map((column) => column.id);
  const order = new Map(shown.map((row, index) => [row.id, index]));
  const numberOf = (rowId: string): string => String(numbers.get(rowId) ?? '追加');
  const general = file.problems.map((message): Problem => ({ rowId: null, cells: [], number: '', title: '', label: '', message: message.replace(`${file.fileName}: `, '') }));
  const onRows: Problem[] = [];
  const elsewhere: Problem[] = [];
  for (const row of file.rows) {
    const title = row.theirs?.title ?? row.base?.title ?? '';
    if (!order.has(row.rowId)) {
      const number = row.kind === 'rejected' ? '' : String(row.numbers.now ?? row.numbers.sent ?? '');
      for (const message of row.problems) elsewhere.push({ rowId: null, cells: [], number, title, label: '', message });
      continue;
    }
    const at = { rowId: row.rowId, number: numberOf(row.rowId), title };
    for (const cell of row.cells.filter((candidate) => candidate.state === 'conflict')) {
      const key = cell.field.startsWith('mark:') ? cell.field.slice('mark:'.length) : cell.field;
      const message = `事務局の取組事業一覧では「${shownValue(cell.ours)}」になっています（送付したときは「${shownValue(cell.base)}」）。どちらにするか確かめてください`;
      onRows.push({ ...at, cells: [key], label: fieldLabel(annex.plan, cell.field), message });
    }
    for (const message of row.problems) onRows.push({ ...at, cells: [], label: '', message });
  }
  // The section's version of its rows (every choice taken, conflicts and dropped rows too), validated where it stands.
  const answer = applyCommand(annex, buildMergeCommand({ files: [file] }, selectAll(file), { receivedAt: '' }));
  const titles = new Map(shown.map((row) => [row.id, row.title]));
  for (const issue of validateDocument(answer).filter((candidate) => order.has(candidate.rowId))) {
    const field = issue.column.kind === 'field' ? issue.column.field : issue.column.kind === 'mark' ? (`mark:${issue.column.markId}` as const) : undefined;
    onRows.push({
      rowId: issue.rowId,
      cells: issueCells(issue, markIds),
      number: numberOf(issue.rowId),
      title: titles.get(issue.rowId) ?? '',
      label: field ? fieldLabel(annex.plan, field) : '',
      message: issue.message,
    });
  }
  const sorted = onRows
    .map((problem, position) => ({ problem, position }))
    .sort((a, b) => (order.get(a.problem.rowId ?? '') ?? 0) - (order.get(b.problem.rowId ?? '') ?? 0) || a.position - b.position)
    .map(({ problem }) => problem);
  return [...general, ...sorted, ...elsewhere];
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

  const numbers = new Map(baseRows.map(({ number, row }) => [row.id, number]));
  const problems = problemsOf(annex, file, rows, numbers);
  const flagged = new Map<string, Set<string>>();
  for (const problem of problems) {
    if (problem.rowId === null) continue;
    const cells = flagged.get(problem.rowId) ?? new Set<string>();
    for (const cell of problem.cells) cells.add(cell);
    flagged.set(problem.rowId, cells);
  }
  const sheet = {
    name: PROBLEMS_SHEET_NAME,
    rows: [['確認事項（事務局から）'], [], ['通し番号', '取組', '項目', '内容'], ...problems.map((problem) => [problem.number, problem.title, problem.label, problem.message])],
  };
  const content: SendBackContent = { rows, numbers, flagged, problems: sheet };
  const bytes = await writeSectionWorkbook(annex, send, sent, content);
  return { send, fileName: sectionFileName(recipient).replace(/\.xlsx$/, '_確認.xlsx'), bytes };
}
