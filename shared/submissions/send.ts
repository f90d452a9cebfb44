import type { AnnexDocument } from '../model/annex-document';
import { EMPTY_LEDGER, type LedgerRecipient, type LedgerSend, type SendUnit } from '../model/ledger';
import { rowsHash } from './hash';
import { recipientsOf } from './recipients';

/** A send's id: the day it went out and a random tail, readable in file lists and the 構造 sheet. */
export function newSendId(sentAt: Date): string {
  const day = sentAt.toISOString().slice(0, 10).replaceAll('-', '');
  return `s${day}-${globalThis.crypto.randomUUID().slice(0, 8)}`;
}

export interface SendOptions {
  readonly by: SendUnit;
  readonly id: string;
  /** ISO 8601. */
  readonly sentAt: string;
}

/** The record of a send: every addressee with the rows it gets, as they are now, and their hash. */
export async function createSend(document: AnnexDocument, options: SendOptions): Promise<LedgerSend> {
  const recipients = await Promise.all(
    recipientsOf(document, options.by).map(async (recipient): Promise<LedgerRecipient> => ({ ...recipient, rowsHash: await rowsHash(recipient.rows) })),
  );
  return { id: options.id, sentAt: options.sentAt, by: options.by, recipients };
}

/** The document with the send in its ledger: the base every returned file of the send is compared with. */
export function withSend(document: AnnexDocument, send: LedgerSend): AnnexDocument {
  const ledger = document.ledger ?? EMPTY_LEDGER;
  return { ...document, ledger: { ...ledger, sends: [...ledger.sends, send] } };
}

/** The latest send, or the latest that went to the addressee with this key; of two at the same time, the later recorded. */
export function latestSend(document: AnnexDocument, key?: string): LedgerSend | undefined {
  const sends = (document.ledger ?? EMPTY_LEDGER).sends.filter((send) => key === undefined || send.recipients.some((recipient) => recipient.key === key));
  return sends.reduce<LedgerSend | undefined>((latest, send) => (!latest || send.sentAt >= latest.sentAt ? send : latest), undefined);
}
