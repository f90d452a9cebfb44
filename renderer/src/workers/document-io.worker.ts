/// <reference lib="webworker" />
import type { DocumentIoMessage, DocumentIoRequest, DocumentIoResponse } from './document-io-protocol';
import { handleRequest } from './handle-request';
import { transferables } from './submission-ops';

// Untrusted files are parsed here, never on the UI thread and never in the main process.
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.addEventListener('message', (event: MessageEvent<DocumentIoRequest>) => {
  scope.postMessage({ id: event.data.id, op: 'started' } satisfies DocumentIoMessage);
  handleRequest(event.data)
    .catch((cause: unknown): DocumentIoResponse => ({
      id: event.data.id,
      op: 'failed',
      message: `ファイルの処理中にエラーが起きました（${cause instanceof Error ? cause.message : String(cause)}）`,
    }))
    .then((response) => scope.postMessage(response, transferables(response)));
});
