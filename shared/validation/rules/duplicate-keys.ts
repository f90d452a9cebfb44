import type { AnnexRow } from '../../model/annex-document';
import { isBlank } from './blank';

// Spacing and width do not make two initiatives different.
const comparable = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * Comparable texts are interned to small integers, once per row object, so each run over the table is a
 * walk over integer-indexed arrays: the duplicate rules run on every edit and must stay cheap.
 */
const internedIds = new Map<string, number>();
const intern = (key: string): number => {
  let id = internedIds.get(key);
  if (id === undefined) internedIds.set(key, (id = internedIds.size));
  return id;
};

/** How many keys there are: every key is below it. */
export const keyCount = (): number => internedIds.size;

export const NO_KEY = -1;

interface RowKeys {
  readonly whole: number;
  readonly title: number;
}

const keysByRow = new WeakMap<AnnexRow, RowKeys>();

function keysOf(row: AnnexRow): RowKeys {
  let keys = keysByRow.get(row);
  if (!keys) {
    const hasTitle = !isBlank(row.title);
    const hasText = hasTitle || !isBlank(row.summary);
    const title = hasText ? comparable(row.title) : '';
    keys = {
      whole: hasText ? intern(`${title}\u0000${comparable(row.summary)}`) : NO_KEY,
      title: hasTitle ? intern(title) : NO_KEY,
    };
    keysByRow.set(row, keys);
  }
  return keys;
}

/** A table's keys by position (NO_KEY for a row without text): title and summary together, and title alone. */
export interface TableKeys {
  readonly whole: Int32Array;
  readonly title: Int32Array;
}

const keysByRows = new WeakMap<readonly AnnexRow[], TableKeys>();
// The last tables' keys: an edit's new rows array keeps all rows but a few in their places.
const recent: { readonly rows: readonly AnnexRow[]; readonly keys: TableKeys }[] = [];
const RECENT_TABLES = 2;

/** Made once per rows array, taking a row's keys from the same place of a recent table when it is the same row. */
export function tableKeys(rows: readonly AnnexRow[]): TableKeys {
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
