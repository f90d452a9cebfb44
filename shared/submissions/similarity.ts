/** How alike two titles read: the Dice coefficient of their character bigrams, after NFKC and without spaces. */

type Bigrams = ReadonlyMap<string, number>;

function bigrams(text: string): Bigrams {
  const chars = [...text.normalize('NFKC').replace(/\s+/gu, '')];
  const counts = new Map<string, number>();
  // A one-character text is its own bigram, so it can still match itself.
  const grams = chars.length === 1 ? chars : chars.slice(1).map((char, index) => `${chars[index]}${char}`);
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

const sizeOf = (grams: Bigrams): number => {
  let size = 0;
  for (const count of grams.values()) size += count;
  return size;
};

/** Dice of bigrams shared out of all of both texts' bigrams; rounded to two places, as reported. */
const diceScore = (shared: number, total: number): number => (total === 0 ? 0 : Math.round((200 * shared) / total) / 100);

/** 1 for the same text (spacing and width aside), 0 for nothing in common; rounded to two places, as reported. */
export function titleSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  for (const [gram, count] of right) shared += Math.min(count, left.get(gram) ?? 0);
  return diceScore(shared, sizeOf(left) + sizeOf(right));
}

/** An indexed title alike to the one looked up: its position among the indexed titles, and its titleSimilarity score. */
export interface AlikeTitle {
  readonly position: number;
  readonly score: number;
}

/** Counts the pairs of titles a finder scores in full, for tests that bound its work (never timed). */
export interface ScoredPairs {
  scored: number;
}

/**
 * The Dice a pair must reach unrounded for its rounded score to reach `min`, less a margin for floating point: the
 * filters below use it, so that they never drop a pair whose reported score passes (the exact score then decides).
 */
const unroundedFloor = (min: number): number => min - 0.005 - 1e-9;

/**
 * How many of a title's `size` bigrams any title at least `floor` alike to it shares with it (at least one: a title
 * sharing none is never scored). Rounded down a hair before the ceiling, so that floating point never overstates it.
 */
function leastShared(size: number, floor: number): number {
  if (floor <= 0) return 1;
  return Math.max(1, Math.ceil((floor * size) / (2 - floor) - 1e-9));
}

/** The rarest bigrams of a title (`ranks` ascending), enough that any title at least `floor` alike shares one of them. */
const prefixLength = (size: number, floor: number): number => Math.max(0, size - leastShared(size, floor) + 1);

/**
 * How many of `ranks` from `from` on are `held` (each rank is one occurrence of a bigram, so this counts repeats too);
 * or less than `needed`, without reading on, once the rest could not make up `needed`.
 */
function heldRanks(ranks: Int32Array, from: number, held: Uint8Array, needed: number): number {
  let count = 0;
  for (let index = from; index < ranks.length; index++) {
    if (count + ranks.length - index < needed) return count;
    count += held[ranks[index] ?? 0] ?? 0;
  }
  return count;
}

/**
 * Indexes titles by their bigrams, and gives a lookup of the titles at least `min` alike to a title, in index order.
 *
 * A similarity join: each occurrence of a bigram is a token (a bigram twice in a title is two tokens, its first and
 * its second), and the tokens are ranked rarest first across the indexed titles. Two titles at least `min` alike share
 * at least `leastShared` tokens, so each one's rarest `prefixLength` tokens hold a token of the other's (the prefix
 * filter); and their sizes are within (2 − t)/t of each other (the size filter). Only titles found through their
 * prefixes and of a size that can pass are scored, exactly; the result is that of scoring every title.
 */
