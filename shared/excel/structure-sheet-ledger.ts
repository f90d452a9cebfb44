import type { AnnexRow, TableKind } from '../model/annex-document';
import { SEND_UNIT_LABELS as UNIT_LABELS, type AppliedKind, type Ledger } from '../model/ledger';
import { TABLE_LABELS } from '../model/table-names';

/**
 * The ledger as three blocks of the 構造 sheet, written only when the ledger holds something: the sends (one line
 * per recipient), the rows as sent, and the receipts (one line per row a file changed). Lists join with a line
 * break (部, 課) or a space (mark ids, fields), as ids hold no spaces.
 */

type Cell = string | number;

export const SEND_HEADER = ['送付ID', '送付日', '単位', '宛先', '部', '課', '表', '行のハッシュ'] as const;
export const SENT_ROW_HEADER = ['送付ID', '宛先', '通し番号', '行ID', '部', '課', '主な取組', '取組概要', '○の列'] as const;
export const RECEIPT_HEADER = ['ファイル名', 'ファイルのハッシュ', '取り込み日', '送付ID', '宛先', '表', '行ID', '変更', '項目'] as const;

const KIND_LABELS: Record<AppliedKind, string> = { changed: '変更', added: '追加', deleted: '削除' };

const labelOf = <K extends string>(labels: Record<K, string>, text: string): K | undefined =>
  (Object.keys(labels) as K[]).find((key) => labels[key] === text);

export function ledgerRows(ledger: Ledger): Cell[][] {
  const rows: Cell[][] = [[], [...SEND_HEADER]];
  for (const send of ledger.sends) {
    if (send.recipients.length === 0) rows.push([send.id, send.sentAt, UNIT_LABELS[send.by], '', '', '', '', '']);
    for (const to of send.recipients) {
      rows.push([send.id, send.sentAt, UNIT_LABELS[send.by], to.key, to.department, to.section, TABLE_LABELS[to.table], to.rowsHash]);
    }
  }
  rows.push([], [...SENT_ROW_HEADER]);
  for (const send of ledger.sends) {
    for (const to of send.recipients) {
      for (const { number, row } of to.rows) {
        rows.push([send.id, to.key, number, row.id, row.departments.join('\n'), row.sections.join('\n'), row.title, row.summary, row.marks.join(' ')]);
      }
    }
  }
  rows.push([], [...RECEIPT_HEADER]);
  for (const receipt of ledger.receipts) {
    const head = [receipt.fileName, receipt.fileHash, receipt.receivedAt, receipt.sendId, receipt.recipient];
    if (receipt.applied.length === 0) rows.push([...head, '', '', '', '']);
    for (const change of receipt.applied) {
      rows.push([...head, TABLE_LABELS[change.table], change.rowId, KIND_LABELS[change.kind], change.fields.join(' ')]);
    }
  }
  return rows;
}

export type LedgerBlock = 'sends' | 'sentRows' | 'receipts';

/** The block a header row starts, if it is one of the ledger's. */
export function ledgerBlockOf(cells: readonly string[]): LedgerBlock | undefined {
  const is = (header: readonly string[]): boolean => header.every((heading, column) => cells[column] === heading);
  if (is(SEND_HEADER)) return 'sends';
  if (is(SENT_ROW_HEADER)) return 'sentRows';
  if (is(RECEIPT_HEADER)) return 'receipts';
  return undefined;
}

const list = (cell: string, separator: string | RegExp): string[] => (cell === '' ? [] : cell.split(separator));

/**
 * Collects the ledger's lines as they are read, and builds the ledger at the end. What it cannot place (a table or
 * kind it does not know) is left as written for the schema to refuse with its path.
 */
export class LedgerCollector {
  private readonly sends = new Map<string, { id: string; sentAt: string; by: string; recipients: Map<string, { fields: string[]; rows: unknown[] }> }>();
  private readonly receipts: { head: string[]; applied: unknown[] }[] = [];
  private seen = false;

  /** One line of a ledger block; `problem` names a cell of the line that cannot be placed. */
  add(block: LedgerBlock, cells: readonly string[], problem: (column: number, message: string) => void): void {
    this.seen = true;
    const at = (column: number): string => cells[column] ?? '';
    if (block === 'sends') {
      const send = this.sends.get(at(0)) ?? { id: at(0), sentAt: at(1), by: labelOf(UNIT_LABELS, at(2)) ?? at(2), recipients: new Map() };
      this.sends.set(send.id, send);
      if (at(3) !== '') send.recipients.set(at(3), { fields: [at(3), at(4), at(5), at(6), at(7)], rows: [] });
    } else if (block === 'sentRows') {
      const row: AnnexRow = { id: at(3), departments: list(at(4), '\n'), sections: list(at(5), '\n'), title: at(6), summary: at(7), marks: list(at(8), ' ') };
      const to = this.sends.get(at(0))?.recipients.get(at(1));
      if (to) to.rows.push({ number: Number(at(2)), row });
      else problem(1, `送付ID「${at(0)}」の宛先「${at(1)}」は送付記録にありません`);
    } else {
      const head = cells.slice(0, 5).map(String);
      while (head.length < 5) head.push('');
      const last = this.receipts[this.receipts.length - 1];
      const receipt = last && last.head.every((cell, index) => cell === head[index]) ? last : { head, applied: [] };
      if (receipt !== last) this.receipts.push(receipt);
      if (at(6) !== '') {
        receipt.applied.push({ table: tableOf(at(5)), rowId: at(6), kind: labelOf(KIND_LABELS, at(7)) ?? at(7), fields: list(at(8), ' ') });
      }
    }
  }

  /** The ledger as read, unchecked (the schema judges it), or undefined when the sheet has none. */
  result(): unknown {
    if (!this.seen) return undefined;
    const sends = [...this.sends.values()].map((send) => ({
      id: send.id,
      sentAt: send.sentAt,
      by: send.by,
      recipients: [...send.recipients.values()].map(({ fields: [key, department, section, table, rowsHash], rows }) => ({
        key,
        department,
        section,
        table: tableOf(table ?? ''),
        rowsHash,
        rows,
      })),
    }));
    const receipts = this.receipts.map(({ head: [fileName, fileHash, receivedAt, sendId, recipient], applied }) => ({
      fileName,
      fileHash,
      receivedAt,
      sendId,
      recipient,
      applied,
    }));
    return { sends, receipts };
  }
}

const tableOf = (label: string): TableKind | string => labelOf(TABLE_LABELS, label) ?? label;
