import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import type { SentRow } from '../../../shared/model/ledger';
import { matchRows, NUMBER_TITLE_MIN, TITLE_MIN, type MatchedRow, type RowMatch } from '../../../shared/submissions/match-rows';
import type { SubmittedRow } from '../../../shared/submissions/read-submission';
import { titleSimilarity } from '../../../shared/submissions/similarity';
import { countedItems, countedProperty } from '../support/counted-reads';
import { defaultRow } from '../support/document-builder';
import { mulberry32 } from '../support/seeded-random';

/** Matching a plain copy's rows (no ids) with the rows sent: how much work it does, and that it matches as it always has. */

const CHARS = [...'地域見守支援事業子育教室健康'];

/** A title of `length` characters drawn from a few, so that many titles share bigrams and many pairs score alike. */
const titleOf = (random: () => number, length: number): string => Array.from({ length }, () => CHARS[Math.floor(random() * CHARS.length)] as string).join('');

const sentRows = (titles: readonly string[]): SentRow[] => titles.map((title, index) => ({ number: index + 1, row: { ...defaultRow('city', index), title } }));

const fileRow = (row: AnnexRow, index: number, number: number | undefined, idInFile = false): SubmittedRow => ({
  table: 'city',
  row,
  source: { number, idInFile, sheet: '旭川市', row: index + 10 },
});

/** Rows whose titles count how often they are read. */
function countingTitles<T extends { readonly row: AnnexRow }>(items: readonly T[]): { items: T[]; reads: () => number } {
  let reads = 0;
  const counting = items.map((item) => ({ ...item, row: countedProperty(item.row, 'title', () => (reads += 1)) }));
  return { items: counting, reads: () => reads };
}

/** The matching as first written, every file row scored against every open sent row: what the faster one must equal. */
function matchedByEveryPair(fileRows: readonly SubmittedRow[], baseRows: readonly SentRow[]): MatchedRow[] {
  const byId = new Map(baseRows.map((sent) => [sent.row.id, sent]));
  const taken = new Set<SentRow>();
  const found = new Map<SubmittedRow, { base: SentRow; match: RowMatch }>();
  const take = (file: SubmittedRow, base: SentRow, match: RowMatch): void => void (taken.add(base), found.set(file, { base, match }));
  for (const file of fileRows) {
    const base = file.source.idInFile ? byId.get(file.row.id) : undefined;
    if (base && !taken.has(base)) take(file, base, { method: 'id' });
  }
  const open = fileRows.filter((file) => !found.has(file) && !file.source.idInFile);
  for (const file of open) {
    const base = baseRows.find((sent) => !taken.has(sent) && sent.number === file.source.number);
    const score = base ? titleSimilarity(base.row.title, file.row.title) : 0;
    if (base && score >= NUMBER_TITLE_MIN) take(file, base, { method: 'number+title', score });
  }
  const pairs = open
    .filter((file) => !found.has(file))
    .flatMap((file) => baseRows.filter((sent) => !taken.has(sent)).map((base) => ({ file, base, score: titleSimilarity(base.row.title, file.row.title) })))
    .filter((pair) => pair.score >= TITLE_MIN)
    .sort((a, b) => b.score - a.score);
  for (const { file, base, score } of pairs) if (!found.has(file) && !taken.has(base)) take(file, base, { method: 'title-similarity', score });
  return fileRows.map((file) => ({ file, base: found.get(file)?.base, match: found.get(file)?.match ?? { method: 'new' } }));
}

describe('matching rows without ids', () => {
  it('reads each title once or twice, not once per pair of rows', () => {
    const random = mulberry32(7);
    const base = countingTitles(sentRows(Array.from({ length: 300 }, () => titleOf(random, 12))));
    const file = countingTitles(base.items.map(({ row }, index) => fileRow({ ...row, title: `${row.title}等` }, index, undefined)));
    const { matched } = matchRows(file.items, base.items);
    expect(matched.filter((hit) => hit.base).length).toBeGreaterThan(250);
    expect(base.reads() + file.reads()).toBeLessThan(3 * 600);
  });

  it('finds a row by its 通し番号 without searching the sent rows for each', () => {
    const sent = sentRows(Array.from({ length: 300 }, (_, index) => `地域見守り事業${index}`));
    const base = countedItems(sent);
    const file = [...sent].reverse().map(({ number, row }, index) => fileRow(row, index, number));
    const { matched } = matchRows(file, base.items);
    expect(matched.every((hit) => hit.match.method === 'number+title' && hit.base?.number === hit.file.source.number)).toBe(true);
    expect(base.reads()).toBeLessThan(10 * sent.length);
  });

  it('matches as scoring every pair does: the same rows, scores and ties, seed after seed', () => {
    const methods = new Map<string, number>();
    for (let seed = 1; seed <= 40; seed++) {
      const random = mulberry32(seed);
      const base = sentRows(Array.from({ length: 30 }, () => titleOf(random, 1 + Math.floor(random() * 7))));
      const file = Array.from({ length: 36 }, (_, index): SubmittedRow => {
        const copied = base[Math.floor(random() * base.length)] as SentRow;
        const title = random() < 0.6 ? `${copied.row.title.slice(0, -1)}${titleOf(random, Math.floor(random() * 3))}` : titleOf(random, Math.floor(random() * 8));
        const number = random() < 0.4 ? copied.number : random() < 0.5 ? Math.floor(random() * 40) : undefined;
        const idInFile = random() < 0.1;
        return fileRow({ ...copied.row, id: idInFile && random() < 0.5 ? copied.row.id : `file-${index}`, title }, index, number, idInFile);
      });
      const expected = matchedByEveryPair(file, base);
      expect(matchRows(file, base).matched, `seed ${seed}`).toEqual(expected);
      for (const { match } of expected) methods.set(match.method, (methods.get(match.method) ?? 0) + 1);
    }
    // Each way of matching comes up often enough for the comparison to tell.
    expect([...methods.keys()].sort()).toEqual(['id', 'new', 'number+title', 'title-similarity']);
    expect(methods.get('title-similarity')).toBeGreaterThan(100);
  });
});
