import type { TableKind } from '../../../../shared/model/annex-document';
import { markColumns, type MarkColumn, type Plan } from '../../../../shared/model/plan';
import { HEADER_LABELS } from '../../../../shared/model/table-names';
import type { ColumnRef, ListField, TextField } from '../../../../shared/validation/issue';

/** What a grid column holds; the order of `gridColumns` is the order on screen and for the keyboard. */
export type GridColumn =
  | { readonly id: 'number'; readonly kind: 'number'; readonly label: string }
  | { readonly id: ListField; readonly kind: 'list'; readonly field: ListField; readonly label: string }
  | { readonly id: TextField; readonly kind: 'text'; readonly field: TextField; readonly label: string }
  | { readonly id: string; readonly kind: 'mark'; readonly mark: MarkColumn; readonly label: string };

export type GridColumnKind = GridColumn['kind'];

/** A mark column's grid id: the same key `columnKey` gives its problems. */
export const markColumnId = (markId: string): string => `mark:${markId}`;

/** The full name of a mark column: 目指す地域像１（２）旭川市成年後見制度利用促進計画関係. */
export function markColumnLabel(mark: MarkColumn): string {
  const concept = `${mark.vision.label}${mark.concept.label}`;
  return mark.subColumn ? `${concept}${mark.concept.title}／${mark.subColumn.title}` : `${concept}${mark.concept.title}`;
}

export function gridColumns(plan: Plan, table: TableKind): GridColumn[] {
  const columns: GridColumn[] = [{ id: 'number', kind: 'number', label: HEADER_LABELS.number }];
  // The council table has no 部/課 columns, as printed.
  if (table === 'city') {
    columns.push({ id: 'departments', kind: 'list', field: 'departments', label: HEADER_LABELS.departments });
    columns.push({ id: 'sections', kind: 'list', field: 'sections', label: HEADER_LABELS.sections });
  }
  columns.push({ id: 'title', kind: 'text', field: 'title', label: HEADER_LABELS.title });
  columns.push({ id: 'summary', kind: 'text', field: 'summary', label: HEADER_LABELS.summary });
  for (const mark of markColumns(plan)) columns.push({ id: markColumnId(mark.id), kind: 'mark', mark, label: markColumnLabel(mark) });
  return columns;
}

/** The grid column a problem or a focus request names; the matrix as a whole lands on its first column. */
export function columnIdOf(ref: ColumnRef, columns: readonly GridColumn[]): string | undefined {
  switch (ref.kind) {
    case 'field':
      return columns.some((column) => column.id === ref.field) ? ref.field : undefined;
    case 'mark':
      return markColumnId(ref.markId);
    case 'marks':
      return columns.find((column) => column.kind === 'mark')?.id;
    case 'row':
      return 'number';
  }
}

export function columnRefOf(column: GridColumn): ColumnRef {
  switch (column.kind) {
    case 'number':
      return { kind: 'row' };
    case 'list':
    case 'text':
      return { kind: 'field', field: column.field };
    case 'mark':
      return { kind: 'mark', markId: column.mark.id };
  }
}
