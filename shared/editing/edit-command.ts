import type { AnnexDocument, AnnexRow, DocumentSettings, TableKind } from '../model/annex-document';
import type { ListField, TextField } from '../validation/issue';

/** One cell's new value: a text, a list (部/課), or whether a mark column holds ○. */
export type CellChange =
  | { readonly rowId: string; readonly field: TextField; readonly value: string }
  | { readonly rowId: string; readonly field: ListField; readonly value: readonly string[] }
  | { readonly rowId: string; readonly field: 'mark'; readonly markId: string; readonly value: boolean };

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
  | { readonly type: 'set-settings'; readonly label: string; readonly settings: Partial<DocumentSettings> };
