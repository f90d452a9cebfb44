import type { AnnexRow } from '../../model/annex-document';
import { fieldColumn, type Finding } from '../issue';
import type { TableRule } from '../rule';
import { keyCount, NO_KEY, tableKeys } from './duplicate-keys';

// A generation counter marks which entries belong to the current walk, so the arrays are never cleared.
let generation = 0;
let seenIn = new Int32Array(0);
let firstNumberOf = new Int32Array(0);

/** For each row after the first with the same key, the 通し番号 of that first row. */
function laterCopies(rows: readonly AnnexRow[], keys: Int32Array): Map<string, number> {
  generation++;
  if (seenIn.length < keyCount()) {
    // Grown ahead of need, and started over so no entry claims a past generation.
    seenIn = new Int32Array(keyCount() * 2);
    firstNumberOf = new Int32Array(keyCount() * 2);
    generation = 1;
  }
  const copies = new Map<string, number>();
  for (let index = 0; index < rows.length; index++) {
    const id = keys[index] as number;
    if (id === NO_KEY) continue;
    if (seenIn[id] === generation) copies.set((rows[index] as AnnexRow).id, firstNumberOf[id] as number);
    else {
      seenIn[id] = generation;
      firstNumberOf[id] = index + 1;
    }
  }
  return copies;
}

export const duplicateRow: TableRule = {
  id: 'duplicate-row',
  scope: 'table',
  severity: 'error',
  description: '同じ表に主な取組と取組概要が同じ行が二つないこと',
  check: (table) =>
    [...laterCopies(table.rows, tableKeys(table.rows).whole)].map(
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
    const keys = tableKeys(table.rows);
    const titleCopies = laterCopies(table.rows, keys.title);
    if (titleCopies.size === 0) return [];
    const wholeCopies = laterCopies(table.rows, keys.whole);
    return [...titleCopies]
      .filter(([rowId]) => !wholeCopies.has(rowId))
      .map(([rowId, first]): Finding => ({ rowId, column: fieldColumn('title'), message: `主な取組が通し番号 ${first} と同じです` }));
  },
};
