import { describe, expect, it } from 'vitest';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { createDocumentIo } from '../../../renderer/src/workers/document-io';
import { handleRequest } from '../../../renderer/src/workers/handle-request';
import { transferables } from '../../../renderer/src/workers/submission-ops';
import type { DocumentIoMessage, DocumentIoRequest } from '../../../renderer/src/workers/document-io-protocol';
import { generateAnnex } from '../../bench/generate-annex';

/**
 * A worker in the test's thread that answers with the worker's own handler, as document-io.worker.ts does: a
 * 'started' message, then the answer. It records what the window does to it.
 */
class InlineWorker {
  static made: InlineWorker[] = [];
  terminated = false;
  received: { request: DocumentIoRequest; transferred: number }[] = [];
  /** How many buffers each answer handed over. */
  answered: number[] = [];
  private listener: ((event: MessageEvent<DocumentIoMessage>) => void) | undefined;
  /** Reads not answered yet, so a test can send a second request while the first runs. */
  private held: DocumentIoRequest[] = [];
  holdAnswers = false;

  constructor() {
    InlineWorker.made.push(this);
  }

  addEventListener(_type: 'message', listener: (event: MessageEvent<DocumentIoMessage>) => void): void {
    this.listener = listener;
  }

  postMessage(request: DocumentIoRequest, transfer: Transferable[] = []): void {
    this.received.push({ request, transferred: transfer.length });
    const copy = structuredClone(request, { transfer });
    this.emit({ id: copy.id, op: 'started' });
    if (this.holdAnswers) this.held.push(copy);
    else this.answer(copy);
  }

  releaseAnswers(): void {
    for (const request of this.held.splice(0)) this.answer(request);
  }

  terminate(): void {
    this.terminated = true;
  }

  private answer(request: DocumentIoRequest): void {
    void handleRequest(request).then((response) => {
      const transfer = transferables(response);
      this.answered.push(transfer.length);
      this.emit(response, transfer);
    });
  }

  private emit(message: DocumentIoMessage, transfer: Transferable[] = []): void {
    // The real worker's messages arrive in later tasks, copied but for the buffers handed over; a terminated
    // worker's queued messages still arrive.
    const copy = structuredClone(message, { transfer });
    queueMicrotask(() => this.listener?.({ data: copy } as MessageEvent<DocumentIoMessage>));
  }
}

const bytesOf = (rows: number): Uint8Array => new TextEncoder().encode(stringifyAnnexJson(generateAnnex(rows)));

describe('createDocumentIo: memory around a large read', () => {
  it('hands the file bytes to the worker instead of copying them', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const bytes = bytesOf(20);
    const result = await io.read(bytes, { fileName: 'small.json' });
    expect(result.ok).toBe(true);
    expect(InlineWorker.made[0]?.received[0]?.transferred).toBe(1);
    expect(bytes.byteLength).toBe(0);
  });

  it('gets the document back packed, each table’s text and lengths handed over, not copied', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const document = generateAnnex(300);
    const result = await io.read(new TextEncoder().encode(stringifyAnnexJson(document)), { fileName: 'annex.json' });
    expect(result.ok && stringifyAnnexJson(result.value.document)).toBe(stringifyAnnexJson(document));
    expect(InlineWorker.made[0]?.answered).toEqual([4]);
  });

  it('after a read of 8 MB or more, ends that worker before the answer is used, and starts one at the next request', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const large = bytesOf(20_000);
    expect(large.byteLength).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    const result = await io.read(large, { fileName: 'large.json' });
    expect(result.ok && result.value.document.tables.city.rows.length).toBe(20_000);
    expect(InlineWorker.made).toHaveLength(1);
    expect(InlineWorker.made[0]?.terminated).toBe(true);
    // No worker waits in memory meanwhile; the next request has a fresh one.
    expect((await io.read(bytesOf(5), { fileName: 'next.json' })).ok).toBe(true);
    expect(InlineWorker.made).toHaveLength(2);
    expect(InlineWorker.made[1]?.received).toHaveLength(1);
    expect(InlineWorker.made[1]?.terminated).toBe(false);
  });

  it('keeps the worker after a small read, and after a large one while other work is waiting', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    await io.read(bytesOf(20), { fileName: 'small.json' });
    expect(InlineWorker.made).toHaveLength(1);
    const first = InlineWorker.made[0] as InlineWorker;
    first.holdAnswers = true;
    const large = io.read(bytesOf(20_000), { fileName: 'large.json' });
    const other = io.read(bytesOf(5), { fileName: 'other.json' });
    await Promise.resolve();
    first.releaseAnswers();
    const [largeResult, otherResult] = await Promise.all([large, other]);
    expect(largeResult.ok && otherResult.ok).toBe(true);
    expect(InlineWorker.made).toHaveLength(1);
    expect(first.terminated).toBe(false);
  });
});

describe('createDocumentIo: the document on its way to the worker', () => {
  it('goes packed, its buffers handed over, and is written as the window holds it', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const document = generateAnnex(300);
    const bytes = await io.write(document, 'json');
    expect(new TextDecoder().decode(bytes)).toBe(stringifyAnnexJson(document));
    const [sent] = InlineWorker.made[0]?.received ?? [];
    expect(sent?.request.op === 'write' && sent.request.document.tables.city.rows.text instanceof Uint16Array).toBe(true);
    expect(sent?.transferred).toBe(4);
  });

  it('is made into the autosave JSON text by the worker, which the window gets as text, not bytes to decode', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const document = generateAnnex(200);
    expect(await io.jsonText(document)).toBe(stringifyAnnexJson(document));
    expect(InlineWorker.made[0]?.received.map((each) => each.request.op)).toEqual(['json-text']);
  });

  it('goes packed with a send, whose workbooks name the rows the window holds', async () => {
    InlineWorker.made = [];
    const io = createDocumentIo(() => new InlineWorker() as unknown as Worker);
    const document = generateAnnex(40);
    const sent = await io.send(document, { by: 'section', sentAt: '2026-11-28T09:00:00.000Z', id: 'send-1' }, '送付');
    const rowsSent = sent?.send.recipients.flatMap((recipient) => recipient.rows.map((entry) => entry.row.id)) ?? [];
    expect(new Set(rowsSent)).toEqual(new Set([...document.tables.city.rows, ...document.tables.council.rows].map((row) => row.id)));
    expect(sent?.files.length).toBe(sent?.send.recipients.length);
    expect(InlineWorker.made[0]?.received[0]?.transferred).toBe(4);
  });
});
