/**
 * Characters typed twice by accident (「対応応する」). Doubled kana are ordinary words (こころ, いろいろ),
 * so only a doubled kanji, particle or punctuation mark, or a repeated run of three or more characters,
 * is taken for a slip.
 */
export interface DoubledRun {
  readonly index: number;
  /** The text that stands twice in a row. */
  readonly unit: string;
}

const KANJI = /^\p{Script=Han}$/u;
// Particles that never stand twice in correct text (は and と do: はは 母, とと).
const PARTICLES = new Set(['を', 'が', 'に', 'で', 'へ', 'の']);
const PUNCTUATION = new Set(['，', '、', '。', '「', '」', '（', '）', '・', ',', '.']);

/** Compound words where one word ends with the kanji the next begins with. */
export const LEGITIMATE_KANJI_PAIRS: readonly string[] = [
  '学生生活', '会社社長', '会社社員', '社会会館', '社会会議', '協会会長', '議会会議', '大会会場', '都市市民',
  '東京都都', '本人人', '個人人',
];

// Letters only: a repeated list item such as 「センター・地区センター・地区」 is written on purpose.
const REPEATED_RUN = /(\p{L}{3,}?)\1/gu;

function isLegitimatePair(text: string, index: number): boolean {
  return LEGITIMATE_KANJI_PAIRS.some((word) => {
    const pair = word.indexOf(text.slice(index, index + 2));
    return pair >= 0 && text.startsWith(word, index - pair);
  });
}

export function findDoubledRuns(text: string): DoubledRun[] {
  const runs: DoubledRun[] = [];
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const char = chars[i] as string;
    if (char === chars[i + 1]) {
      const slip = PARTICLES.has(char) || PUNCTUATION.has(char) || (KANJI.test(char) && char !== '々' && !isLegitimatePair(text, offset));
      if (slip) runs.push({ index: offset, unit: char });
    }
    offset += char.length;
  }
  for (const match of text.matchAll(REPEATED_RUN)) {
    const unit = match[1] as string;
    if (!runs.some((run) => run.index >= match.index && run.index < match.index + unit.length * 2)) {
      runs.push({ index: match.index, unit });
    }
  }
  return runs.sort((a, b) => a.index - b.index);
}

/** Drops the second copy of every doubled run. */
export function removeDoubledRuns(text: string): string {
  let result = text;
  for (const run of findDoubledRuns(text).reverse()) {
    result = result.slice(0, run.index + run.unit.length) + result.slice(run.index + run.unit.length * 2);
  }
  return result;
}
