import type { TableKind } from '../model/annex-document';
import { markColumns, type MarkColumn, type Plan } from '../model/plan';
import { HEADER_LABELS } from '../model/table-names';
import { ROW_ID_HEADER } from './workbook-names';

/**
 * Where everything of a table sheet goes, computed from the plan alone: the left columns, one column per
 * mark column, the hidden id column, and the header band above the rows. Rows and columns are 1-based,
 * as in a worksheet. The band's depth follows the plan: a plan with no sub-columns has no sub-column row.
 */

export type LeftColumnKey = 'number' | 'departments' | 'sections' | 'title' | 'summary';

/** Widths in Excel units (the default font's digit width). */
export interface SheetColumn {
  readonly column: number;
  readonly width: number;
}

export interface LeftColumn extends SheetColumn {
  readonly key: LeftColumnKey;
  readonly header: string;
}

export interface MarkSheetColumn extends SheetColumn {
  readonly mark: MarkColumn;
  /** The first column of its vision: a heavier line runs down its left edge. */
  readonly startsVision: boolean;
}

export type HeaderRole =
  | 'title'
  | 'leftHeader'
  | 'rowIdHeader'
  | 'philosophyLabel'
  | 'philosophy'
  | 'visionLabel'
  | 'visionTitle'
  | 'conceptsLabel'
  | 'conceptLabel'
  | 'conceptTitle'
  | 'subColumnTitle';

/** One cell of the header band; a merged range when it spans more than one cell. */
export interface HeaderCell {
  readonly role: HeaderRole;
  readonly text: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  /** 縦書き: printed as stacked vertical text in a narrow column. */
  readonly vertical: boolean;
}

/** The band's rows, top to bottom. */
export interface BandRows {
  readonly title: number;
  readonly philosophyLabel: number;
  readonly philosophy: number;
  readonly visionLabel: number;
  readonly visionTitle: number;
  readonly conceptsLabel: number;
  readonly conceptLabel: number;
  readonly conceptTitle: number;
  /** Absent when no concept of the plan has sub-columns. */
  readonly subColumnTitle: number | undefined;
  /** The band's last row: the print titles run from 1 to here. */
  readonly last: number;
}

export interface AnnexSheetLayout {
  readonly kind: TableKind;
  readonly leftColumns: readonly LeftColumn[];
  readonly markColumns: readonly MarkSheetColumn[];
  /** The hidden column headed 行ID, right of the matrix and outside the print area. */
  readonly idColumn: SheetColumn & { readonly header: string };
  /** The last column that prints: the matrix's last, or the left columns' last when the plan has none. */
  readonly lastPrintedColumn: number;
  readonly rows: BandRows;
  readonly firstDataRow: number;
  readonly headerCells: readonly HeaderCell[];
  /** Panes freeze below the band and right of 主な取組. */
  readonly frozen: { readonly xSplit: number; readonly ySplit: number };
}

/** Widths chosen so the city sheet fills A3 landscape at about 100 %: 取組概要 wraps at about 44 full-width characters. */
const LEFT_WIDTHS: Record<TableKind, Partial<Record<LeftColumnKey, number>>> = {
  city: { number: 5, departments: 11, sections: 13, title: 28, summary: 76 },
  council: { number: 5, title: 30, summary: 98 },
};
const LEFT_KEYS: Record<TableKind, readonly LeftColumnKey[]> = {
  city: ['number', 'departments', 'sections', 'title', 'summary'],
  council: ['number', 'title', 'summary'],
};
/** A mark column holds 「○」 and a vertical title: narrow. */
export const MARK_COLUMN_WIDTH = 6.5;
export const ID_COLUMN_WIDTH = 14;

/** The column right of which panes freeze. */
const FROZEN_AFTER: LeftColumnKey = 'title';

