import type { TableKind } from '../model/annex-document';

export type Severity = 'error' | 'warning';

export type TextField = 'title' | 'summary';
export type ListField = 'departments' | 'sections';
export type RowField = TextField | ListField;

/** Which cell a problem sits on: a field, one mark column, the matrix as a whole, or the row itself. */
export type ColumnRef =
  | { readonly kind: 'field'; readonly field: RowField }
  | { readonly kind: 'mark'; readonly markId: string }
  | { readonly kind: 'marks' }
  | { readonly kind: 'row' };

/** A fix is the field's new value, so applying it is an ordinary, undoable edit. */
export type FixEdit =
  | { readonly field: TextField; readonly value: string }
  | { readonly field: ListField; readonly value: readonly string[] };

export interface Fix {
  /** What the fix does, in Japanese, for a button or a menu. */
  readonly label: string;
  /** Safe fixes may be applied all at once; the others are offered one by one. */
  readonly safe: boolean;
  readonly edit: FixEdit;
}

export interface ValidationIssue {
  readonly rule: string;
  readonly severity: Severity;
  readonly table: TableKind;
  readonly rowId: string;
  readonly column: ColumnRef;
  readonly message: string;
  readonly fix?: Fix;
}

/** A rule's finding before the engine adds the rule, severity and table. */
export type Finding = Omit<ValidationIssue, 'rule' | 'severity' | 'table'>;

export function fieldColumn(field: RowField): ColumnRef {
  return { kind: 'field', field };
}

/** A key that names the cell a problem sits on, for maps from cells to their problems. */
export function columnKey(column: ColumnRef): string {
  switch (column.kind) {
    case 'field':
      return column.field;
    case 'mark':
      return `mark:${column.markId}`;
    case 'marks':
      return 'marks';
    case 'row':
      return 'row';
  }
}
