import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { keyCount, numberingRound, sameKey } from '../../../shared/validation/rules/duplicate-keys';
import { laterCopies } from '../../../shared/validation/rules/key-places';
import { duplicateRow } from '../../../shared/validation/rules/duplicates';
import { collectGarbage } from '../support/collect-garbage';
import { defaultRow, makeDocument } from '../support/document-builder';

const row = (id: string, title: string, summary: string): AnnexRow => ({ ...defaultRow('city', 0), id, title, summary });
/** `count` rows whose titles and summaries no other prefix shares. */
const rowsOf = (prefix: string, count: number): AnnexRow[] =>
  Array.from({ length: count }, (_, index) => row(`${prefix}${index}`, `${prefix}事業${index}`, `${prefix}概要${index}。`));

describe('duplicate keys', () => {
  it('compares rows whose keys meet by their text, spacing and width aside', () => {
    const first = row('a', 'ＮＰＯサロン事業', '地域のサロン活動を支援します。');
    const spaced = row('b', 'NPO サロン事業', '地域の　サロン活動を 支援します。');
    const otherSummary = row('c', 'NPOサロン事業', '地域の居場所を支援します。');
    expect(sameKey('whole', first, spaced)).toBe(true);
    expect(sameKey('title', first, otherSummary)).toBe(true);
    expect(sameKey('whole', first, otherSummary)).toBe(false);
    expect(sameKey('title', first, row('d', 'サロン事業', first.summary))).toBe(false);
  });

  it('starts its numbering over instead of keeping every text it has seen, and still finds copies after', () => {
    const document = makeDocument({ city: [{}] });
    const table = (round: number, rows: number): typeof document.tables.city => ({ ...document.tables.city, rows: rowsOf(`r${round}-`, rows) });
    const rows = 5_000;
    let most = 0;
    // 40 tables of 5,000 rows of texts never seen again: 400,000 keys in all.
    for (let round = 0; round < 40; round++) {
      laterCopies(table(round, rows).rows, 'whole');
      most = Math.max(most, keyCount());
    }
    expect(most).toBeLessThanOrEqual(8 * rows + 100_000 + 2 * rows);
    const withCopy = table(99, 10);
    const copied = { ...withCopy, rows: [...withCopy.rows, { ...(withCopy.rows[3] as AnnexRow), id: 'copy' }] };
    expect(duplicateRow.check(copied, { plan: document.plan, masters: document.masters } as never)).toEqual([
      expect.objectContaining({ rowId: 'copy', message: expect.stringContaining('通し番号 4') }),
    ]);
  });

  it('keeps a large table numbered while a small one is checked after it', () => {
    // 60,000 rows make 120,000 keys: more than a limit reckoned from the 11-row table alone would allow.
    const city = rowsOf('市', 60_000);
    const council = rowsOf('協', 11);
    laterCopies(city, 'whole');
    const round = numberingRound();
    for (let check = 0; check < 3; check++) {
      laterCopies(council, 'whole');
      laterCopies(city, 'whole');
    }
    expect(numberingRound(), 'the numbering started over').toBe(round);
  });

  it('keeps no closed table’s rows alive once the next document’s tables are checked', async () => {
    let closed: AnnexRow[] | undefined = rowsOf('閉', 2_000);
    const closedRef = new WeakRef(closed);
    expect(laterCopies([...closed, { ...(closed[5] as AnnexRow), id: 'copy' }], 'whole').get('copy')).toBe(6);
    laterCopies(closed, 'whole');
    closed = undefined;
    // The next document: its city and council tables.
    const opened = [rowsOf('開', 30), rowsOf('議', 11)];
    for (const rows of opened) laterCopies(rows, 'whole');
    await collectGarbage();
    expect(closedRef.deref(), 'the closed table’s rows are still held').toBeUndefined();
    expect(opened.map((rows) => laterCopies(rows, 'whole').size)).toEqual([0, 0]);
  });
});
