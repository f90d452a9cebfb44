import type { RowRule } from '../rule';
import { NO_FINDINGS } from './no-findings';

export const marksRequired: RowRule = {
  id: 'marks-required',
  scope: 'row',
  severity: 'error',
  description: '各行に○が一つ以上あること',
  check: (row) =>
    row.marks.length === 0
      ? [{ rowId: row.id, column: { kind: 'marks' }, message: '○が一つもありません。当てはまる基本的な考え方に○を付けてください' }]
      : NO_FINDINGS,
};
