import { markColumns } from '../model/plan';
import { DEFAULT_SETTINGS, type AnnexDocument, type AnnexRow, type AnnexTable, type DocumentSettings, type TableKind } from '../model/annex-document';
import { assertNever } from '../result';
import { EMPTY_LEDGER } from '../model/ledger';
import { updateRows } from '../model/document-edits';
import { withInsertsPlaced } from './place-inserts';
import { withSend } from '../submissions/send';
import type { CellChange, EditCommand, TableMerge } from './edit-command';

function withRows(document: AnnexDocument, table: TableKind, rows: readonly AnnexRow[]): AnnexDocument {
  const next: AnnexTable = { ...document.tables[table], rows };
  return { ...document, tables: { ...document.tables, [table]: next } };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((value, index) => value === b[index]);

function applyChange(row: AnnexRow, change: CellChange, columnOrder: ReadonlyMap<string, number>): AnnexRow {
  switch (change.field) {
    case 'title':
    case 'summary':
      return row[change.field] === change.value ? row : { ...row, [change.field]: change.value };
    case 'departments':
    case 'sections':
      return sameList(row[change.field], change.value) ? row : { ...row, [change.field]: change.value };
    case 'mark': {
      if (row.marks.includes(change.markId) === change.value) return row;
      const marks = change.value ? [...row.marks, change.markId] : row.marks.filter((mark) => mark !== change.markId);
      // Marks stay in column order, as the JSON form keeps them.
      marks.sort((a, b) => (columnOrder.get(a) ?? 0) - (columnOrder.get(b) ?? 0));
      return { ...row, marks };
    }
    default:
      return assertNever(change);
  }
}

function updateCells(document: AnnexDocument, table: TableKind, changes: readonly CellChange[]): AnnexDocument {
  const byRow = new Map<string, CellChange[]>();
  for (const change of changes) {
    const rowChanges = byRow.get(change.rowId);
    if (rowChanges) rowChanges.push(change);
    else byRow.set(change.rowId, [change]);
  }
  const columnOrder = new Map(markColumns(document.plan).map((column, index) => [column.id, index]));
  return updateRows(document, table, byRow.keys(), (row) =>
    (byRow.get(row.id) as CellChange[]).reduce((current, change) => applyChange(current, change, columnOrder), row),
  );
}

function moveRows(document: AnnexDocument, table: TableKind, rowIds: readonly string[], toIndex: number): AnnexDocument {
  const moving = new Set(rowIds);
  const rows = document.tables[table].rows;
  const moved = rows.filter((row) => moving.has(row.id));
  // toIndex counts positions in the table as it was, so rows moved from above shift it up.
  const before = rows.slice(0, toIndex).filter((row) => moving.has(row.id)).length;
  const rest = rows.filter((row) => !moving.has(row.id));
  const at = Math.max(0, Math.min(rest.length, toIndex - before));
  return withRows(document, table, [...rest.slice(0, at), ...moved, ...rest.slice(at)]);
}

/** Settings changed where they differ from the document's (absent settings are the defaults). */
function setSettings(document: AnnexDocument, change: Partial<DocumentSettings>): AnnexDocument {
  const current = document.settings ?? DEFAULT_SETTINGS;
  const next: DocumentSettings = { ...current, ...change };
  const same = (Object.keys(next) as (keyof DocumentSettings)[]).every((key) => next[key] === current[key]);
  return same ? document : { ...document, settings: next };
}

/** New rows after their anchors (placed while every anchor is still there), then dropped rows, then cells; then the receipts. */
function mergeSubmissions(document: AnnexDocument, command: Extract<EditCommand, { type: 'merge-submissions' }>): AnnexDocument {
  let next = document;
  for (const [table, merge] of Object.entries(command.tables) as [TableKind, TableMerge][]) {
    if (merge.inserts.length > 0 || merge.deletes.length > 0) {
      next = withRows(next, table, withInsertsPlaced(next.tables[table].rows, merge.inserts, merge.deletes));
    }
    next = updateCells(next, table, merge.updates);
  }
  if (command.receipts.length === 0) return next;
  const ledger = next.ledger ?? EMPTY_LEDGER;
  return { ...next, ledger: { ...ledger, receipts: [...ledger.receipts, ...command.receipts] } };
}

/** The document after a command; unchanged parts keep their identity, so validation caches stay warm. */
export function applyCommand(document: AnnexDocument, command: EditCommand): AnnexDocument {
  switch (command.type) {
    case 'update-cells':
      return updateCells(document, command.table, command.changes);
    case 'insert-rows': {
      const rows = document.tables[command.table].rows;
      const at = Math.max(0, Math.min(rows.length, command.index));
      return withRows(document, command.table, [...rows.slice(0, at), ...command.rows, ...rows.slice(at)]);
    }
    case 'delete-rows': {
      const deleting = new Set(command.rowIds);
      return withRows(document, command.table, document.tables[command.table].rows.filter((row) => !deleting.has(row.id)));
    }
    case 'move-rows':
      return moveRows(document, command.table, command.rowIds, command.toIndex);
    case 'replace-document':
      return command.document;
    case 'set-settings':
      return setSettings(document, command.settings);
    case 'merge-submissions':
      return mergeSubmissions(document, command);
    case 'record-send':
      return withSend(document, command.send);
    default:
      return assertNever(command);
  }
}
