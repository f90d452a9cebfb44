import { fieldColumn, type Finding } from '../issue';
import type { TableRule } from '../rule';
import { laterCopies } from './key-places';

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
