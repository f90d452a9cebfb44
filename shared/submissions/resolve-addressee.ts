import type { AnnexDocument } from '../model/annex-document';
import { EMPTY_LEDGER, type LedgerSend, type SendUnit, type SentRow } from '../model/ledger';
import type { Fingerprint } from './fingerprint';
import { japaneseDate } from './instructions';
import type { FileReview } from './merge-review';
import type { SubmittedRow } from './read-submission';
import { addresseeLabel, addresseesOf, ownsRow, rowsOwnedBy, sectionsOf, type Addressee } from './recipients';
import { latestSend } from './send';

/**
 * Whose file it is and what it is compared with. A fingerprinted workbook names its send and addressee, and is
 * compared with the rows that send recorded, even when a newer send went out since. A plain copy is the addressee's
 * whose rows it holds most of, compared with the latest send to it, or with the annex when none is on record.
 */

export interface Resolved {
  readonly recipient: Addressee;
  /** How the addressee's rows were chosen: by 課 or by 部. */
  readonly by: SendUnit;
  readonly send: LedgerSend | undefined;
  readonly baseRows: readonly SentRow[];
  readonly base: 'sent' | 'annex';
  readonly matchMethod: NonNullable<FileReview['matchMethod']>;
  readonly olderSend: boolean;
  readonly problems: readonly string[];
}

export type Resolution = { readonly ok: true; readonly value: Resolved } | { readonly ok: false; readonly problems: readonly string[] };

/** The latest send to the addressee as the base, else the annex's rows of the addressee as they are now. */
function baseFor(annex: AnnexDocument, addressee: Addressee, by: SendUnit): Pick<Resolved, 'send' | 'baseRows' | 'base'> {
  const send = latestSend(annex, addressee.key);
  const sent = send?.recipients.find((recipient) => recipient.key === addressee.key);
  if (send && sent) return { send, baseRows: sent.rows, base: 'sent' };
  // The addressee as the master lists it, its rows as they are now: one pass over its table, not one per addressee.
  const listed = addresseesOf(annex, by).find((candidate) => candidate.key === addressee.key);
  const now = listed ? rowsOwnedBy(annex, listed, by) : [];
  return { send: undefined, baseRows: now, base: 'annex' };
}

function fromFingerprint(annex: AnnexDocument, fingerprint: Fingerprint, fileName: string): Resolution {
  const send = (annex.ledger ?? EMPTY_LEDGER).sends.find((candidate) => candidate.id === fingerprint.sendId);
  const label = addresseeLabel(fingerprint);
  if (!send) {
    // A workbook of a send this annex has no record of (written without recording, or from another copy of the annex).
    const addressee: Addressee = { key: fingerprint.key, department: fingerprint.department, section: fingerprint.section, table: fingerprint.table };
    const { by } = fingerprint;
    const known = addresseesOf(annex, by).some((candidate) => candidate.key === addressee.key);
    if (!known) return { ok: false, problems: [`${fileName}: 宛先「${label}」は部・課マスタにありません`] };
    const base = baseFor(annex, addressee, by);
    const problems = [`${fileName}: 送付ID「${fingerprint.sendId}」の送付記録がこの取組事業一覧にありません。${base.send ? `${japaneseDate(base.send.sentAt)}の送付` : '今の取組事業一覧'}と比べます`];
    return { ok: true, value: { recipient: addressee, by, ...base, matchMethod: 'fingerprint', olderSend: false, problems } };
  }
  const recipient = send.recipients.find((candidate) => candidate.key === fingerprint.key);
  if (!recipient) return { ok: false, problems: [`${fileName}: ${japaneseDate(send.sentAt)}の送付に宛先「${label}」はありません`] };
  const problems: string[] = [];
  if (recipient.rowsHash !== fingerprint.rowsHash) {
    problems.push(`${fileName}: 送付したときの行の記録とファイルの指紋が一致しません。送付記録の行と比べます`);
  }
  const latest = latestSend(annex, recipient.key);
  const olderSend = latest !== undefined && latest.id !== send.id;
  if (olderSend && latest) {
    problems.push(`${fileName}: ${japaneseDate(send.sentAt)}の送付のファイルです。${japaneseDate(latest.sentAt)}に新しい送付があります。このファイルは送付したときの行と比べます`);
  }
  return { ok: true, value: { recipient, by: send.by, send, baseRows: recipient.rows, base: 'sent', matchMethod: 'fingerprint', olderSend, problems } };
}

