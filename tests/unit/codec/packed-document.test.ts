import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkBuffers, packDocument, packDocumentInChunks, RowChunkReceiver, type RowChunk } from '../../../shared/codec/packed-document';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { generateAnnex } from '../../bench/generate-annex';

/** The document through packDocumentInChunks and a receiver, every chunk and the end copied as postMessage would. */
function sendInChunks(document: AnnexDocument, chunkRows: number): { document: AnnexDocument; chunks: RowChunk[] } {
  const chunks: RowChunk[] = [];
  const receiver = new RowChunkReceiver();
  const end = packDocumentInChunks(document, chunkRows, (chunk) => {
    const sent = structuredClone(chunk, { transfer: chunkBuffers(chunk) });
    chunks.push(sent);
    receiver.add(sent);
  });
  return { document: receiver.document(structuredClone(end)), chunks };
}

describe('a document packed in chunks', () => {
  it('comes back whole and in order, whatever the chunk size', () => {
    const document = generateAnnex(1_200);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_500 }), (chunkRows) => {
        const received = sendInChunks(document, chunkRows);
        expect(stringifyAnnexJson(received.document)).toBe(stringifyAnnexJson(document));
        const cityChunks = received.chunks.filter((chunk) => chunk.table === 'city').length;
        expect(cityChunks).toBe(Math.ceil(document.tables.city.rows.length / chunkRows) - 1);
      }),
      { seed: 20261128, numRuns: 40 },
    );
  });

  it('sends a table no larger than a chunk in the document alone, as packDocument does', () => {
    const document = builtinAnnex();
    const received = sendInChunks(document, 5_000);
    expect(received.chunks).toEqual([]);
    expect(stringifyAnnexJson(received.document)).toBe(stringifyAnnexJson(document));
    expect(packDocumentInChunks(document, 5_000, () => undefined)).toEqual(packDocument(document));
  });

  it('sends each 部, 課 and mark once across all chunks, and rows with equal lists in any chunks share one array', () => {
    const document = generateAnnex(3_000);
    const { document: received, chunks } = sendInChunks(document, 500);
    const sentEntries = chunks.filter((chunk) => chunk.table === 'city').flatMap((chunk) => chunk.rows.entries);
    expect(new Set(sentEntries).size).toBe(sentEntries.length);
    const rows = received.tables.city.rows;
    const first = rows[0];
    const later = rows.slice(500).find((row) => row !== first && JSON.stringify(row.departments) === JSON.stringify(first?.departments));
    expect(later).toBeDefined();
    expect(later?.departments).toBe(first?.departments);
    expect(new Set(rows.flatMap((row) => [row.departments, row.sections, row.marks])).size).toBeLessThan(1_000);
  });

  it('hands each chunk over as its two buffers', () => {
    const chunks: RowChunk[] = [];
    packDocumentInChunks(generateAnnex(300), 100, (chunk) => chunks.push(chunk));
    expect(chunks).toHaveLength(2);
    const buffers = chunks.flatMap(chunkBuffers);
    structuredClone(chunks, { transfer: buffers });
    expect(buffers.every((buffer) => buffer.byteLength === 0)).toBe(true);
  });
});
