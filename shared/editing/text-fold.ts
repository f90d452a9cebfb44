/** Width (NFKC) and case folding for find/replace, with a map from folded offsets back to the original text. */
export interface Folding {
  readonly width: boolean;
  readonly case: boolean;
}

/** The folding a find asks for: 全角と半角を区別 off folds width, 大文字と小文字を区別 off folds case. */
export const foldingOf = (query: { readonly matchCase: boolean; readonly matchWidth: boolean }): Folding => ({ width: !query.matchWidth, case: !query.matchCase });

export const foldText = (text: string, folding: Folding): string => {
  const widened = folding.width ? text.normalize('NFKC') : text;
  return folding.case ? widened.toLowerCase() : widened;
};

/**
 * Code points whose NFKC decomposition starts with a starter that never composes with what precedes it
 * (checked against UnicodeData: combining class 0 and never the second half of a composition), so
 * folding never reaches across a cut just before one. Everything else (marks, ﾞ, jamo, surrogates, …)
 * stays glued to the character before it.
 */
const INDEPENDENT_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f], // ASCII, Latin-1, Latin Extended-A/B
  [0x2000, 0x20cf], // punctuation, super/subscripts, currency
  [0x2100, 0x2bff], // letterlike (℡), number forms (Ⅻ), arrows, maths, enclosed (①), shapes
  [0x3000, 0x3029], // CJK punctuation before the tone marks
  [0x3030, 0x3096], // CJK symbols, hiragana
  [0x309b, 0x30ff], // ゛゜ゝゞ, katakana
  [0x3190, 0x9fff], // kanbun, enclosed and compatibility CJK (㍿), CJK ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfb00, 0xfb06], // Latin ligatures (ﬁ)
  [0xfe30, 0xfe4f], // CJK compatibility forms
  [0xff01, 0xff9d], // full-width ASCII, half-width punctuation and kana up to ﾝ (not ﾞﾟ)
];

const startsIndependently: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const [first, last] of INDEPENDENT_RANGES) table.fill(1, first, last + 1);
  return table;
})();

/** Folding a text cut just before this offset gives the same as folding both pieces separately. */
export const isCutPoint = (text: string, offset: number): boolean =>
  offset === 0 || offset === text.length || startsIndependently[text.charCodeAt(offset)] === 1;

/** 0–3, one per folding mode: an index for tables kept per mode. */
export const foldingKey = (folding: Folding): number => (folding.width ? 2 : 0) + (folding.case ? 1 : 0);

interface UnitFolds {
  readonly folded: (string | undefined)[];
  /** Folded length of each UTF-16 unit, 0 until first needed. */
  readonly length: Uint8Array;
  /** 1 where the unit folds to itself, 2 where it changes, 0 until first needed. */
  readonly change: Uint8Array;
}

// One table per folding mode, filled lazily: each unit is folded at most once per process.
const unitFoldTables: readonly UnitFolds[] = Array.from({ length: 4 }, () => ({
  folded: [],
  length: new Uint8Array(0x10000),
  change: new Uint8Array(0x10000),
}));

const unitFoldTable = (folding: Folding): UnitFolds => unitFoldTables[foldingKey(folding)] as UnitFolds;

function ensureUnitFolded(table: UnitFolds, unit: number, folding: Folding): UnitFolds {
  if (table.change[unit] === 0) {
    const char = String.fromCharCode(unit);
    const folded = foldText(char, folding);
    table.folded[unit] = folded;
    table.length[unit] = folded.length;
    table.change[unit] = folded === char ? 1 : 2;
  }
  return table;
}

const foldUnit = (text: string, offset: number, folding: Folding): string => {
  const unit = text.charCodeAt(offset);
  return ensureUnitFolded(unitFoldTable(folding), unit, folding).folded[unit] as string;
};

/** Length of one independent unit once folded (㍿ → 4, ﬁ → 2). */
export const foldedUnitLength = (text: string, offset: number, folding: Folding): number => {
  const unit = text.charCodeAt(offset);
  return ensureUnitFolded(unitFoldTable(folding), unit, folding).length[unit] as number;
};

/**
 * How folding acts on a text: `unchanged` when every substring folds to itself; `unit-by-unit` when the
 * folded text is the concatenation of each UTF-16 unit folded alone; `entangled` when units fold together.
 */
export type FoldShape = 'unchanged' | 'unit-by-unit' | 'entangled';

export function foldShape(text: string, folding: Folding): FoldShape {
  if (!folding.width && !folding.case) return 'unchanged';
  const table = unitFoldTable(folding);
  let shape: FoldShape = 'unchanged';
  for (let offset = 0; offset < text.length; offset++) {
    const unit = text.charCodeAt(offset);
    if (startsIndependently[unit] !== 1) return 'entangled';
    if (ensureUnitFolded(table, unit, folding).change[unit] === 2) shape = 'unit-by-unit';
  }
  return shape;
}

export interface SegmentFold {
  readonly folded: string;
  /** For each original offset (0…length): its offset in `folded` if it is a cut point, otherwise -1. */
  readonly foldedOffsetAt: Int32Array;
  /** For each folded offset (0…length): the original cut point it starts at, otherwise -1. */
  readonly originalOffsetAt: Int32Array;
}

const foldSegment = (text: string, start: number, end: number, folding: Folding): string =>
  end === start + 1 ? foldUnit(text, start, folding) : foldText(text.slice(start, end), folding);

// Final sigma: lower-casing Σ looks at neighbours across any cut, so such texts cannot be folded piecewise.
const mayHoldSigma = (folded: string, folding: Folding): boolean => folding.case && /[σς]/u.test(folded);

/**
 * Folds the text piece by piece between cut points, so that for cut points a ≤ b,
 * foldText(text.slice(a, b)) === folded.slice(foldedOffsetAt[a], foldedOffsetAt[b]).
 * Undefined when that cannot be guaranteed.
 */
export function segmentFold(text: string, folding: Folding): SegmentFold | undefined {
  const foldedOffsetAt = new Int32Array(text.length + 1).fill(-1);
  let folded = '';
  let start = 0;
  for (let end = 1; end <= text.length; end++) {
    if (!isCutPoint(text, end)) continue;
    foldedOffsetAt[start] = folded.length;
    folded += foldSegment(text, start, end, folding);
    start = end;
  }
  foldedOffsetAt[text.length] = folded.length;
  if (mayHoldSigma(folded, folding)) return undefined;
  const originalOffsetAt = new Int32Array(folded.length + 1).fill(-1);
  foldedOffsetAt.forEach((foldedOffset, offset) => {
    if (foldedOffset >= 0) originalOffsetAt[foldedOffset] = offset;
  });
  return { folded, foldedOffsetAt, originalOffsetAt };
}
