import { TABLE_KINDS, type AnnexDocument, type TableKind } from './annex-document';
import { markColumns } from './plan';

export interface TableStats {
  readonly rows: number;
  readonly marks: number;
  /** Mark-column id → how many rows of the table mark it, in column order. */
  readonly marksByColumn: Readonly<Record<string, number>>;
}

export function tableStats(document: AnnexDocument, table: TableKind): TableStats {
  const counts: Record<string, number> = Object.fromEntries(markColumns(document.plan).map((column) => [column.id, 0]));
  let marks = 0;
  for (const row of document.tables[table].rows) {
    for (const mark of row.marks) {
      counts[mark] = (counts[mark] ?? 0) + 1;
      marks++;
    }
  }
  return { rows: document.tables[table].rows.length, marks, marksByColumn: counts };
}

export function documentStats(document: AnnexDocument): Record<TableKind, TableStats> {
  return Object.fromEntries(TABLE_KINDS.map((table) => [table, tableStats(document, table)])) as Record<TableKind, TableStats>;
}
