import fc from 'fast-check';

// Characters each text rule looks for, and their neighbours: controls and invisibles, half-width kana, CR and
// LF, spaces of every width, commas of both styles and digits beside them, kanji, kana, particles, 々,
// brackets, ASCII words, surrogate pairs (one half alone too).
const CHARS = [
  '\u0000', '\t', '\u000b', '\u001f', '\u007f', '\u0085', '\u200b', '\u200e', '\u2028', '\u202a', '\u2060', '\ufeff',
  'ｶ', 'ﾞ', 'ﾟ', '｡', 'ｰ', '\r', '\n', ' ', '\u3000', '\u00a0', '、', '，', ',', '1', '１', '０', '。', '．', '！', '?',
  '対', '応', '施', '設', '人', '一', '々', 'こ', 'ろ', 'ひ', 'と', 'り', 'の', 'を', 'が', 'に', 'は', 'ー', 'セ', 'ン', 'タ',
  '「', '」', '（', '）', ')', '・', '.', 'a', 'b', 'Z', '-', 'é', '\u0301', '\u3099', '𠀋', '😀', '\ud842', '\udfb7',
];

const char = fc.constantFrom(...CHARS);
const chars = (maxLength: number): fc.Arbitrary<string> => fc.array(char, { maxLength }).map((parts) => parts.join(''));

/** A run typed twice, of 1 to 14 characters: doubled characters, and repeats either side of MAX_RUN. */
const doubledRun = fc.array(char, { minLength: 1, maxLength: 14 }).map((parts) => parts.join('').repeat(2));

/** Texts made of tricky characters, words the rules know, doubled runs, and now and then a very long one. */
export const trickyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.oneof(chars(6), doubledRun, fc.constantFrom('対応応する', 'こころ', 'ひとりひとり', '施設設備', '１，０００', '1,000', 'A, B', '見守り，支援')), { maxLength: 12 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(chars(8), fc.integer({ min: 20, max: 400 })).map(([part, times]) => (part || '長').repeat(times)) },
);
