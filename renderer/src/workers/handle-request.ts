import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { writerFor } from '../../../shared/codec/document-formats';
import { unpackDocument } from '../../../shared/codec/packed-rows';
import { readAndPack } from './read-op';
import type { DocumentIoRequest, DocumentIoResponse, UnpackedRequest } from './document-io-protocol';
import { runSubmissionOp } from './submission-ops';

/** The request with its document's rows unpacked (the window packs them to send them in milliseconds). */
const unpacked = (request: DocumentIoRequest): UnpackedRequest =>
  request.op === 'read' ? request : ({ ...request, document: unpackDocument(request.document) } as UnpackedRequest);

/** The file worker's answer to one request (document-io.worker.ts is only its message loop). */
export async function handleRequest(packed: DocumentIoRequest): Promise<DocumentIoResponse> {
  const request = unpacked(packed);
  if (request.op === 'read') return { id: request.id, op: 'read', result: readAndPack(request.bytes, request.options) };
  if (request.op === 'json-text') return { id: request.id, op: 'json-text', text: stringifyAnnexJson(request.document) };
  if (request.op !== 'write') return runSubmissionOp(request);
  const write = writerFor(request.format);
  if (!write) return { id: request.id, op: 'failed', message: `${request.format} 形式では書き出せません` };
  return { id: request.id, op: 'write', bytes: await write(request.document) };
}
