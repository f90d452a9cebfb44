import { describe, expect, it } from 'vitest';
import { alikeTitleFinder, titleSimilarity, type AlikeTitle } from '../../../shared/submissions/similarity';
import { mulberry32 } from '../support/seeded-random';

/**
 * The finder of alike titles skips the pairs its filters rule out: that it finds every title scoring every pair would,
 * with the same scores, on titles made to sit where a filter could slip; and that it scores few of the pairs.
 */

/** Every indexed title at least `min` alike, by scoring each (`scores` the titles' scores, given): what the finder must equal. */
const alikeByEveryPair = (titles: readonly string[], title: string, min: number, scores = titles.map((indexed) => titleSimilarity(indexed, title))): AlikeTitle[] =>
  scores.flatMap((score, position) => (score >= min ? [{ position, score }] : []));

/** `length` characters from `chars`: with few of them, titles repeat bigrams (ああ twice in ああああ) and share many. */
const textOf = (random: () => number, chars: readonly string[], length: number): string =>
  Array.from({ length }, () => chars[Math.floor(random() * chars.length)] as string).join('');

/** `count` characters no other call of this helper gives (CJK ideographs from `from` on): bigrams no other title has. */
const distinct = (from: number, count: number): string => String.fromCodePoint(...Array.from({ length: count }, (_, index) => 0x4e00 + from + index));

const MINS = [0.6, 0.5, 0.8, 0.9, 1, 0.33, 0.05, 0.605, 0.75];

/** Titles that share much: edits of a few seeds, with repeats, short ones, spacing and width that NFKC evens out. */
function alikeTitles(random: () => number, count: number): string[] {
  const chars = random() < 0.5 ? [...'あい'] : [...'地域見守支援事業子'];
  const seeds = Array.from({ length: 4 }, () => textOf(random, chars, 1 + Math.floor(random() * 12)));
  return Array.from({ length: count }, () => {
    const seed = seeds[Math.floor(random() * seeds.length)] as string;
    const roll = random();
    if (roll < 0.15) return textOf(random, chars, Math.floor(random() * 4)); // '', and 1 to 3 characters
    if (roll < 0.25) return `${seed.slice(0, 2)} ${seed.slice(2)}`.replace('あ', 'ｱ'); // spaced, half-width
    const cut = Math.floor(random() * seed.length);
    return `${seed.slice(0, cut)}${textOf(random, chars, Math.floor(random() * 4))}${seed.slice(cut + Math.floor(random() * 3))}`;
  });
}

describe('finding alike titles', () => {
  it('finds what scoring every pair finds, with the same scores and order, seed after seed', () => {
    let found = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const random = mulberry32(seed);
      const titles = alikeTitles(random, 40);
      const lookups = [...alikeTitles(random, 20), ...titles.slice(0, 10)];
      const alikeTo = alikeTitleFinder(titles);
      const scores = lookups.map((title) => titles.map((indexed) => titleSimilarity(indexed, title)));
      for (const min of MINS) {
        for (const [index, title] of lookups.entries()) {
          const expected = alikeByEveryPair(titles, title, min, scores[index]);
          expect(alikeTo(title, min), `seed ${seed}, min ${min}, ${title}`).toEqual(expected);
          found += expected.length;
        }
      }
    }
    expect(found).toBeGreaterThan(30_000);
  });

  it('finds titles whose score only rounds up to the least, and those at the bounds of size', () => {
    // 200 bigrams each, 119 shared: 238/400 = 0.595, reported as 0.60; and 99 of 200 shared: 0.495, reported as 0.50.
    const long = distinct(0, 201);
    const near = `${long.slice(0, 120)}${distinct(1000, 81)}`;
    const nearHalf = `${long.slice(0, 100)}${distinct(2000, 101)}`;
    expect([titleSimilarity(long, near), titleSimilarity(long, nearHalf)]).toEqual([0.6, 0.5]);
    // A short title inside a long one: 2·8/(8 + 19) = 0.59 is not enough, 2·8/(8 + 18) = 0.62 is, 2·5/(8 + 5) = 0.77
    // is, 2·2/(8 + 2) = 0.4 is not.
    const short = long.slice(0, 9);
    const sized = [long.slice(0, 19), long.slice(0, 20), long.slice(0, 3), long.slice(0, 6), long.slice(0, 1), long.slice(0, 2)];
    const titles = [long, near, nearHalf, ...sized, distinct(3000, 5)];
    const alikeTo = alikeTitleFinder(titles);
    for (const title of [long, near, nearHalf, short, ...sized, long.slice(0, 4), long.slice(0, 5)]) {
      for (const min of [...MINS, 0.59, 0.61, 0.49, 0.51]) expect(alikeTo(title, min), `${[...title].length} characters, min ${min}`).toEqual(alikeByEveryPair(titles, title, min));
    }
    expect(alikeTo(long, 0.6).map(({ position }) => position)).toEqual([0, 1]);
    expect(alikeTo(long, 0.5).map(({ position }) => position)).toEqual([0, 1, 2]);
    expect(alikeTo(short, 0.6).map(({ position }) => position)).toEqual([3, 6]);
  });

  it('scores only the titles that can pass, not every title sharing a common bigram', () => {
    // 2,000 titles, all with 地域 and 事業, each with a middle of its own: only its own middle makes a title alike enough.
    const titles = Array.from({ length: 2000 }, (_, index) => `地域${distinct(5000 + 4 * index, 4)}事業`);
    const counter = { scored: 0 };
    const alikeTo = alikeTitleFinder(titles, counter);
    let found = 0;
    for (const title of titles) {
      const alike = alikeTo(title, 0.6);
      expect(alike.map(({ position }) => position)).toContain(titles.indexOf(title));
      found += alike.length;
    }
    // Every pair found was scored; scoring every title sharing a bigram would be 2,000 a lookup.
    expect(counter.scored).toBeGreaterThanOrEqual(found);
    expect(counter.scored).toBeLessThan(3 * titles.length);
  });
});
