/** How alike two titles read: the Dice coefficient of their character bigrams, after NFKC and without spaces. */

function bigrams(text: string): Map<string, number> {
  const chars = [...text.normalize('NFKC').replace(/\s+/gu, '')];
  const counts = new Map<string, number>();
  // A one-character text is its own bigram, so it can still match itself.
  const grams = chars.length === 1 ? chars : chars.slice(1).map((char, index) => `${chars[index]}${char}`);
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/** 1 for the same text (spacing and width aside), 0 for nothing in common; rounded to two places, as reported. */
export function titleSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? 0 : Math.round((200 * shared) / total) / 100;
}
