import type { FormatId, ReadOptions, ReadResult } from '../../../shared/codec/document-formats';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import type { DocumentIoRequest, DocumentIoResponse } from './document-io-protocol';

type Pending = { resolve: (response: DocumentIoResponse) => void };

/** Promise API over the file worker; one worker serves the whole window. */
export interface DocumentIo {
  read(bytes: Uint8Array, options: ReadOptions): Promise<ReadResult>;
  write(document: AnnexDocument, format: FormatId): Promise<Uint8Array>;
}

type Request = DocumentIoRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export function createDocumentIo(): DocumentIo {
  const worker = new Worker(new URL('./document-io.worker.ts', import.meta.url), { type: 'module', name: 'document-io' });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  worker.addEventListener('message', (event: MessageEvent<DocumentIoResponse>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  });
  const call = (request: Request): Promise<DocumentIoResponse> =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { resolve });
      worker.postMessage({ ...request, id });
    });
  return {
    async read(bytes, options) {
      const response = await call({ op: 'read', bytes, options });
      if (response.op === 'read') return response.result;
      return { ok: false, error: [response.op === 'failed' ? response.message : '読み込めませんでした'] };
    },
    async write(document, format) {
      const response = await call({ op: 'write', document, format });
      if (response.op === 'write') return response.bytes;
      throw new Error(response.op === 'failed' ? response.message : '書き出せませんでした');
    },
  };
}
