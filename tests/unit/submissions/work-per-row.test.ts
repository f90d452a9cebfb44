import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import type { LedgerSend, SentRow } from '../../../shared/model/ledger';
import type { FileReview, RowReview } from '../../../shared/submissions/merge-review';
import { addresseesOf, recipientsOf } from '../../../shared/submissions/recipients';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { createSendBack } from '../../../shared/submissions/send-back';
import { createSend, withSend } from '../../../shared/submissions/send';
import { editSectionWorkbook, sentWorkbook } from '../../fixtures-src/submission-fixtures';
import { countedItems } from '../support/counted-reads';

/**
 * How much work taking files in does per row, counted as reads of the rows it goes through (never timed): each pass
 * over a list reads it once, so reads beyond a few times its length mean a pass per row, which 50,000 rows cannot afford.
 */

const original = builtinAnnex();
const SENT = { by: 'section', id: 's20250401-aaaa', sentAt: '2025-04-01T00:00:00.000Z' } as const;
const HEALTH = '保健所/健康推進課';

let send: LedgerSend;
let annex: AnnexDocument;

beforeAll(async () => {
  send = await createSend(original, SENT);
  annex = withSend(original, send);
});

type Edit = Parameters<typeof editSectionWorkbook>[3];
const answer = async (key: string, edit: Edit): Promise<Uint8Array> => editSectionWorkbook(await sentWorkbook(original, send, key), original, 'city', edit);
const reviewed = async (key: string, edit: Edit): Promise<FileReview> =>
  (await reviewSubmissions(annex, [{ fileName: 'a.xlsx', bytes: await answer(key, edit) }])).files[0] as FileReview;

/** The annex with its city rows counting their reads. */
function countingCityRows(document: AnnexDocument): { annex: AnnexDocument; reads: () => number } {
  const rows = countedItems<AnnexRow>(document.tables.city.rows);
  return { annex: { ...document, tables: { ...document.tables, city: { ...document.tables.city, rows: rows.items } } }, reads: rows.reads };
}

const sentTo = (key: string): readonly SentRow[] => send.recipients.find((recipient) => recipient.key === key)?.rows ?? [];

/** How often reviewing the files reads a city row of the annex, and how many rows of each kind the review found. */
async function cityRowReads(files: readonly Uint8Array[]): Promise<{ reads: number; kinds: Map<string, number> }> {
  const counting = countingCityRows(annex);
  const review = await reviewSubmissions(counting.annex, files.map((bytes, index) => ({ fileName: `${index}.xlsx`, bytes })));
  expect(review.files.map((file) => file.status)).toEqual(files.map(() => 'ok'));
  const kinds = new Map<string, number>();
  for (const row of review.files.flatMap((file) => file.rows)) kinds.set(row.kind, (kinds.get(row.kind) ?? 0) + 1);
  return { reads: counting.reads(), kinds };
}

describe('sending an answer back', () => {
  it('gathers every choice of the file in a few passes over its rows, not one per row or cell', async () => {
    const file = await reviewed(HEALTH, (sheet) => sheet.setText('city-09', 'summary', '改めた概要です。').deleteRow('city-63'));
    const unchanged = file.rows.find((row) => row.kind === 'unchanged') as RowReview;
    // Rows of nothing to take, as a long file has: every one of them read per row would be 300 × 300 reads.
    const padding = Array.from({ length: 300 }, (_, index): RowReview => ({ ...unchanged, rowId: `padding-${index}` }));
    const rows = countedItems([...file.rows, ...padding]);
    await createSendBack(annex, { ...file, rows: rows.items }, { id: 's20251105-cccc', sentAt: '2025-11-05T00:00:00.000Z' });
    expect(rows.reads()).toBeLessThan(20 * rows.items.length);
  });
});

describe('who a row belongs to', () => {
  it('lists the addressees of a send per 課 in one pass over the table, not one per 部', () => {
    const counting = countingCityRows(annex);
    addresseesOf(counting.annex, 'section');
    expect(counting.reads()).toBeLessThanOrEqual(annex.tables.city.rows.length);
  });

  it('looks up a 部 and its 課 in the master once, not once per row', () => {
    const departments = countedItems(annex.masters.departments);
    recipientsOf({ ...annex, masters: { ...annex.masters, departments: departments.items } }, 'section');
    expect(departments.reads()).toBeLessThan(3 * departments.items.length);
  });
});

describe('taking files in', () => {
  const cityRows = (): number => annex.tables.city.rows.length;

  it('says whose the rows of another section pasted into a file are, working out the addressees once per file', async () => {
    const own = sentTo(HEALTH);
    const ownIds = new Set(own.map((sent) => sent.row.id));
    // 40 rows sent to other sections, each once (a row naming two 課 went to both).
    const others = send.recipients.filter((recipient) => recipient.table === 'city').flatMap((recipient) => recipient.rows);
    const foreign = [...new Map(others.filter((sent) => !ownIds.has(sent.row.id)).map((sent) => [sent.row.id, sent])).values()].slice(0, 40);
    const { reads, kinds } = await cityRowReads([await answer(HEALTH, (sheet) => sheet.replaceRows([...own, ...foreign]))]);
    expect(kinds.get('rejected')).toBe(40);
    expect(reads).toBeLessThan(5 * cityRows());
  });

  it('finds where added rows go once per file, not once per added row', async () => {
    const bytes = await answer(HEALTH, (sheet) => {
      for (let index = 0; index < 40; index++) sheet.addRow({ title: `新しい取組${index}`, summary: '概要です。' }, { 'v4-1': '○' });
    });
    const { reads, kinds } = await cityRowReads([bytes]);
    expect(kinds.get('added')).toBe(40);
    expect(reads).toBeLessThan(5 * cityRows());
  });

  it('indexes the annex once for all the files of an intake, not once per file', async () => {
    const files = await Promise.all(Array.from({ length: 6 }, (_, index) => answer(HEALTH, (sheet) => sheet.setText('city-09', 'summary', `改めた概要${index}です。`))));
    expect((await cityRowReads(files)).reads).toBeLessThan(3 * cityRows());
  });
});
