import type { AnnexDocument, AnnexTable } from '../model/annex-document';
import { RowPacker, RowUnpacker, type PackedRows } from './packed-rows';

type TableKey = keyof AnnexDocument['tables'];

/** A document whose tables' rows are packed; everything else (plan, masters, ledger) goes as it is. */
export type PackedDocument = Omit<AnnexDocument, 'tables'> & {
  readonly tables: Record<TableKey, Omit<AnnexTable, 'rows'> & { readonly rows: PackedRows }>;
};

/** Rows of one table sent ahead of the document that ends them, so the receiver unpacks while the sender packs. */
export interface RowChunk {
  readonly table: TableKey;
  readonly rows: PackedRows;
}

/**
 * The document packed, each table's rows in chunks of `chunkRows`: every chunk but the last goes to `send` at
 * once, the last in the document returned. At 50,000 rows the window's unpacking (~80 ms) then runs while the
 * worker packs (~45 ms) instead of after it.
 */
export function packDocumentInChunks(document: AnnexDocument, chunkRows: number, send: (chunk: RowChunk) => void): PackedDocument {
  const table = (key: TableKey): PackedDocument['tables'][TableKey] => {
    const { rows, ...rest } = document.tables[key];
    const packer = new RowPacker();
    let start = 0;
    for (; rows.length - start > chunkRows; start += chunkRows) send({ table: key, rows: packer.pack(rows.slice(start, start + chunkRows)) });
    return { ...rest, rows: packer.pack(start === 0 ? rows : rows.slice(start)) };
  };
  return { ...document, tables: { city: table('city'), council: table('council') } };
}

export const packDocument = (document: AnnexDocument): PackedDocument => packDocumentInChunks(document, Infinity, () => undefined);

/** The receiving end of packDocumentInChunks: chunks unpacked as they come, the document put together at its end. */
export class RowChunkReceiver {
  private readonly unpackers: Record<TableKey, RowUnpacker> = { city: new RowUnpacker(), council: new RowUnpacker() };
  private readonly received: Record<TableKey, AnnexTable['rows'][]> = { city: [], council: [] };

  add({ table, rows }: RowChunk): void {
    this.received[table].push(this.unpackers[table].unpack(rows));
  }

  document(packed: PackedDocument): AnnexDocument {
    const table = (key: TableKey): AnnexTable => {
      const { rows, ...rest } = packed.tables[key];
      const last = this.unpackers[key].unpack(rows);
      const earlier = this.received[key];
      return { ...rest, rows: earlier.length === 0 ? last : [...earlier, last].flat() };
    };
    return { ...packed, tables: { city: table('city'), council: table('council') } };
  }
}

export const unpackDocument = (packed: PackedDocument): AnnexDocument => new RowChunkReceiver().document(packed);

const buffersOf = (rows: PackedRows): ArrayBuffer[] => [rows.text.buffer, rows.lengths.buffer] as ArrayBuffer[];

/** The buffers of a packed document, to transfer instead of copy. */
export const packedBuffers = (packed: PackedDocument): ArrayBuffer[] => [packed.tables.city.rows, packed.tables.council.rows].flatMap(buffersOf);

/** The buffers of a chunk, to transfer instead of copy. */
export const chunkBuffers = (chunk: RowChunk): ArrayBuffer[] => buffersOf(chunk.rows);
