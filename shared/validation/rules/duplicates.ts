import type { AnnexRow } from '../../model/annex-document';
import { fieldColumn, type Finding } from '../issue';
import type { TableRule } from '../rule';

// Spacing and width do not make two initiatives different.
const comparable = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/** For each row after the first with the same key, the 通し番号 of that first row. */
function laterCopies(rows: readonly AnnexRow[], key: (row: AnnexRow) => string | undefined): Map<string, number> {
  const firstNumber = new Map<string, number>();
  const copies = new Map<string, number>();
  rows.forEach((row, index) => {
    const value = key(row);
    if (value === undefined) return;
    const first = firstNumber.get(value);
    if (first === undefined) firstNumber.set(value, index + 1);
    else copies.set(row.id, first);
  });
  return copies;
}

interface RowKeys {
  readonly whole: string | undefined;
  readonly title: string | undefined;
}

// Rows are immutable, so their keys are computed once; re-validation after an edit stays cheap.
const keysByRow = new WeakMap<AnnexRow, RowKeys>();

function keysOf(row: AnnexRow): RowKeys {
  let keys = keysByRow.get(row);
  if (!keys) {
    const title = row.title.trim() ? comparable(row.title) : undefined;
    const whole = title !== undefined || row.summary.trim() ? `${comparable(row.title)}\u0000${comparable(row.summary)}` : undefined;
    keys = { whole, title };
    keysByRow.set(row, keys);
  }
  return keys;
}

const rowKey = (row: AnnexRow): string | undefined => keysOf(row).whole;
const titleKey = (row: AnnexRow): string | undefined => keysOf(row).title;

export const duplicateRow: TableRule = {
  id: 'duplicate-row',
  scope: 'table',
  severity: 'error',
  description: '同じ表に主な取組と取組概要が同じ行が二つないこと',
  check: (table) =>
    [...laterCopies(table.rows, rowKey)].map(
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
    const wholeCopies = laterCopies(table.rows, rowKey);
    return [...laterCopies(table.rows, titleKey)]
      .filter(([rowId]) => !wholeCopies.has(rowId))
      .map(([rowId, first]): Finding => ({ rowId, column: fieldColumn('title'), message: `主な取組が通し番号 ${first} と同じです` }));
  },
};
