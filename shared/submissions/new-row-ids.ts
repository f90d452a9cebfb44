import { TABLE_KINDS, type AnnexDocument, type TableKind } from '../model/annex-document';

/**
 * Ids for rows a section adds: the table, the send and a counter (city-s20250401-ab12cd34-1), skipping every id the annex
 * or this intake already uses. Derived, not random, so the same intake of the same files proposes the same ids.
 */
export class NewRowIds {
  private readonly used: Set<string>;

  constructor(annex: AnnexDocument) {
    this.used = new Set(TABLE_KINDS.flatMap((table) => annex.tables[table].rows.map((row) => row.id)));
  }

  next(table: TableKind, sendId: string | null): string {
    const stem = `${table}-${sendId ?? 'new'}`;
    for (let counter = 1; ; counter += 1) {
      const id = `${stem}-${counter}`;
      if (!this.used.has(id)) {
        this.used.add(id);
        return id;
      }
    }
  }
}
