import type { AnnexDocument, AnnexRow, TableKind } from './annex-document';
import { withRowsReplaced } from './row-lineage';
import { rowPositions } from './row-positions';

/** A new document with one row replaced; every other row keeps its identity (and its cached checks). */
export function updateRow(
  document: AnnexDocument,
  table: TableKind,
  rowId: string,
  update: (row: AnnexRow) => AnnexRow,
): AnnexDocument {
  const rows = document.tables[table].rows;
  const index = rowPositions(rows).get(rowId) ?? -1;
  const current = rows[index];
  if (!current) throw new RangeError(`No row ${rowId} in table ${table}`);
  const next = update(current);
  if (next === current) return document;
  const nextRows = withRowsReplaced(rows, new Map([[index, next]]));
  return { ...document, tables: { ...document.tables, [table]: { ...document.tables[table], rows: nextRows } } };
}
