import type { TableKind } from '../model/annex-document';
import type { LedgerReceipt } from '../model/ledger';
import type { CellDiff, CellField, CellValue, FileReview, FileStatus, MergeReview, RowReview } from './merge-review';

/**
 * The review as `annex merge --report` writes it: per file its section, the rows matched and how, the changes it
 * proposes, the rows it adds and drops, the conflicts, the rows not taken and the problems. Plain JSON, stable keys.
 */

export interface ReportCell {
  readonly row: string;
  readonly number: number | null;
  readonly field: CellField;
  readonly base: CellValue;
  readonly theirs: CellValue;
  readonly ours: CellValue | null;
}

export interface FileReport {
  readonly file: string;
  readonly status: FileStatus;
  /** The addressee's key (部/課, 部, 社会福祉協議会), or null when none is known. */
  readonly section: string | null;
  readonly table: TableKind | null;
  readonly sendId: string | null;
  readonly olderSend: boolean;
  readonly matchMethod: FileReview['matchMethod'];
  readonly base: FileReview['base'];
  readonly matched: readonly { readonly row: string; readonly number: number | null; readonly match: string; readonly kind: RowReview['kind'] }[];
  readonly changes: readonly ReportCell[];
  readonly added: readonly { readonly row: string; readonly after: string | null; readonly title: string }[];
  readonly deleted: readonly { readonly row: string; readonly number: number | null; readonly title: string }[];
  readonly conflicts: readonly ReportCell[];
  readonly rejected: readonly { readonly row: string; readonly title: string; readonly reason: string }[];
  /** The file's problems, then each row's, prefixed with the row. */
  readonly problems: readonly string[];
}

export interface MergeReport {
  readonly files: readonly FileReport[];
  /** With --apply: what was taken from which file, as the ledger records it. */
  readonly applied?: readonly LedgerReceipt[];
}

const reportCell = (row: RowReview, cell: CellDiff): ReportCell => ({
  row: row.rowId,
  number: row.numbers.now ?? row.numbers.sent,
  field: cell.field,
  base: cell.base,
  theirs: cell.theirs,
  ours: cell.ours,
});

/** 通し番号 63, or for a new row its title: how the problems name a row. */
function rowName(row: RowReview): string {
  const number = row.numbers.now ?? row.numbers.sent;
  return number === null ? `追加の行「${row.theirs?.title ?? ''}」` : `通し番号 ${number}`;
}

function fileReport(file: FileReview): FileReport {
  const rows = file.rows;
  const cells = (state: CellDiff['state']): ReportCell[] =>
    rows.flatMap((row) => (row.kind === 'changed' ? row.cells.filter((cell) => cell.state === state).map((cell) => reportCell(row, cell)) : []));
  return {
    file: file.fileName,
    status: file.status,
    section: file.recipient?.key ?? null,
    table: file.recipient?.table ?? null,
    sendId: file.sendId,
    olderSend: file.olderSend,
    matchMethod: file.matchMethod,
    base: file.base,
    matched: rows.filter((row) => row.base !== null && row.match !== 'missing').map((row) => ({ row: row.rowId, number: row.numbers.sent, match: row.match, kind: row.kind })),
    changes: cells('proposed'),
    added: rows.filter((row) => row.kind === 'added').map((row) => ({ row: row.rowId, after: row.insertAfter, title: row.theirs?.title ?? '' })),
    deleted: rows.filter((row) => row.kind === 'deleted').map((row) => ({ row: row.rowId, number: row.numbers.sent, title: row.base?.title ?? '' })),
    conflicts: cells('conflict'),
    rejected: rows.filter((row) => row.kind === 'rejected').map((row) => ({ row: row.rowId, title: row.theirs?.title ?? '', reason: row.problems.join(' ') })),
    problems: [
      ...file.problems,
      ...rows.filter((row) => row.kind !== 'rejected').flatMap((row) => row.problems.map((problem) => `${file.fileName} ${rowName(row)}: ${problem}`)),
    ],
  };
}

export function mergeReport(review: MergeReview, applied?: readonly LedgerReceipt[]): MergeReport {
  return { files: review.files.map(fileReport), ...(applied ? { applied } : {}) };
}
