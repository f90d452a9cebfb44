import { Inflate, inflateSync } from 'fflate';
import * as XLSX from 'xlsx';
import { err, ok, type Result } from '../result';
import { READ_LIMITS, megabytes } from './read-limits';
import type { ZipStream } from './zip-limits';

/** SheetJS's in-memory zip (a CFB container): what its parse_zip reads the parts of a workbook from. */
export interface ZipContainer {
  readonly FileIndex: { name: string; type: number; content?: Uint8Array; size?: number }[];
  readonly FullPaths: string[];
}
interface CfbUtilities {
  cfb_new(): ZipContainer;
  cfb_add(container: ZipContainer, name: string, content: Uint8Array, options: { unsafe: true }): unknown;
}
const cfb = (XLSX as unknown as { CFB: { utils: CfbUtilities } }).CFB.utils;
const parseZip = (XLSX as unknown as { parse_zip(zip: ZipContainer, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_zip;

// One push inflates at most about 1,000 times its size: 16 KB in bounds memory to some 17 MB between two checks.
const CHUNK = 16 * 1024;
// Pushes that inflate nothing: the stream has ended (or is padding) — more than one stored block (64 KB) takes.
const IDLE_PUSHES = 8;
// Deflate's greatest expansion: no part can inflate to more than this many times its size.
const MAX_DEFLATE_RATIO = 1032;
const TOO_LARGE = Symbol('too large');
const ENCRYPTED = 0x2041;

// CRC-32 tables for four bytes at a time (slicing-by-4): 2.5× the byte-at-a-time loop on a workbook's parts.
const CRC_TABLES = new Int32Array(4 * 256);
for (let index = 0; index < 256; index += 1) {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  CRC_TABLES[index] = value;
}
for (let index = 256; index < CRC_TABLES.length; index += 1) {
  const previous = CRC_TABLES[index - 256] as number;
  CRC_TABLES[index] = (previous >>> 8) ^ (CRC_TABLES[previous & 0xff] as number);
}

export function crc32(data: Uint8Array): number {
  const table = CRC_TABLES;
  let crc = -1;
  let index = 0;
  for (const whole = data.length & ~3; index < whole; index += 4) {
    crc ^= (data[index] as number) | ((data[index + 1] as number) << 8) | ((data[index + 2] as number) << 16) | ((data[index + 3] as number) << 24);
    crc =
      (table[768 + (crc & 0xff)] as number) ^
      (table[512 + ((crc >>> 8) & 0xff)] as number) ^
      (table[256 + ((crc >>> 16) & 0xff)] as number) ^
      (table[crc >>> 24] as number);
  }
  for (; index < data.length; index += 1) crc = (table[(crc ^ (data[index] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/**
 * A part no longer than one push, inflated in one call into a buffer one byte longer than declared (or than deflate
 * could make of it): it can inflate no more than a push would (about 17 MB), and a part that fills the spare byte is
 * larger than its word.
 */
function inflateAtOnce(data: Uint8Array, limit: number): Uint8Array | 'too-large' | 'broken' {
  try {
    const content = inflateSync(data, { out: new Uint8Array(Math.min(limit, data.length * MAX_DEFLATE_RATIO) + 1) });
    return content.length > limit ? 'too-large' : content;
  } catch {
    return 'broken';
  }
}

/** One entry's data inflated by fflate, stopping as soon as it passes what the directory declared. */
function inflateWithin(data: Uint8Array, limit: number): Uint8Array | 'too-large' | 'broken' {
  if (data.length === 0) return 'broken';
  if (data.length <= CHUNK) return inflateAtOnce(data, limit);
  const parts: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw TOO_LARGE;
    parts.push(chunk);
  });
  try {
    let idle = 0;
    for (let at = 0; at < data.length && idle < IDLE_PUSHES; at += CHUNK) {
      const end = Math.min(at + CHUNK, data.length);
      const before = size;
      inflater.push(data.subarray(at, end), end === data.length);
      idle = size === before ? idle + 1 : 0;
    }
  } catch (cause) {
    return cause === TOO_LARGE ? 'too-large' : 'broken';
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** An entry's content, or why it cannot be had: the Japanese message. */
function entryContent(bytes: Uint8Array, stream: ZipStream): Uint8Array | string {
  const name = `ZIP の中のファイル「${stream.name}」`;
  if ((stream.flags & ENCRYPTED) !== 0) return 'パスワードで保護されたファイルは読めません。保護を外して保存し直してください';
  const end = stream.dataOffset + stream.compressedSize;
  if (end > bytes.length) return `${name}が途中で切れています。ファイルが途中で切れていないか確かめてください`;
  const data = bytes.subarray(stream.dataOffset, end);
  if (stream.method !== 0 && stream.method !== 8) return `${name}は対応していない圧縮方式（${stream.method}）で保存されています`;
  const content = stream.method === 0 ? data : inflateWithin(data, stream.uncompressedSize);
  if (content === 'too-large') {
    return `${name}が、ZIP の目録にある大きさ（${megabytes(stream.uncompressedSize)}）を超えて展開されます。圧縮爆弾のおそれがあるため読みません`;
  }
  // SheetJS checks neither: a flipped bit that still inflates would change a text without a word.
  if (content === 'broken' || crc32(content) !== stream.crc) return `${name}が壊れています。ファイルが壊れていないか確かめてください`;
  return content;
}

/**
 * The zip's entries inflated here, each within the size its directory declares and checked against its CRC, into the
 * container SheetJS parses: SheetJS inflates nothing itself, so a zip that lies about its sizes consistently (directory,
 * local header and data descriptor alike) is refused as soon as an entry inflates past its word, with memory bounded.
 */
export function inflateZip(bytes: Uint8Array, streams: readonly ZipStream[]): Result<ZipContainer, string> {
  const container = cfb.cfb_new();
  for (const stream of streams) {
    const content = entryContent(bytes, stream);
    if (typeof content === 'string') return err(content);
    cfb.cfb_add(container, stream.path, content, { unsafe: true });
  }
  return ok(container);
}

/** Counts the bytes SheetJS takes from the container's entries, and gives it nothing more once past the budget. */
function meterReads(container: ZipContainer, budget: number): () => boolean {
  let served = 0;
  for (const entry of container.FileIndex) {
    const { content } = entry;
    if (content === undefined) continue;
    Object.defineProperty(entry, 'content', {
      get: (): Uint8Array | undefined => {
        served += content.length;
        return served > budget ? undefined : content;
      },
    });
  }
  return () => served > budget;
}

// SheetJS takes each part about twice (it looks before it reads); a part read once per sheet blows far past this.
const readBudget = (container: ZipContainer): number =>
  4 * container.FileIndex.reduce((sum, entry) => sum + (entry.content?.length ?? 0), 0) + 1024 * 1024;

/**
 * Parses the container with SheetJS. Its sheets are counted first from the workbook part alone: SheetJS looks every
 * part up by a scan of all entries, so thousands of sheets take minutes to parse before they could be counted. The
 * bytes it reads are metered: a workbook whose sheets all point at one large part would be parsed once per sheet.
 */
export function parseContainer(container: ZipContainer, options: XLSX.ParsingOptions, isOds: boolean): Result<XLSX.WorkBook, string> {
  const overBudget = meterReads(container, readBudget(container));
  const refused = (): Result<never, string> =>
    err('ブックの中の同じ部分が何度も読まれるように作られています（シートが同じ中身を指しています）。細工されたファイルのため読みません');
  try {
    // An ODS holds its sheets in one part, parsed in one pass: there is nothing to count first.
    if (!isOds) {
      const count = parseZip(container, { ...options, bookSheets: true }).SheetNames.length;
      if (count > READ_LIMITS.sheets) {
        return err(`シートが多すぎます（${count.toLocaleString('ja-JP')} 枚。${READ_LIMITS.sheets.toLocaleString('ja-JP')} 枚まで）`);
      }
    }
    const workbook = parseZip(container, { ...options });
    return overBudget() ? refused() : ok(workbook);
  } catch (cause) {
    if (overBudget()) return refused();
    throw cause;
  }
}