export function alikeTitleFinder(titles: readonly string[], counter?: ScoredPairs): (title: string, min: number) => AlikeTitle[] {
  const grams = titles.map(bigrams);
  // How many titles hold each bigram at least once, twice, …: the rarity of its first, second, … occurrence.
  const holders = new Map<string, number[]>();
  for (const counts of grams) {
    for (const [gram, count] of counts) {
      const byOccurrence = holders.get(gram) ?? [];
      for (let occurrence = 0; occurrence < count; occurrence++) byOccurrence[occurrence] = (byOccurrence[occurrence] ?? 0) + 1;
      holders.set(gram, byOccurrence);
    }
  }
  const tokens = [...holders].flatMap(([gram, byOccurrence]) => byOccurrence.map((held, occurrence) => ({ gram, occurrence, held })));
  // Rarest first; ties by bigram and occurrence, so the order is total (any total order will do).
  tokens.sort((a, b) => a.held - b.held || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : a.occurrence - b.occurrence));
  const rankOf = new Map<string, number[]>();
  tokens.forEach(({ gram, occurrence }, rank) => {
    const ranks = rankOf.get(gram) ?? [];
    ranks[occurrence] = rank;
    rankOf.set(gram, ranks);
  });
  /** A title's tokens as ranks, ascending; tokens no indexed title holds rank first (negative), matching nothing. */
  const ranksOf = (counts: Bigrams): Int32Array => {
    const ranks: number[] = [];
    let unknown = 0;
    for (const [gram, count] of counts) {
      const known = rankOf.get(gram);
      for (let occurrence = 0; occurrence < count; occurrence++) ranks.push(known?.[occurrence] ?? -++unknown);
    }
    return Int32Array.from(ranks).sort();
  };
  const indexed = grams.map(ranksOf);

  /**
   * For one `min`: each rank's indexed titles holding it within their prefix, in index order, as pairs of the title's
   * position and where in its ranks the rank is.
   */
  const prefixIndexes = new Map<number, number[][]>();
  const prefixIndex = (floor: number): number[][] => {
    const cached = prefixIndexes.get(floor);
    if (cached) return cached;
    const postings: number[][] = Array.from({ length: tokens.length }, () => []);
    indexed.forEach((ranks, position) => {
      const length = prefixLength(ranks.length, floor);
      for (let index = 0; index < length; index++) postings[ranks[index] ?? 0]?.push(position, index);
    });
    prefixIndexes.set(floor, postings);
    return postings;
  };

  // The indexed titles already met in this lookup and the ranks of the title looked up, marked lookup after lookup:
  // only the marked are cleared.
  const met = new Uint8Array(titles.length);
  const held = new Uint8Array(tokens.length);
  return (title, min) => {
    const floor = unroundedFloor(min);
    const postings = prefixIndex(floor);
    const ranks = ranksOf(bigrams(title));
    const size = ranks.length;
    for (const rank of ranks) if (rank >= 0) held[rank] = 1;
    // The size filter: 2·shared/(size + theirs) ≥ floor with shared ≤ both sizes bounds their size both ways.
    const fewest = floor > 0 ? (floor * size) / (2 - floor) - 1e-9 : 0;
    const most = floor > 0 ? ((2 - floor) * size) / floor + 1e-9 : Infinity;
    const touched: number[] = [];
    const alike: AlikeTitle[] = [];
    const length = prefixLength(size, floor);
    for (let index = 0; index < length; index++) {
      const list = postings[ranks[index] ?? -1];
      if (!list) continue;
      for (let entry = 0; entry < list.length; entry += 2) {
        const position = list[entry] ?? 0;
        if (met[position] === 1) continue;
        met[position] = 1;
        touched.push(position);
        const theirs = indexed[position] ?? new Int32Array();
        if (theirs.length < fewest || theirs.length > most) continue;
        // The first token both hold (none rarer is in both prefixes, so in both): the rest can add at most what is left.
        const at = list[entry + 1] ?? 0;
        const needed = floor > 0 ? Math.max(1, Math.ceil((floor * (size + theirs.length)) / 2 - 1e-9)) : 1;
        if (1 + Math.min(size - index - 1, theirs.length - at - 1) < needed) continue;
        if (counter) counter.scored += 1;
        const score = diceScore(1 + heldRanks(theirs, at + 1, held, needed - 1), size + theirs.length);
        if (score >= min) alike.push({ position, score });
      }
    }
    for (const position of touched) met[position] = 0;
    for (const rank of ranks) if (rank >= 0) held[rank] = 0;
    return alike.sort((a, b) => a.position - b.position);
  };
}
