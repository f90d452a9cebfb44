import type { AnnexRow, TableKind } from './annex-document';

/**
 * The ledger of the yearly collection: which rows were sent to which 課 (or 部, or the council) and when, and
 * what came back from which file. The rows as sent are kept here, so a returned file always has its base for
 * the three-way comparison, however far the annex has moved since.
 */

/** Workbooks go out one per 課, or one per 部. */
export type SendUnit = 'section' | 'department';

/** How the 構造 sheet, a workbook's fingerprint and the command line name a send's unit. */
export const SEND_UNIT_LABELS: Record<SendUnit, string> = { section: '課ごと', department: '部ごと' };

/** A row as it was sent, with the 通し番号 it had in the annex then. */
export interface SentRow {
  readonly number: number;
  readonly row: AnnexRow;
}

/** One workbook of a send: a 課, a 部 (its rows that name none of its 課, or all its rows), or the council's table. */
export interface LedgerRecipient {
  /** 部/課, 部, or 社会福祉協議会: unique within a send, and the same in every send for the same recipient. */
  readonly key: string;
  /** Empty for the council. */
  readonly department: string;
  /** Empty for a whole 部 and for the council. */
  readonly section: string;
  readonly table: TableKind;
  /** SHA-256 of the sent rows, also written in the workbook: a file and this record belong together when they agree. */
  readonly rowsHash: string;
  readonly rows: readonly SentRow[];
}

export interface LedgerSend {
  readonly id: string;
  /** ISO 8601. */
  readonly sentAt: string;
  readonly by: SendUnit;
  readonly recipients: readonly LedgerRecipient[];
}

export type AppliedKind = 'changed' | 'added' | 'deleted';

/** What one returned file changed in the annex: a row, and for a changed row the cells taken (title, mark:v1-1, …). */
export interface AppliedChange {
  readonly table: TableKind;
  readonly rowId: string;
  readonly kind: AppliedKind;
  readonly fields: readonly string[];
}

/** A returned file taken into the annex. Its hash makes a second intake of the same file change nothing. */
export interface LedgerReceipt {
  readonly fileName: string;
  readonly fileHash: string;
  /** ISO 8601. */
  readonly receivedAt: string;
  /** Empty for a plain copy of the annex layout that names no send. */
  readonly sendId: string;
  readonly recipient: string;
  readonly applied: readonly AppliedChange[];
}

export interface Ledger {
  readonly sends: readonly LedgerSend[];
  readonly receipts: readonly LedgerReceipt[];
}

export const EMPTY_LEDGER: Ledger = { sends: [], receipts: [] };

export const isEmptyLedger = (ledger: Ledger | undefined): boolean => !ledger || (ledger.sends.length === 0 && ledger.receipts.length === 0);
