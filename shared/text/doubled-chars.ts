/**
 * Characters typed twice by accident (「対応応する」). Doubled kana are ordinary words (こころ, いろいろ),
 * so only a doubled kanji, particle or punctuation mark, or a repeated run of letters, is taken for a slip.
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

// Letters only, so a repeated list item such as 「センター・地区センター・地区」 is left alone; a run of
// hiragana alone must be longer, since 「ひとりひとり」 and 「ひとつひとつ」 are words.
const REPEATED_RUN = /(\p{L}{3,}?)\1/gu;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const MIN_HIRAGANA_RUN = 4;

/**
 * A doubled kanji is a slip when kana or punctuation follows (対応応する); followed by another kanji it is
 * usually two words meeting (施設設備, 学習習慣, 学生生活).
 */
function isDoubledKanjiSlip(char: string, next: string | undefined): boolean {
  return KANJI.test(char) && char !== '々' && !(next !== undefined && KANJI.test(next));
}

export function findDoubledRuns(text: string): DoubledRun[] {
  const runs: DoubledRun[] = [];
  const chars = Array.from(text);
  let offset = 0;
  for (let i = 0; i + 1 < chars.length; i++) {
    const char = chars[i] as string;
    if (char === chars[i + 1] && (PARTICLES.has(char) || PUNCTUATION.has(char) || isDoubledKanjiSlip(char, chars[i + 2]))) {
      runs.push({ index: offset, unit: char });
    }
    offset += char.length;
  }
  for (const match of text.matchAll(REPEATED_RUN)) {
    const unit = match[1] as string;
    if (HIRAGANA_ONLY.test(unit) && unit.length < MIN_HIRAGANA_RUN) continue;
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
