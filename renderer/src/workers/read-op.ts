import { readDocumentBytes, type ReadOptions } from '../../../shared/codec/document-formats';
import { packDocumentInChunks, type RowChunk } from '../../../shared/codec/packed-document';
import type { PackedReadResult } from './document-io-protocol';

// Ten chunks at 50,000 rows: the window unpacks each while the next is packed, and no task of its runs 80 ms.
const CHUNK_ROWS = 5_000;

/**
 * The worker's read: the file parsed and checked, the document's rows packed for the trip to the window, a large
 * table's leading rows sent ahead in chunks through `sendRows` (only once the whole file has passed its checks).
 */
export function readAndPack(bytes: Uint8Array, options: ReadOptions, sendRows: (chunk: RowChunk) => void = () => undefined): PackedReadResult {
  const result = readDocumentBytes(bytes, options);
  return result.ok ? { ok: true, value: { ...result.value, document: packDocumentInChunks(result.value.document, CHUNK_ROWS, sendRows) } } : result;
}
