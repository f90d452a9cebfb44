import type { AnnexRow } from '../model/annex-document';
import { markColumns, type Plan } from '../model/plan';
import { HEADER_LABELS } from '../model/table-names';
import type { CellDiff, CellField, CellState, CellValue } from './merge-review';

/** One row's cells, three ways: as sent (base), as returned (theirs), as in the annex now (ours). */

export function cellValue(row: AnnexRow, field: CellField): CellValue {
  if (field.startsWith('mark:')) return row.marks.includes(field.slice('mark:'.length));
  return row[field as Exclude<CellField, `mark:${string}`>];
}

export function sameValue(a: CellValue | null, b: CellValue | null): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, index) => value === b[index]);
  return a === b;
}

/** The fields compared, in the order a row is read: 部, 課, 主な取組, 取組概要, then the marks in column order. */
export const rowFields = (markIds: readonly string[]): CellField[] => ['departments', 'sections', 'title', 'summary', ...markIds.map((id): CellField => `mark:${id}`)];

function stateOf(base: CellValue, theirs: CellValue, ours: CellValue | null): CellState {
  if (sameValue(theirs, base) || sameValue(theirs, ours)) return 'same';
  return ours !== null && sameValue(ours, base) ? 'proposed' : 'conflict';
}

/** The cells where the three are not all the same. A row gone from the annex (ours undefined) conflicts wherever the section changed it. */
export function compareRow(base: AnnexRow, theirs: AnnexRow, ours: AnnexRow | undefined, fields: readonly CellField[]): CellDiff[] {
  const cells: CellDiff[] = [];
  for (const field of fields) {
    const was = cellValue(base, field);
    const returned = cellValue(theirs, field);
    const now = ours ? cellValue(ours, field) : null;
    // Untouched by the section: worth showing only while the annex still has the row (it may have moved there).
    if (sameValue(returned, was) && (ours === undefined || sameValue(now, was))) continue;
    cells.push({ field, base: was, theirs: returned, ours: now, state: stateOf(was, returned, now) });
  }
  return cells;
}

/** The cell as a person names it: 取組概要, or 目指す地域像１（２）「旭川市成年後見制度利用促進計画関係」の○. */
export function fieldLabel(plan: Plan, field: CellField): string {
  if (!field.startsWith('mark:')) return HEADER_LABELS[field as Exclude<CellField, `mark:${string}`>];
  const column = markColumns(plan).find((candidate) => `mark:${candidate.id}` === field);
  if (!column) return field;
  return `${column.vision.label}${column.concept.label}${column.subColumn ? `「${column.subColumn.title}」` : ''}の○`;
}
