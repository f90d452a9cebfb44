import type { CellChange, EditCommand, RowInsert, TableMerge } from '../editing/edit-command';
import type { TableKind } from '../model/annex-document';
import type { AppliedChange, LedgerReceipt } from '../model/ledger';
import type { CellDiff, FileReview, MergeReview, RowReview } from './merge-review';
import { isCellChosen, isRowChosen, type MergeSelection } from './selection';

/** The chosen part of a review as one undoable edit, with a receipt for every file taken in (what came from which file). */

function cellChange(rowId: string, cell: CellDiff): CellChange {
  const { field, theirs } = cell;
  if (field.startsWith('mark:')) return { rowId, field: 'mark', markId: field.slice('mark:'.length), value: theirs === true };
  if (field === 'departments' || field === 'sections') return { rowId, field, value: theirs as readonly string[] };
  return { rowId, field: field as 'title' | 'summary', value: String(theirs) };
}

interface Building {
  updates: CellChange[];
  /** New rows by the row they go after ('' for the table's end): every file's rows for one place together, in file order. */
  inserts: Map<string, RowInsert>;
  deletes: string[];
}

/** What a row contributes when chosen, and what the receipt says of it. */
function takeRow(file: FileReview, row: RowReview, selection: MergeSelection, table: Building): AppliedChange | undefined {
  if (!isRowChosen(selection, file, row)) return undefined;
  const applied = { table: row.table, rowId: row.rowId };
  switch (row.kind) {
    case 'changed': {
      // A row gone from the annex has nothing to change.
      if (!row.ours) return undefined;
      const cells = row.cells.filter((cell) => cell.state !== 'same' && isCellChosen(selection, file, row, cell.field));
      table.updates.push(...cells.map((cell) => cellChange(row.rowId, cell)));
      return { ...applied, kind: 'changed', fields: cells.map((cell) => cell.field) };
    }
    case 'added': {
      if (!row.theirs) return undefined;
      const place = row.insertAfter ?? '';
      const before = table.inserts.get(place);
      table.inserts.set(place, { afterRowId: row.insertAfter, rows: [...(before?.rows ?? []), row.theirs] });
      return { ...applied, kind: 'added', fields: [] };
    }
    case 'deleted':
      table.deletes.push(row.rowId);
      return { ...applied, kind: 'deleted', fields: [] };
    default:
      return undefined;
  }
}

export interface MergeOptions {
  /** ISO 8601: when the files were taken in. */
  readonly receivedAt: string;
}

/** The command applying the chosen changes of every file that can change anything, and receipting each such file. */
export function buildMergeCommand(review: MergeReview, selection: MergeSelection, options: MergeOptions): Extract<EditCommand, { type: 'merge-submissions' }> {
  const tables = new Map<TableKind, Building>();
  const receipts: LedgerReceipt[] = [];
  const taken = review.files.filter((file) => file.status === 'ok');
  for (const file of taken) {
    const applied: AppliedChange[] = [];
    for (const row of file.rows) {
      const table = tables.get(row.table) ?? { updates: [], inserts: new Map(), deletes: [] };
      tables.set(row.table, table);
      const change = takeRow(file, row, selection, table);
      if (change) applied.push(change);
    }
    receipts.push({
      fileName: file.fileName,
      fileHash: file.fileHash,
      receivedAt: options.receivedAt,
      sendId: file.sendId ?? '',
      recipient: file.recipient?.key ?? '',
      applied,
    });
  }
  const merges: Partial<Record<TableKind, TableMerge>> = {};
  for (const [table, { updates, inserts, deletes }] of tables) {
    if (updates.length + inserts.size + deletes.length > 0) merges[table] = { updates, inserts: [...inserts.values()], deletes };
  }
  const changed = receipts.reduce((count, receipt) => count + receipt.applied.length, 0);
  return { type: 'merge-submissions', label: `提出の取り込み（${taken.length} ファイル・${changed} 行）`, tables: merges, receipts };
}
