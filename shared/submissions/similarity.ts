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

/**
 * Indexes titles by their bigrams, and gives a lookup of the titles at least `min` alike to a title, in index order.
 * A title sharing no bigram scores 0, so only those sharing one are scored: for a positive `min`, all that can pass.
 */
export function alikeTitleFinder(titles: readonly string[]): (title: string, min: number) => AlikeTitle[] {
  const postings = new Map<string, { position: number; count: number }[]>();
  const sizes = titles.map((title, position) => {
    const grams = bigrams(title);
    for (const [gram, count] of grams) {
      const list = postings.get(gram);
      if (list) list.push({ position, count });
      else postings.set(gram, [{ position, count }]);
    }
    return sizeOf(grams);
  });
  // Bigrams shared with each indexed title, reused lookup after lookup: only the touched entries are cleared.
  const shared = new Int32Array(titles.length);
  return (title, min) => {
    const grams = bigrams(title);
    const touched: number[] = [];
    for (const [gram, count] of grams) {
      for (const { position, count: theirs } of postings.get(gram) ?? []) {
        if (shared[position] === 0) touched.push(position);
        shared[position] = (shared[position] ?? 0) + Math.min(count, theirs);
      }
    }
    const size = sizeOf(grams);
    const alike: AlikeTitle[] = [];
    for (const position of touched) {
      const score = diceScore(shared[position] ?? 0, size + (sizes[position] ?? 0));
      if (score >= min) alike.push({ position, score });
      shared[position] = 0;
    }
    return alike.sort((a, b) => a.position - b.position);
  };
}