/**
 * How many of `rows` each addressee owns, in one pass over the rows: each row goes only to the addressees it could be
 * owned by (those of a 課 it names, of a 部 it names or, per 部, whose 課 it names, the council's), and each of those
 * says whether it owns it.
 */
function rowsOwned(annex: AnnexDocument, by: SendUnit, addressees: readonly Addressee[], rows: readonly SubmittedRow[]): number[] {
  const bySection = new Map<string, number[]>();
  const byDepartment = new Map<string, number[]>();
  const council: number[] = [];
  const add = (index: Map<string, number[]>, name: string, position: number): void => {
    const list = index.get(name);
    if (!list) index.set(name, [position]);
    else if (list[list.length - 1] !== position) list.push(position);
  };
  addressees.forEach((addressee, position) => {
    if (addressee.table === 'council') council.push(position);
    else if (addressee.section) add(bySection, addressee.section, position);
    else {
      add(byDepartment, addressee.department, position);
      const own = sectionsOf(annex.masters, addressee.department);
      for (const section of own) add(bySection, section, position);
    }
  });
  const counts = addressees.map(() => 0);
  const candidates = new Set<number>();
  for (const file of rows) {
    const { row, table } = file;
    candidates.clear();
    if (table === 'council') for (const position of council) candidates.add(position);
    else {
      for (const section of row.sections) for (const position of bySection.get(section) ?? []) candidates.add(position);
      for (const department of row.departments) for (const position of byDepartment.get(department) ?? []) candidates.add(position);
    }
    for (const position of candidates) {
      const addressee = addressees[position];
      if (addressee && ownsRow(addressee, by, row, annex.masters, table)) counts[position] = (counts[position] ?? 0) + 1;
    }
  }
  return counts;
}

/** The addressee owning most of a plain copy's rows, among those of the latest send (or, with none, per 課). */
function fromRows(annex: AnnexDocument, rows: readonly SubmittedRow[], fileName: string): Resolution {
  const by: SendUnit = latestSend(annex)?.by ?? 'section';
  const addressees = addresseesOf(annex, by);
  const counts = rowsOwned(annex, by, addressees, rows);
  let best: { addressee: Addressee; count: number } | undefined;
  addressees.forEach((addressee, index) => {
    const count = counts[index] ?? 0;
    if (count > 0 && (!best || count > best.count)) best = { addressee, count };
  });
  if (!best) {
    const names = [...new Set(rows.flatMap((file) => file.row.sections.length > 0 ? file.row.sections : file.row.departments))];
    const said = names.length > 0 ? `（課: ${names.join('・')}）` : '';
    return { ok: false, problems: [`${fileName}: どの課の行か分かりません${said}。部・課マスタにある課の行ではありません`] };
  }
  const base = baseFor(annex, best.addressee, by);
  const problems = base.send ? [] : [`${fileName}: 「${addresseeLabel(best.addressee)}」への送付記録がありません。今の取組事業一覧と比べます`];
  return { ok: true, value: { recipient: best.addressee, by, ...base, matchMethod: 'plain-copy', olderSend: false, problems } };
}

export function resolveAddressee(annex: AnnexDocument, fingerprint: Fingerprint | undefined, rows: readonly SubmittedRow[], fileName: string): Resolution {
  return fingerprint ? fromFingerprint(annex, fingerprint, fileName) : fromRows(annex, rows, fileName);
}
