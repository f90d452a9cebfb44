import type { ReadOptions, ReadResult } from '../../../shared/codec/document-formats';
import type { FormatId } from '../../../shared/codec/format-table';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { packDocument, packedBuffers, unpackDocument } from '../../../shared/codec/packed-rows';
import type { FileReview, MergeReview } from '../../../shared/submissions/merge-review';
import type { SubmissionFile } from '../../../shared/submissions/review-submissions';
import type { SendBack, SendBackOptions } from '../../../shared/submissions/send-back';
import type { SendOptions } from '../../../shared/submissions/send';
import type { DocumentIoMessage, DocumentIoRequest, DocumentIoResponse, SentWorkbooks } from './document-io-protocol';

/** What the worker is doing for the user now, for the progress bar; background work (autosave) has none. */
export interface IoActivity {
  readonly label: string;
  readonly startedAt: number;
}

/** A read the user cancelled: nothing was read and nothing changes. */
export interface ReadCancelled {
  readonly ok: false;
  readonly cancelled: true;
}

export type ReadOutcome = ReadResult | ReadCancelled;

export class WriteCancelledError extends Error {
  constructor() {
    super('書き出しを中止しました');
    this.name = 'WriteCancelledError';
  }
}

export const isCancelled = (outcome: ReadOutcome): outcome is ReadCancelled => 'cancelled' in outcome;

