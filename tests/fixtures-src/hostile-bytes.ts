/** Bytes for the hostile corpus: noise, flipped bits, a zip part swapped for a bomb, sheets streamed in chunks. */
import { readZipDirectory } from '../../shared/excel/zip-limits';
import { zeroBomb } from './hostile-deflate';
import { rawXlsx } from './hostile-xlsx';
import { partsOf, zipParts, type ZipPart } from './hostile-zip';

const encoder = new TextEncoder();
export const MB = 1024 * 1024;

/** Deterministic noise (a linear congruential generator), so a failure can be reproduced. */
export function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    bytes[index] = state >>> 16;
  }
  return bytes;
}

/** A copy with `count` bytes from `at` on, every `step`, xored with 0x5a. */
export function flipped(bytes: Uint8Array, at: number, count = 8, step = 97): Uint8Array {
  const copy = bytes.slice();
  for (let index = 0; index < count; index += 1) {
    const place = at + index * step;
    if (place < copy.length) copy[place] = (copy[place] ?? 0) ^ 0x5a;
  }
  return copy;
}

/** Where a zip entry's data starts. */
export function dataOffset(bytes: Uint8Array, name: string): number {
  const directory = readZipDirectory(bytes);
  const stream = directory.ok ? directory.streams.find((candidate) => candidate.path === name) : undefined;
  if (!stream) throw new Error(`no ${name} in the zip`);
  return stream.dataOffset;
}

/** The zip with one part replaced by a bomb that declares `declared` bytes and inflates to 2 GB. */
export function withBomb(bytes: Uint8Array, name: string, declared: number): Uint8Array {
  const bomb = zeroBomb(2 * 1024 * MB).deflated;
  const parts: ZipPart[] = partsOf(bytes).map((part) => (part.name === name ? { name, deflated: bomb, declaredSize: declared } : part));
  return zipParts(parts);
}

/** Rows of sheet XML made in chunks of about a megabyte, never the whole sheet at once. */
export function* rowChunks(count: number, row: (number: number) => string): Iterable<Uint8Array> {
  let chunk = '';
  for (let number = 1; number <= count; number += 1) {
    chunk += row(number);
    if (chunk.length > MB) {
      yield encoder.encode(chunk);
      chunk = '';
    }
  }
  yield encoder.encode(chunk);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** An xlsx of one sheet streamed from chunks of its sheetData. */
export function streamedXlsx(sheetData: () => Iterable<Uint8Array>): Uint8Array {
  const sheet: ZipPart = {
    name: 'xl/worksheets/sheet1.xml',
    chunks: function* () {
      yield encoder.encode(SHEET_HEAD);
      yield* sheetData();
      yield encoder.encode(SHEET_TAIL);
    },
  };
  return rawXlsx({ sheets: [{ name: 'S' }], parts: {}, rawParts: [sheet] });
}
