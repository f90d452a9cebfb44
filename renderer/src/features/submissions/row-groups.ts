import type { FileReview, RowReview } from '../../../../shared/submissions/merge-review';

/** A file's rows as the review screen lists them: by what taking them would do. */

export type RowGroupKind = 'changed' | 'added' | 'deleted' | 'conflict' | 'rejected';

export const ROW_GROUP_LABELS: Record<RowGroupKind, string> = {
  changed: '変更',
  added: '追加',
  deleted: '削除',
  conflict: '競合',
  rejected: '対象外',
};

const GROUP_ORDER: readonly RowGroupKind[] = ['changed', 'added', 'deleted', 'conflict', 'rejected'];

export interface RowGroup {
  readonly kind: RowGroupKind;
  readonly rows: readonly RowReview[];
}

/** A changed row with any cell both sides changed is a conflict, its other cells shown with it. */
export function groupOf(row: RowReview): RowGroupKind | null {
  switch (row.kind) {
    case 'changed':
      return row.cells.some((cell) => cell.state === 'conflict') ? 'conflict' : 'changed';
    case 'unchanged':
      return null;
    default:
      return row.kind;
  }
}

export function rowGroups(file: FileReview): { readonly groups: readonly RowGroup[]; readonly unchanged: number } {
  const byKind = new Map<RowGroupKind, RowReview[]>();
  let unchanged = 0;
  for (const row of file.rows) {
    const kind = groupOf(row);
    if (kind === null) unchanged += 1;
    else byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
  }
  return { groups: GROUP_ORDER.flatMap((kind) => (byKind.has(kind) ? [{ kind, rows: byKind.get(kind) ?? [] }] : [])), unchanged };
}

/** Rows per group, for the file list's summary. */
export function groupCounts(file: FileReview): Record<RowGroupKind, number> {
  const counts: Record<RowGroupKind, number> = { changed: 0, added: 0, deleted: 0, conflict: 0, rejected: 0 };
  for (const row of file.rows) {
    const kind = groupOf(row);
    if (kind !== null) counts[kind] += 1;
  }
  return counts;
}
