import type { TableKind } from '../model/annex-document';
import { SEND_UNIT_LABELS as UNITS, type LedgerRecipient, type LedgerSend, type SendUnit } from '../model/ledger';
import { TABLE_LABELS } from '../model/table-names';
import type { Addressee } from './recipients';

/**
 * The hidden sheet of a section's workbook that says which send and which addressee it belongs to, and the hash of
 * the rows it was sent with. Plain text rows: it survives Excel, LibreOffice and a re-save as .xls alike.
 */

export const FINGERPRINT_SHEET_NAME = '提出情報';
const TITLE = '提出情報（このシートは編集しないでください）';
const FORMAT = '取組事業一覧 提出用ブック 1';

const KEYS = {
  format: '形式',
  sendId: '送付ID',
  sentAt: '送付日',
  unit: '単位',
  key: '宛先',
  department: '部',
  section: '課',
  table: '表',
  rowsHash: '行のハッシュ',
} as const;

export interface Fingerprint extends Addressee {
  readonly sendId: string;
  readonly sentAt: string;
  /** Whether the send went per 課 or per 部: which rows a 部 answers for depends on it. */
  readonly by: SendUnit;
  readonly rowsHash: string;
}

export function fingerprintRows(send: LedgerSend, recipient: LedgerRecipient): string[][] {
  return [
    [TITLE],
    ['項目', '値'],
    [KEYS.format, FORMAT],
    [KEYS.sendId, send.id],
    [KEYS.sentAt, send.sentAt],
    [KEYS.unit, UNITS[send.by]],
    [KEYS.key, recipient.key],
    [KEYS.department, recipient.department],
    [KEYS.section, recipient.section],
    [KEYS.table, TABLE_LABELS[recipient.table]],
    [KEYS.rowsHash, recipient.rowsHash],
  ];
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The fingerprint a sheet holds, or undefined when it holds none this app wrote. */
export function readFingerprint(rows: readonly (readonly unknown[])[]): Fingerprint | undefined {
  const values = new Map<string, string>();
  for (const [key, value] of rows) if (!values.has(text(key))) values.set(text(key), text(value));
  const table = (Object.keys(TABLE_LABELS) as TableKind[]).find((kind) => TABLE_LABELS[kind] === values.get(KEYS.table));
  const by = (Object.keys(UNITS) as SendUnit[]).find((unit) => UNITS[unit] === values.get(KEYS.unit));
  const get = (key: string): string => values.get(key) ?? '';
  if (get(KEYS.format) !== FORMAT || !table || !by || get(KEYS.sendId) === '' || get(KEYS.key) === '') return undefined;
  return {
    sendId: get(KEYS.sendId),
    sentAt: get(KEYS.sentAt),
    by,
    key: get(KEYS.key),
    department: get(KEYS.department),
    section: get(KEYS.section),
    table,
    rowsHash: get(KEYS.rowsHash),
  };
}
