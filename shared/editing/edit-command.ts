import type { AnnexDocument, AnnexRow, DocumentSettings, TableKind } from '../model/annex-document';
import type { LedgerReceipt, LedgerSend } from '../model/ledger';
import type { ListField, TextField } from '../validation/issue';

/** One cell's new value: a text, a list (部/課), or whether a mark column holds ○. */
export type CellChange =
  | { readonly rowId: string; readonly field: TextField; readonly value: string }
  | { readonly rowId: string; readonly field: ListField; readonly value: readonly string[] }
  | { readonly rowId: string; readonly field: 'mark'; readonly markId: string; readonly value: boolean };

/** New rows placed after an existing row (null: at the table's end). */
export interface RowInsert {
  readonly afterRowId: string | null;
  readonly rows: readonly AnnexRow[];
}

/** What returned files change in one table: cells, new rows, dropped rows. */
export interface TableMerge {
  readonly updates: readonly CellChange[];
  readonly inserts: readonly RowInsert[];
  readonly deletes: readonly string[];
}

/**
 * Every change to a document is one of these, so undo/redo, dirty tracking and autosave see them all.
 * `label` is the Japanese name shown in 元に戻す/やり直し.
 */
export type EditCommand =
  | { readonly type: 'update-cells'; readonly label: string; readonly table: TableKind; readonly changes: readonly CellChange[] }
  | { readonly type: 'insert-rows'; readonly label: string; readonly table: TableKind; readonly index: number; readonly rows: readonly AnnexRow[] }
  | { readonly type: 'delete-rows'; readonly label: string; readonly table: TableKind; readonly rowIds: readonly string[] }
  | { readonly type: 'move-rows'; readonly label: string; readonly table: TableKind; readonly rowIds: readonly string[]; readonly toIndex: number }
  | { readonly type: 'replace-document'; readonly label: string; readonly document: AnnexDocument }
  /** How the document prints (the paper), kept in the document so every PC prints it alike. */
  | { readonly type: 'set-settings'; readonly label: string; readonly settings: Partial<DocumentSettings> }
  /** Sections' returned files taken in as one step: their chosen changes, and the ledger's record of each file. */
  | {
      readonly type: 'merge-submissions';
      readonly label: string;
      readonly tables: Readonly<Partial<Record<TableKind, TableMerge>>>;
      readonly receipts: readonly LedgerReceipt[];
    }
  /** Workbooks sent to the sections (or one sent back): the ledger keeps the rows as sent, the base of their answers. */
  | { readonly type: 'record-send'; readonly label: string; readonly send: LedgerSend };
