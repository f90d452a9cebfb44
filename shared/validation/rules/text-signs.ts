import { charWidthEm } from '../../excel/row-height';
import { CONTROL_CHAR_RANGES } from '../../text/control-chars';
import { doubledRunAt, MAX_RUN } from '../../text/doubled-chars';
import { HALFWIDTH_KANA_RANGE } from '../../text/halfwidth-kana';
import { OUTER_SPACE_CHARS } from '../../text/outer-spaces';

/**
 * One pass over a text tells which text rules could object to it, so each rule runs its own check only on
 * texts with its sign. A sign is a necessary condition of its rule's finding: without it the rule finds
 * nothing; with it the rule's check decides.
 */
export const SIGN = {
  controlChar: 1 << 0,
  halfwidthKana: 1 << 1,
  lineFeed: 1 << 2,
  carriageReturn: 1 << 3,
  ideographicComma: 1 << 4,
  fullwidthComma: 1 << 5,
  halfwidthComma: 1 << 6,
  halfWidth: 1 << 7,
  /** A space or tab (OUTER_SPACE_CHARS) at either end. */
  outerSpace: 1 << 8,
  /** A place where findDoubledRuns would see a slip (only scanText looks for it). */
  doubled: 1 << 9,
} as const;

const ALL_SIGNS = (1 << 10) - 1;

const COMMA_SIGNS: Readonly<Record<string, number>> = { '、': SIGN.ideographicComma, '，': SIGN.fullwidthComma, ',': SIGN.halfwidthComma };

/** The signs of these commas (a character without a sign of its own gets every sign, so nothing is missed). */
export function commaSigns(chars: string): number {
  let signs = 0;
  for (const char of chars) signs |= COMMA_SIGNS[char] ?? ALL_SIGNS;
  return signs;
}

let unitSigns: Uint16Array | undefined;

/** Each UTF-16 unit's signs, built on first use from the rules' own character sets. */
function signsByUnit(): Uint16Array {
  if (unitSigns) return unitSigns;
  const table = new Uint16Array(0x10000);
  for (const [from, to] of CONTROL_CHAR_RANGES) for (let unit = from; unit <= to; unit++) table[unit]! |= SIGN.controlChar;
  for (let unit = HALFWIDTH_KANA_RANGE[0]; unit <= HALFWIDTH_KANA_RANGE[1]; unit++) table[unit]! |= SIGN.halfwidthKana;
  table[0x0a]! |= SIGN.lineFeed;
  table[0x0d]! |= SIGN.carriageReturn;
  for (const [char, sign] of Object.entries(COMMA_SIGNS)) table[char.charCodeAt(0)]! |= sign;
  for (const char of OUTER_SPACE_CHARS) table[char.charCodeAt(0)]! |= SIGN.outerSpace;
  // A surrogate pair is one character of width 1 or 0, never a half-width one.
  for (let unit = 0; unit < 0x10000; unit++) {
    if ((unit < 0xd800 || unit > 0xdfff) && charWidthEm(unit) === 0.5) table[unit]! |= SIGN.halfWidth;
  }
  unitSigns = table;
  return table;
}

/** A text's signs with outerSpace taken from its ends alone. */
const withEnds = (table: Uint16Array, text: string, signs: number): number =>
  (signs & ~SIGN.outerSpace) | ((table[text.charCodeAt(0)]! | table[text.charCodeAt(text.length - 1)]!) & SIGN.outerSpace);

/** The signs of a 部 or 課 entry: the rules that look at them need no more than its characters' signs. */
export function scanListEntry(text: string): number {
  if (text.length === 0) return 0;
  const table = signsByUnit();
  let signs = 0;
  for (let index = 0; index < text.length; index++) signs |= table[text.charCodeAt(index)]!;
  return withEnds(table, text, signs);
}

// Where each hash of three units last started, on a scale that grows from text to text so the table is
// never cleared: a text's positions lie more than MAX_RUN beyond the previous text's.
const HASH_BITS = 12;
const lastStart = new Int32Array(1 << HASH_BITS);
const SCALE_END = 0x40000000;
let origin = SCALE_END;

/** The latest start before `start`, at most MAX_RUN before it, of the same three units; -1 if none. */
function sameTripleBefore(text: string, start: number, candidate: number): number {
  const same = (earlier: number): boolean =>
    text.charCodeAt(earlier) === text.charCodeAt(start) &&
    text.charCodeAt(earlier + 1) === text.charCodeAt(start + 1) &&
    text.charCodeAt(earlier + 2) === text.charCodeAt(start + 2);
  if (same(candidate)) return candidate;
  // Another triple with the same hash came in between: look at every distance.
  for (let earlier = start - 1; earlier >= Math.max(start - MAX_RUN, 0); earlier--) if (same(earlier)) return earlier;
  return -1;
}

/**
 * The signs of a 主な取組 or 取組概要. A repeated run of 3 to MAX_RUN units begins with three units that
 * recur within MAX_RUN units; following each recurrence back to the latest earlier start of the same
 * three finds every run's first copy, where findDoubledRuns' own test decides.
 */
export function scanText(text: string): number {
  const length = text.length;
  if (length === 0) return 0;
  const table = signsByUnit();
  if (origin >= SCALE_END) {
    lastStart.fill(-SCALE_END);
    origin = 0;
  }
  // Locals, so the loop reads no module variable.
  const starts = lastStart;
  const base = origin;
  origin += length + MAX_RUN + 1;
  let signs = 0;
  let beforePrevious = 0;
  let previous = text.charCodeAt(0);
  signs |= table[previous]!;
  for (let index = 1; index < length; index++) {
    const unit = text.charCodeAt(index);
    signs |= table[unit]!;
    // Once a text has the sign, the rest of its pairs and triples are not needed.
    if ((signs & SIGN.doubled) === 0) {
      if (unit === previous && doubledRunAt(text, index - 1) !== undefined) signs |= SIGN.doubled;
      if (index > 1) {
        const hash = Math.imul((beforePrevious * 31 + previous) * 31 + unit, 0x9e3779b1) >>> (32 - HASH_BITS);
        const start = index - 2;
        const last = starts[hash]! - base;
        starts[hash] = base + start;
        if (start - last <= MAX_RUN) {
          const earlier = sameTripleBefore(text, start, last);
          if (earlier >= 0 && doubledRunAt(text, earlier) !== undefined) signs |= SIGN.doubled;
        }
      }
    }
    beforePrevious = previous;
    previous = unit;
  }
  return withEnds(table, text, signs);
}

/** How many of a text's units are half-width, for print-fit's bound on its width. */
export function countHalfWidthUnits(text: string): number {
  const table = signsByUnit();
  let count = 0;
  for (let index = 0; index < text.length; index++) count += (table[text.charCodeAt(index)]! & SIGN.halfWidth) !== 0 ? 1 : 0;
  return count;
}
