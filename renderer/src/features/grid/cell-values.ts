import { joinListText, splitListText } from '../../../../shared/clipboard/list-text';
import type { CellChange } from '../../../../shared/editing/edit-command';
import { readMark } from '../../../../shared/excel/mark-values';
import type { AnnexRow, TableKind } from '../../../../shared/model/annex-document';
import { newRowId } from '../../../../shared/model/row-ids';
import type { GridColumn } from './grid-columns';

export const MARK_TEXT = '○';

/** A cell as text: for copying, for the editor, for the screen. `position` is the row's place in the table. */
export function cellText(row: AnnexRow, column: GridColumn, position: number): string {
  switch (column.kind) {
    case 'number':
      return String(position + 1);
    case 'list':
      return joinListText(row[column.field]);
    case 'text':
      return row[column.field];
    case 'mark':
      return row.marks.includes(column.mark.id) ? MARK_TEXT : '';
  }
}

/** Line breaks as the document keeps them: LF. */
export const normalizeBreaks = (text: string): string => text.replace(/\r\n?/g, '\n');

/**
 * The change that puts `text` into a cell, or null when nothing changes: 通し番号 is read-only, a mark cell
 * takes the forms the importer reads (○, 〇, 1, TRUE, …; empty clears) and leaves other text alone.
 */
export function changeFromText(row: AnnexRow, column: GridColumn, text: string): CellChange | null {
  switch (column.kind) {
    case 'number':
      return null;
    case 'list': {
      const value = splitListText(text);
      const current = row[column.field];
      if (value.length === current.length && value.every((entry, index) => entry === current[index])) return null;
      return { rowId: row.id, field: column.field, value };
    }
    case 'text': {
      const value = normalizeBreaks(text);
      return value === row[column.field] ? null : { rowId: row.id, field: column.field, value };
    }
    case 'mark': {
      const mark = readMark(text);
      if (mark === 'invalid') return null;
      const value = mark === 'mark';
      return value === row.marks.includes(column.mark.id) ? null : { rowId: row.id, field: 'mark', markId: column.mark.id, value };
    }
  }
}

/** The change that empties a cell (Delete), or null when it is empty already or read-only. */
export function clearChange(row: AnnexRow, column: GridColumn): CellChange | null {
  switch (column.kind) {
    case 'number':
      return null;
    case 'list':
      return row[column.field].length === 0 ? null : { rowId: row.id, field: column.field, value: [] };
    case 'text':
      return row[column.field] === '' ? null : { rowId: row.id, field: column.field, value: '' };
    case 'mark':
      return row.marks.includes(column.mark.id) ? { rowId: row.id, field: 'mark', markId: column.mark.id, value: false } : null;
  }
}

/** A row with nothing in it, as Insert makes it. */
export const emptyRow = (table: TableKind): AnnexRow => ({ id: newRowId(table), departments: [], sections: [], title: '', summary: '', marks: [] });

/** A row with a change applied, for rows that a paste adds (they do not exist yet to receive changes). */
export function applyChangeToRow(row: AnnexRow, change: CellChange, markOrder: ReadonlyMap<string, number>): AnnexRow {
  switch (change.field) {
    case 'title':
    case 'summary':
      return { ...row, [change.field]: change.value };
    case 'departments':
    case 'sections':
      return { ...row, [change.field]: change.value };
    case 'mark': {
      const marks = change.value ? [...new Set([...row.marks, change.markId])] : row.marks.filter((mark) => mark !== change.markId);
      marks.sort((a, b) => (markOrder.get(a) ?? 0) - (markOrder.get(b) ?? 0));
      return { ...row, marks };
    }
  }
}
