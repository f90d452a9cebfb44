/** Bytes for the hostile corpus: noise, flipped bits, a zip part swapped for a bomb, sheets streamed in chunks, BIFF blanks. */
import * as XLSX from 'xlsx';
import { readZipDirectory } from '../../shared/excel/zip-limits';
import { zeroBomb } from './hostile-deflate';
import { rawXlsx } from './hostile-xlsx';
import { concat, partsOf, zipParts, type ZipPart } from './hostile-zip';

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

interface CfbModule {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): { content: ArrayLike<number>; size: number } | null;
  write(container: unknown, options: { type: 'array' }): number[];
}

/** A BIFF record: type, length, body. */
function record(type: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  const view = new DataView(out.buffer);
  view.setUint16(0, type, true);
  view.setUint16(2, body.length, true);
  out.set(body, 4);
  return out;
}

/** A MULBLANK record: one row's 256 columns blank, in 518 bytes. */
function blankRow(row: number): Uint8Array {
  const body = new Uint8Array(518);
  const view = new DataView(body.buffer);
  view.setUint16(0, row, true);
  for (let column = 0; column < 256; column += 1) view.setUint16(4 + 2 * column, 15, true);
  view.setUint16(516, 255, true);
  return record(0x00be, body);
}

/** A SheetJS-written .xls with `rows` rows of 256 blank cells spliced into its first sheet, after its DIMENSIONS record. */
export function withBlankRows(xls: Uint8Array, rows: number): Uint8Array {
  const cfb = (XLSX as unknown as { CFB: CfbModule }).CFB;
  const container = cfb.read(xls, { type: 'buffer' });
  const workbook = cfb.find(container, '/Workbook');
  if (!workbook) throw new Error('no Workbook stream');
  const stream = Uint8Array.from(workbook.content);
  const u16 = (at: number): number => (stream[at] ?? 0) | ((stream[at + 1] ?? 0) << 8);
  let at = 0;
  for (let sheets = 0; at + 4 <= stream.length; at += 4 + u16(at + 2)) {
    if (u16(at) === 0x0809) sheets += 1;
    if (sheets === 2 && u16(at) === 0x0200) break;
  }
  const after = at + 4 + u16(at + 2);
  const blanks = Array.from({ length: rows }, (_, index) => blankRow(100 + index));
  workbook.content = concat([stream.subarray(0, after), ...blanks, stream.subarray(after)]);
  workbook.size = workbook.content.length;
  return new Uint8Array(cfb.write(container, { type: 'array' }));
}
