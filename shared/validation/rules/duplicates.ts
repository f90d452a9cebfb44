import type { AnnexRow } from '../../model/annex-document';
import { fieldColumn, type Finding } from '../issue';
import type { TableRule } from '../rule';
import { keyCount, NO_KEY, sameKey, tableKeys, type KeyKind } from './duplicate-keys';

// A generation counter marks which entries belong to the current walk, so the arrays are never cleared.
let generation = 0;
let seenIn = new Int32Array(0);
let firstNumberOf = new Int32Array(0);

/** For each row after the first with the same key, the 通し番号 of that first row. */
function laterCopies(rows: readonly AnnexRow[], kind: KeyKind): Map<string, number> {
  const keys = tableKeys(rows)[kind];
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
    if (seenIn[id] === generation) {
      const first = firstNumberOf[id] as number;
      const row = rows[index] as AnnexRow;
      if (sameKey(kind, rows[first - 1] as AnnexRow, row)) copies.set(row.id, first);
    } else {
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
    [...laterCopies(table.rows, 'whole')].map(
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
    const titleCopies = laterCopies(table.rows, 'title');
    if (titleCopies.size === 0) return [];
    const wholeCopies = laterCopies(table.rows, 'whole');
    return [...titleCopies]
      .filter(([rowId]) => !wholeCopies.has(rowId))
      .map(([rowId, first]): Finding => ({ rowId, column: fieldColumn('title'), message: `主な取組が通し番号 ${first} と同じです` }));
  },
};