export function annexSheetLayout(plan: Plan, kind: TableKind, title: string): AnnexSheetLayout {
  const leftColumns: LeftColumn[] = LEFT_KEYS[kind].map((key, index) => ({
    key,
    header: HEADER_LABELS[key],
    column: index + 1,
    width: LEFT_WIDTHS[kind][key] ?? MARK_COLUMN_WIDTH,
  }));
  const firstMark = leftColumns.length + 1;
  const marks: MarkSheetColumn[] = markColumns(plan).map((mark, index, all) => ({
    mark,
    column: firstMark + index,
    width: MARK_COLUMN_WIDTH,
    startsVision: index === 0 || all[index - 1]?.visionIndex !== mark.visionIndex,
  }));
  const lastPrintedColumn = firstMark + marks.length - 1;
  const idColumn = { column: lastPrintedColumn + 1, width: ID_COLUMN_WIDTH, header: ROW_ID_HEADER };

  const hasSubColumns = marks.some((column) => column.mark.subColumn !== undefined);
  const rows: BandRows = {
    title: 1,
    philosophyLabel: 2,
    philosophy: 3,
    visionLabel: 4,
    visionTitle: 5,
    conceptsLabel: 6,
    conceptLabel: 7,
    conceptTitle: 8,
    subColumnTitle: hasSubColumns ? 9 : undefined,
    last: hasSubColumns ? 9 : 8,
  };

  const cells: HeaderCell[] = [];
  const add = (role: HeaderRole, text: string, top: number, left: number, bottom: number, right: number, vertical = false): void => {
    if (right >= left && bottom >= top) cells.push({ role, text, top, left, bottom, right, vertical });
  };
  add('title', title, rows.title, 1, rows.title, lastPrintedColumn);
  for (const column of leftColumns) add('leftHeader', column.header, rows.philosophyLabel, column.column, rows.last, column.column);
  add('rowIdHeader', idColumn.header, rows.philosophyLabel, idColumn.column, rows.last, idColumn.column);
  add('philosophyLabel', HEADER_LABELS.philosophy, rows.philosophyLabel, firstMark, rows.philosophyLabel, lastPrintedColumn);
  add('philosophy', plan.philosophy, rows.philosophy, firstMark, rows.philosophy, lastPrintedColumn);

  // Each vision and each concept spans the run of mark columns that belongs to it.
  const span = (belongs: (column: MarkSheetColumn) => boolean): { left: number; right: number } | undefined => {
    const owned = marks.filter(belongs);
    const first = owned[0];
    const last = owned[owned.length - 1];
    return first && last ? { left: first.column, right: last.column } : undefined;
  };
  plan.visions.forEach((vision, visionIndex) => {
    const visionSpan = span((column) => column.mark.visionIndex === visionIndex);
    if (!visionSpan) return;
    const { left, right } = visionSpan;
    add('visionLabel', vision.label, rows.visionLabel, left, rows.visionLabel, right);
    add('visionTitle', vision.title, rows.visionTitle, left, rows.visionTitle, right);
    add('conceptsLabel', HEADER_LABELS.concepts, rows.conceptsLabel, left, rows.conceptsLabel, right);
    vision.concepts.forEach((concept, conceptIndex) => {
      const conceptSpan = span((column) => column.mark.visionIndex === visionIndex && column.mark.conceptIndex === conceptIndex);
      if (!conceptSpan) return;
      add('conceptLabel', concept.label, rows.conceptLabel, conceptSpan.left, rows.conceptLabel, conceptSpan.right);
      const subColumns = concept.subColumns ?? [];
      if (subColumns.length === 0) {
        add('conceptTitle', concept.title, rows.conceptTitle, conceptSpan.left, rows.last, conceptSpan.right, true);
        return;
      }
      add('conceptTitle', concept.title, rows.conceptTitle, conceptSpan.left, rows.conceptTitle, conceptSpan.right);
      for (const column of marks) {
        if (column.mark.visionIndex === visionIndex && column.mark.conceptIndex === conceptIndex && column.mark.subColumn) {
          const row = rows.subColumnTitle ?? rows.last;
          add('subColumnTitle', column.mark.subColumn.title, row, column.column, row, column.column, true);
        }
      }
    });
  });

  const frozenAfter = leftColumns.find((column) => column.key === FROZEN_AFTER)?.column ?? 0;
  return {
    kind,
    leftColumns,
    markColumns: marks,
    idColumn,
    lastPrintedColumn,
    rows,
    firstDataRow: rows.last + 1,
    headerCells: cells,
    frozen: { xSplit: frozenAfter, ySplit: rows.last },
  };
}

/** The column's letters: 1 → A, 27 → AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The print area for a sheet of `rowCount` rows: the band and the rows, without the id column. */
export function printAreaOf(layout: AnnexSheetLayout, rowCount: number): string {
  return `A1:${columnLetters(layout.lastPrintedColumn)}${layout.firstDataRow + rowCount - 1}`;
}

/** The rows repeated at the top of every printed page: the title and the header band. */
export function printTitleRowsOf(layout: AnnexSheetLayout): string {
  return `${layout.rows.title}:${layout.rows.last}`;
}
