/**
 * Characters typed twice by accident (「対応応する」). Doubled kana are ordinary words (こころ, いろいろ),
 * so only a doubled kanji, particle or punctuation mark, or a repeated run of letters, is taken for a slip.
 * The scan works on UTF-16 code units: it runs on every edit over every row, so it avoids allocations.
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
const LETTERS_ONLY = /^\p{L}+$/u;
const HIRAGANA_ONLY = /^\p{Script=Hiragana}+$/u;
const MIN_RUN = 3;
const MIN_HIRAGANA_RUN = 4;
// Slips repeat a word or a phrase; longer repeats are not looked for, which keeps the scan linear.
export const MAX_RUN = 12;

/**
 * A doubled kanji is a slip when kana or punctuation follows (対応応する); followed by another kanji it is
 * usually two words meeting (施設設備, 学習習慣, 学生生活).
 */
function isDoubledCharSlip(char: string, next: string): boolean {
  if (PARTICLES.has(char) || PUNCTUATION.has(char)) return true;
  return char !== '々' && KANJI.test(char) && !KANJI.test(next);
}

/** The shortest run of letters starting at `start` that the text repeats right after it. */
function repeatedRunAt(text: string, start: number): string | undefined {
  const first = text.charCodeAt(start);
  for (let length = MIN_RUN; length <= MAX_RUN && start + 2 * length <= text.length; length++) {
    // Most lengths fail on the first unit: compare it before the rest.
    if (text.charCodeAt(start + length) !== first) continue;
    let same = true;
    for (let k = 1; k < length && same; k++) same = text.charCodeAt(start + k) === text.charCodeAt(start + length + k);
    if (!same) continue;
    const unit = text.slice(start, start + length);
    if (LETTERS_ONLY.test(unit) && !(HIRAGANA_ONLY.test(unit) && length < MIN_HIRAGANA_RUN)) return unit;
  }
  return undefined;
}

/** The slip that starts at `index`, as findDoubledRuns sees it there: a doubled character or a repeated run. */
export function doubledRunAt(text: string, index: number): string | undefined {
  return text.charCodeAt(index) === text.charCodeAt(index + 1) && isDoubledCharSlip(text.charAt(index), text.charAt(index + 2))
    ? text.charAt(index)
    : repeatedRunAt(text, index);
}

// The rule asks for a text's runs twice, for its fix and its message: the last text's runs are kept.
let lastText: string | undefined;
let lastRuns: readonly DoubledRun[] = [];

export function findDoubledRuns(text: string): DoubledRun[] {
  if (text !== lastText) {
    lastRuns = scanDoubledRuns(text);
    lastText = text;
  }
  return [...lastRuns];
}

function scanDoubledRuns(text: string): DoubledRun[] {
  const runs: DoubledRun[] = [];
  for (let i = 0; i + 1 < text.length; ) {
    const run = doubledRunAt(text, i);
    if (run === undefined) {
      i += 1;
      continue;
    }
    runs.push({ index: i, unit: run });
    // Continue behind the run's first copy's end, so one slip is reported once.
    i += run.length * 2 - 1;
  }
  return runs;
}

/** Drops the second copy of every doubled run. */
export function removeDoubledRuns(text: string): string {
  let result = text;
  for (const run of findDoubledRuns(text).reverse()) {
    result = result.slice(0, run.index + run.unit.length) + result.slice(run.index + run.unit.length * 2);
  }
  return result;
}
