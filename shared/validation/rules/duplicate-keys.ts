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
 * Hashes are numbered in the order first seen, so each run over the table is a walk over integer-indexed arrays:
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

interface RowKeys {
  readonly whole: number;
  readonly title: number;
}

let keysByRow = new WeakMap<AnnexRow, RowKeys>();

function keysOf(row: AnnexRow): RowKeys {
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

/** A table's keys by position (NO_KEY for a row without text): title and summary together, and title alone. */
export type TableKeys = Readonly<Record<KeyKind, Int32Array>>;

let keysByRows = new WeakMap<readonly AnnexRow[], TableKeys>();
// The last tables' keys: an edit's new rows array keeps all rows but a few in their places.
const recent: { readonly rows: readonly AnnexRow[]; readonly keys: TableKeys }[] = [];
const RECENT_TABLES = 2;

const KEYS_KEPT_PER_ROW = 8;
const KEYS_KEPT_ANYWAY = 100_000;
// The largest table numbered since the numbering started: a small table checked after a large one must not
// start it over, or the large one would be numbered again on every check.
let largestTable = 0;

function startNumberingOver(): void {
  internedIds = new Map();
  keysByRow = new WeakMap();
  keysByRows = new WeakMap();
  recent.length = 0;
}

/** Made once per rows array, taking a row's keys from the same place of a recent table when it is the same row. */
export function tableKeys(rows: readonly AnnexRow[]): TableKeys {
  largestTable = Math.max(largestTable, rows.length);
  if (internedIds.size > KEYS_KEPT_PER_ROW * largestTable + KEYS_KEPT_ANYWAY) {
    startNumberingOver();
    largestTable = rows.length;
  }
  let keys = keysByRows.get(rows);
  if (keys) return keys;
  const base = recent.find((entry) => entry.rows[0] === rows[0]) ?? recent.find((entry) => entry.rows.length === rows.length);
  keys = { whole: new Int32Array(rows.length), title: new Int32Array(rows.length) };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as AnnexRow;
    if (base && base.rows[index] === row) {
      keys.whole[index] = base.keys.whole[index] as number;
      keys.title[index] = base.keys.title[index] as number;
    } else {
      const rowKeys = keysOf(row);
      keys.whole[index] = rowKeys.whole;
      keys.title[index] = rowKeys.title;
    }
  }
  keysByRows.set(rows, keys);
  recent.unshift({ rows, keys });
  recent.length = Math.min(recent.length, RECENT_TABLES);
  return keys;
}
