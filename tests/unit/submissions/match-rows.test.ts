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

  it('matches as scoring every pair does on titles that repeat bigrams, short ones, and scores at every stage', () => {
    const bands = new Map<string, number>();
    for (let seed = 1; seed <= 120; seed++) {
      const random = mulberry32(1000 + seed);
      const chars = seed % 3 === 0 ? [...'あい'] : seed % 3 === 1 ? [...'地域見守'] : CHARS;
      const textOf = (length: number): string => Array.from({ length }, () => chars[Math.floor(random() * chars.length)] as string).join('');
      // Long titles with small edits score 0.8 to 1; short ones of 1 to 3 characters score all or little.
      const base = sentRows(Array.from({ length: 30 }, () => textOf(random() < 0.3 ? 1 + Math.floor(random() * 3) : 8 + Math.floor(random() * 16))));
      const file = Array.from({ length: 34 }, (_, index): SubmittedRow => {
        const copied = (base[Math.floor(random() * base.length)] as SentRow).row.title;
        const cut = Math.floor(random() * copied.length);
        const roll = random();
        const title =
          roll < 0.25
            ? copied
            : roll < 0.8
              ? `${copied.slice(0, cut)}${textOf(Math.floor(random() * 3))}${copied.slice(cut + Math.floor(random() * 3))}`
              : textOf(1 + Math.floor(random() * 10));
        return fileRow({ ...defaultRow('city', 500 + index), id: `file-${index}`, title }, index, random() < 0.2 ? Math.floor(random() * 40) : undefined);
      });
      const expected = matchedByEveryPair(file, base);
      expect(matchRows(file, base).matched, `seed ${1000 + seed}`).toEqual(expected);
      for (const { match } of expected) {
        if (match.method !== 'title-similarity') continue;
        const band = match.score >= 1 ? '1' : match.score >= 0.9 ? '0.9' : match.score >= 0.8 ? '0.8' : '0.6';
        bands.set(band, (bands.get(band) ?? 0) + 1);
      }
    }
    // Rows are taken at each score the matching stops at.
    for (const band of ['1', '0.9', '0.8', '0.6']) expect(bands.get(band), band).toBeGreaterThan(100);
  });

  it('takes titles whose score only rounds up to TITLE_MIN, as scoring every pair does', () => {
    // 200 bigrams each, 119 of them shared: 238/400 = 0.595, reported as 0.60; and 85 bigrams, all among another's 200
    // (the fewest that can do), either way round: 170/285 = 0.5965, reported as 0.60.
    const ideographs = (from: number, count: number): string => String.fromCodePoint(...Array.from({ length: count }, (_, index) => 0x4e00 + from + index));
    const long = ideographs(0, 201);
    const other = ideographs(3000, 201);
    const third = ideographs(4000, 201);
    const base = sentRows([ideographs(500, 30), long, `${long.slice(0, 118)}${ideographs(1000, 83)}`, other, third.slice(0, 86)]);
    const file = [`${long.slice(0, 120)}${ideographs(2000, 81)}`, other.slice(0, 86), third].map((title, index) =>
      fileRow({ ...defaultRow('city', 9 + index), id: `file-${index}`, title }, index, undefined),
    );
    const { matched } = matchRows(file, base);
    expect(matched).toEqual(matchedByEveryPair(file, base));
    expect(matched.map(({ base: sent, match }) => [sent?.number, match])).toEqual([
      [2, { method: 'title-similarity', score: 0.6 }],
      [4, { method: 'title-similarity', score: 0.6 }],
      [5, { method: 'title-similarity', score: 0.6 }],
    ]);
  });
});
