import type { AnnexRow } from '../../model/annex-document';
import { fieldColumn, type Finding } from '../issue';
import type { TableRule } from '../rule';

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

const NO_KEY = -1;

interface RowKeys {
  readonly whole: number;
  readonly title: number;
}

const keysByRow = new WeakMap<AnnexRow, RowKeys>();

function keysOf(row: AnnexRow): RowKeys {
  let keys = keysByRow.get(row);
  if (!keys) {
    const hasTitle = row.title.trim().length > 0;
    const hasText = hasTitle || row.summary.trim().length > 0;
    keys = {
      whole: hasText ? intern(`${comparable(row.title)}\u0000${comparable(row.summary)}`) : NO_KEY,
      title: hasTitle ? intern(comparable(row.title)) : NO_KEY,
    };
    keysByRow.set(row, keys);
  }
  return keys;
}

// A generation counter marks which entries belong to the current walk, so the arrays are never cleared.
let generation = 0;
const seenIn: number[] = [];
const firstNumberOf: number[] = [];

/** For each row after the first with the same key, the 通し番号 of that first row. */
function laterCopies(rows: readonly AnnexRow[], key: (row: AnnexRow) => number): Map<string, number> {
  generation++;
  const copies = new Map<string, number>();
  rows.forEach((row, index) => {
    const id = key(row);
    if (id === NO_KEY) return;
    if (seenIn[id] === generation) copies.set(row.id, firstNumberOf[id] as number);
    else {
      seenIn[id] = generation;
      firstNumberOf[id] = index + 1;
    }
  });
  return copies;
}

const wholeKey = (row: AnnexRow): number => keysOf(row).whole;
const titleKey = (row: AnnexRow): number => keysOf(row).title;

export const duplicateRow: TableRule = {
  id: 'duplicate-row',
  scope: 'table',
  severity: 'error',
  description: '同じ表に主な取組と取組概要が同じ行が二つないこと',
  check: (table) =>
    [...laterCopies(table.rows, wholeKey)].map(
      ([rowId, first]): Finding => ({
        rowId,
        column: { kind: 'row' },
        message: `通し番号 ${first} と同じ取組です（主な取組・取組概要が同じ）`,
      }),
    ),
};

export const duplicateTitle: TableRule = {
  id: 'duplicate-title',
  scope: 'table',
  severity: 'warning',
  description: '同じ表に主な取組が同じ行が二つないこと',
  check: (table) => {
    const titleCopies = laterCopies(table.rows, titleKey);
    if (titleCopies.size === 0) return [];
    const wholeCopies = laterCopies(table.rows, wholeKey);
    return [...titleCopies]
      .filter(([rowId]) => !wholeCopies.has(rowId))
      .map(([rowId, first]): Finding => ({ rowId, column: fieldColumn('title'), message: `主な取組が通し番号 ${first} と同じです` }));
  },
};
