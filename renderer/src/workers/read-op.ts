import { readDocumentBytes, type ReadOptions } from '../../../shared/codec/document-formats';
import { packDocument } from '../../../shared/codec/packed-rows';
import type { PackedReadResult } from './document-io-protocol';

/** The worker's read: the file parsed and checked, the document's rows packed for the trip to the window. */
export function readAndPack(bytes: Uint8Array, options: ReadOptions): PackedReadResult {
  const result = readDocumentBytes(bytes, options);
  return result.ok ? { ok: true, value: { ...result.value, document: packDocument(result.value.document) } } : result;
}