/** Promise API over the file worker; one worker serves the whole window. */
export interface DocumentIo {
  /**
   * `label` names the work in the progress bar; without one the work runs in the background. The bytes are
   * handed to the worker (their buffer is detached): the caller must not use them afterwards.
   */
  read(bytes: Uint8Array, options: ReadOptions, label?: string): Promise<ReadOutcome>;
  /** Rejects with WriteCancelledError when the user cancels. */
  write(document: AnnexDocument, format: FormatId, label?: string): Promise<Uint8Array>;
  /**
   * The document's JSON text, made and decoded in the worker: at 50,000 rows decoding its bytes here would
   * hold the window ~120 ms on every autosave. Rejects with WriteCancelledError when cancelled.
   */
  jsonText(document: AnnexDocument): Promise<string>;
  /** A send's record and its workbooks; null when the user cancels. */
  send(document: AnnexDocument, options: SendOptions, label: string): Promise<SentWorkbooks | null>;
  /** Returned files compared with their sends and the annex; null when the user cancels. */
  review(document: AnnexDocument, files: readonly SubmissionFile[], label: string): Promise<MergeReview | null>;
  /** A reviewed file's answer as a workbook sent back, and its send; null when the user cancels. */
  sendBack(document: AnnexDocument, file: FileReview, options: SendBackOptions, label: string): Promise<SendBack | null>;
  readonly activity: { subscribe(listener: () => void): () => void; current(): IoActivity | null };
  /** Stops whatever the worker is doing: a synchronous parse can only be stopped by ending its worker. */
  cancel(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type Request = DocumentIoRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
/** A request that carries the document, before the document is packed into it. */
type DocumentRequest = DistributiveOmit<Exclude<Request, { op: 'read' }>, 'document'>;
type Pending = {
  readonly label: string | undefined;
  readonly resolve: (response: DocumentIoResponse | 'cancelled') => void;
  /** A read this large ends its worker (see onMessage). */
  readonly largeRead: boolean;
};

/** From this size of file up, a read's garbage in the worker is worth ending the worker (~100 MB at 50,000 rows). */
const FRESH_WORKER_AFTER_READ_BYTES = 8 * 1024 * 1024;

export function createDocumentIo(makeWorker = () => new Worker(new URL('./document-io.worker.ts', import.meta.url), { type: 'module', name: 'document-io' })): DocumentIo {
  const pending = new Map<number, Pending>();
  const listeners = new Set<() => void>();
  let activity: (IoActivity & { readonly id: number }) | null = null;
  let nextId = 1;

  const setActivity = (next: typeof activity): void => {
    activity = next;
    for (const listener of listeners) listener();
  };

  // Set when a large read is the worker's only work: the worker's next message is that read's answer.
  let largeReadAnswerDue = false;

  const onMessage = (event: MessageEvent<DocumentIoMessage>): void => {
    // The worker's heap still holds the parse's garbage (text, values) until some later GC; ending the worker
    // before its answer is unpacked here keeps the window from holding both at once.
    if (largeReadAnswerDue) {
      largeReadAnswerDue = false;
      // The next worker starts with the next request: none sits in memory while the window builds the grid.
      worker?.terminate();
      worker = null;
    }
    const message = event.data;
    const request = pending.get(message.id);
    if (message.op === 'started') {
      if (request?.label) setActivity({ id: message.id, label: request.label, startedAt: performance.now() });
      largeReadAnswerDue = request?.largeRead === true && pending.size === 1;
      return;
    }
    pending.delete(message.id);
    if (activity?.id === message.id) setActivity(null);
    request?.resolve(message);
  };

  const start = (): Worker => {
    const started = makeWorker();
    started.addEventListener('message', onMessage);
    return started;
  };
  let worker: Worker | null = start();

  const call = (request: Request, label: string | undefined, transfer: Transferable[] = []): Promise<DocumentIoResponse | 'cancelled'> =>
    new Promise((resolve) => {
      const id = nextId++;
      const largeRead = request.op === 'read' && request.bytes.byteLength >= FRESH_WORKER_AFTER_READ_BYTES;
      pending.set(id, { label, resolve, largeRead });
      // Another request while a large read runs: the worker then has more than that read to answer.
      largeReadAnswerDue = false;
      worker ??= start();
      worker.postMessage({ ...request, id }, transfer);
    });

  /** A request carrying the document: its rows packed, their buffers handed over. */
  const callWith = (document: AnnexDocument, request: DocumentRequest, label: string | undefined) => {
    const packed = packDocument(document);
    return call({ ...request, document: packed } as Request, label, packedBuffers(packed));
  };

  /** The answer of the op asked for, null when cancelled; a failure in the worker rejects with its message. */
  const expect = async <Op extends DocumentIoResponse['op']>(
    document: AnnexDocument,
    request: DocumentRequest & { op: Op },
    label: string,
  ): Promise<Extract<DocumentIoResponse, { op: Op }> | null> => {
    const response = await callWith(document, request, label);
    if (response === 'cancelled') return null;
    if (response.op === request.op) return response as Extract<DocumentIoResponse, { op: Op }>;
    throw new Error(response.op === 'failed' ? response.message : `${label}：応答が正しくありません`);
  };

  return {
    async read(bytes, options, label) {
      // A file's bytes are handed over, not copied: 20 MB less in the window while the worker reads them.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const response = await call({ op: 'read', bytes, options }, label, whole ? [bytes.buffer as ArrayBuffer] : []);
      if (response === 'cancelled') return { ok: false, cancelled: true };
      if (response.op === 'read') {
        const { result } = response;
        return result.ok ? { ok: true, value: { ...result.value, document: unpackDocument(result.value.document) } } : result;
      }
      return { ok: false, error: [response.op === 'failed' ? response.message : '読み込めませんでした'] };
    },
    async write(document, format, label) {
      const response = await callWith(document, { op: 'write', format }, label);
      if (response === 'cancelled') throw new WriteCancelledError();
      if (response.op === 'write') return response.bytes;
      throw new Error(response.op === 'failed' ? response.message : '書き出せませんでした');
    },
    async jsonText(document) {
      const response = await callWith(document, { op: 'json-text' }, undefined);
      if (response === 'cancelled') throw new WriteCancelledError();
      if (response.op === 'json-text') return response.text;
      throw new Error(response.op === 'failed' ? response.message : '書き出せませんでした');
    },
    send: async (document, options, label) => (await expect(document, { op: 'send', options }, label))?.sent ?? null,
    review: async (document, files, label) => (await expect(document, { op: 'review', files }, label))?.review ?? null,
    sendBack: async (document, file, options, label) => (await expect(document, { op: 'send-back', file, options }, label))?.sendBack ?? null,
    activity: {
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      current: () => activity,
    },
    cancel() {
      largeReadAnswerDue = false;
      worker?.terminate();
      const stopped = [...pending.values()];
      pending.clear();
      worker = null;
      setActivity(null);
      for (const request of stopped) request.resolve('cancelled');
    },
  };
}
