/// <reference lib="webworker" />
import { writerFor } from '../../../shared/codec/document-formats';
import { readAndPack } from './read-op';
import type { DocumentIoMessage, DocumentIoRequest, DocumentIoResponse } from './document-io-protocol';
import { runSubmissionOp, transferables } from './submission-ops';

// Untrusted files are parsed here, never on the UI thread and never in the main process.
const scope = self as unknown as DedicatedWorkerGlobalScope;

async function handle(request: DocumentIoRequest): Promise<DocumentIoResponse> {
  if (request.op === 'read') return { id: request.id, op: 'read', result: readAndPack(request.bytes, request.options) };
  if (request.op !== 'write') return runSubmissionOp(request);
  const write = writerFor(request.format);
  if (!write) return { id: request.id, op: 'failed', message: `${request.format} 形式では書き出せません` };
  return { id: request.id, op: 'write', bytes: await write(request.document) };
}

scope.addEventListener('message', (event: MessageEvent<DocumentIoRequest>) => {
  scope.postMessage({ id: event.data.id, op: 'started' } satisfies DocumentIoMessage);
  handle(event.data)
    .catch((cause: unknown): DocumentIoResponse => ({
      id: event.data.id,
      op: 'failed',
      message: `ファイルの処理中にエラーが起きました（${cause instanceof Error ? cause.message : String(cause)}）`,
    }))
    .then((response) => scope.postMessage(response, transferables(response)));
});
