import type { CellDiff, FileReview, RowReview } from './merge-review';
import type { Plan } from '../model/plan';
import { fieldLabel, sameValue } from './three-way';

/**
 * Files of one intake that change the same cell differently (a row shared by several 課, or an old and a new send of
 * one 課) conflict with each other whatever the annex says: neither is proposed alone. A row one file drops and
 * another changes is said on both.
 */

const shown = (value: CellDiff['theirs']): string => (Array.isArray(value) ? value.join('・') : typeof value === 'boolean' ? (value ? '○' : '空欄') : String(value));

export function markCrossFileConflicts(files: readonly FileReview[], plan: Plan): FileReview[] {
  const claims = new Map<string, { file: number; value: CellDiff['theirs'] }[]>();
  const fates = new Map<string, { file: number; kind: RowReview['kind'] }[]>();
  files.forEach((file, index) => {
    if (file.status !== 'ok') return;
    for (const row of file.rows) {
      const rowKey = `${row.table}|${row.rowId}`;
      if (row.kind === 'changed' || row.kind === 'deleted') fates.set(rowKey, [...(fates.get(rowKey) ?? []), { file: index, kind: row.kind }]);
      for (const cell of row.cells) {
        if (cell.state === 'same') continue;
        const key = `${rowKey}|${cell.field}`;
        claims.set(key, [...(claims.get(key) ?? []), { file: index, value: cell.theirs }]);
      }
    }
  });
  return files.map((file, index) => {
    if (file.status !== 'ok') return file;
    const rows = file.rows.map((row): RowReview => {
      const problems = [...row.problems];
      const rowKey = `${row.table}|${row.rowId}`;
      const cells = row.cells.map((cell): CellDiff => {
        const others = (claims.get(`${rowKey}|${cell.field}`) ?? []).filter((claim) => claim.file !== index && !sameValue(claim.value, cell.theirs));
        if (cell.state === 'same' || others.length === 0) return cell;
        for (const other of others) problems.push(`${fieldLabel(plan, cell.field)}を「${files[other.file]?.fileName}」は「${shown(other.value)}」に変更しています`);
        return { ...cell, state: 'conflict' };
      });
      const fate = fates.get(rowKey) ?? [];
      if (row.kind === 'changed' || row.kind === 'deleted') {
        for (const other of fate.filter((claim) => claim.file !== index && claim.kind !== row.kind)) {
          problems.push(`「${files[other.file]?.fileName}」はこの行を${other.kind === 'deleted' ? '削除' : '変更'}しています`);
        }
      }
      return problems.length === row.problems.length ? row : { ...row, cells, problems };
    });
    return { ...file, rows };
  });
}
