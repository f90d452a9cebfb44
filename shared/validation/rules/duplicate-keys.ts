import type { AnnexRow } from '../../model/annex-document';
import { isBlank } from './blank';

// Spacing and width do not make two initiatives different.
const comparable = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * cyrb53 (bryc, public domain): a 53-bit hash, so a row's key is a number, not a normalised copy of its text
 * held for as long as the app runs. Two rows whose hashes match are compared by text before being called copies.
 */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * Hashes are numbered in the order first seen, so where each key sits can be kept in integer-indexed arrays:
 * the duplicate rules run on every edit and must stay cheap. The numbering starts over once it holds far more
 * keys than the tables have rows (edits and closed documents leave theirs behind).
 */
let internedIds = new Map<number, number>();
const intern = (hash: number): number => {
  let id = internedIds.get(hash);
  if (id === undefined) internedIds.set(hash, (id = internedIds.size));
  return id;
};

/** How many keys there are: every key is below it. */
export const keyCount = (): number => internedIds.size;

export const NO_KEY = -1;

export type KeyKind = 'whole' | 'title';

export type RowKeys = Readonly<Record<KeyKind, number>>;

let keysByRow = new WeakMap<AnnexRow, RowKeys>();

/** A row's keys (NO_KEY for a row without text): title and summary together, and title alone. */
export function rowKeys(row: AnnexRow): RowKeys {
  let keys = keysByRow.get(row);
  if (!keys) {
    const hasTitle = !isBlank(row.title);
    const hasText = hasTitle || !isBlank(row.summary);
    const title = hasText ? comparable(row.title) : '';
    keys = {
      whole: hasText ? intern(hash53(`${title}\u0000${comparable(row.summary)}`)) : NO_KEY,
      title: hasTitle ? intern(hash53(title)) : NO_KEY,
    };
    keysByRow.set(row, keys);
  }
  return keys;
}

// Only rows whose hashes matched are compared by text: their comparable texts are kept, the others' never made.
const textsByRow = new WeakMap<AnnexRow, { readonly title: string; readonly summary: string }>();

function comparableTexts(row: AnnexRow): { readonly title: string; readonly summary: string } {
  let texts = textsByRow.get(row);
  if (!texts) {
    texts = { title: comparable(row.title), summary: comparable(row.summary) };
    textsByRow.set(row, texts);
  }
  return texts;
}

/** Whether two rows with the same key of a kind have the same text (the hashes of two texts meet once in 2^53). */
export function sameKey(kind: KeyKind, a: AnnexRow, b: AnnexRow): boolean {
  const first = comparableTexts(a);
  const second = comparableTexts(b);
  return first.title === second.title && (kind === 'title' || first.summary === second.summary);
}

const KEYS_KEPT_PER_ROW = 8;
const KEYS_KEPT_ANYWAY = 100_000;
// The largest table numbered since the numbering started: a small table checked after a large one must not
// start it over, or the large one would be numbered again on every check.
let largestTable = 0;
let round = 0;

/** Counts the times the numbering started over: keys numbered in an earlier round mean nothing now. */
export const numberingRound = (): number => round;

/** Called before a table's rows are numbered: starts the numbering over if it holds far more keys than it needs. */
export function boundNumbering(tableRows: number): void {
  largestTable = Math.max(largestTable, tableRows);
  if (internedIds.size <= KEYS_KEPT_PER_ROW * largestTable + KEYS_KEPT_ANYWAY) return;
  internedIds = new Map();
  keysByRow = new WeakMap();
  largestTable = tableRows;
  round += 1;
}
