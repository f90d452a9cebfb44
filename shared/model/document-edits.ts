import type { AnnexDocument, AnnexRow, TableKind } from './annex-document';
import { withRowsReplaced } from './row-lineage';
import { rowPositions } from './row-positions';

/**
 * A new document with the rows of `rowIds` passed through `update`, as one new rows array (ids not in the table
 * are skipped): many rows changed at once cost one copy of the table, not one per row. Every other row keeps its
 * identity (and its cached checks).
 */
export function updateRows(
  document: AnnexDocument,
  table: TableKind,
  rowIds: Iterable<string>,
  update: (row: AnnexRow) => AnnexRow,
): AnnexDocument {
  const rows = document.tables[table].rows;
  const positions = rowPositions(rows);
  const replacements = new Map<number, AnnexRow>();
  for (const rowId of rowIds) {
    const position = positions.get(rowId);
    if (position === undefined) continue;
    const current = rows[position] as AnnexRow;
    const next = update(current);
    if (next !== current) replacements.set(position, next);
  }
  if (replacements.size === 0) return document;
  // The new array remembers which positions changed (see row-lineage).
  const nextRows = withRowsReplaced(rows, replacements);
  return { ...document, tables: { ...document.tables, [table]: { ...document.tables[table], rows: nextRows } } };
}

/** A new document with one row replaced; every other row keeps its identity (and its cached checks). */
export function updateRow(
  document: AnnexDocument,
  table: TableKind,
  rowId: string,
  update: (row: AnnexRow) => AnnexRow,
): AnnexDocument {
  if (!rowPositions(document.tables[table].rows).has(rowId)) throw new RangeError(`No row ${rowId} in table ${table}`);
  return updateRows(document, table, [rowId], update);
}
