import { READ_LIMITS, megabytes } from './read-limits';

/** One file of a zip as its central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** Where an entry's data is, as its local header says: what is inflated before SheetJS sees the entry. */
export interface ZipStream {
  /** The name as SheetJS reads it: the local header's bytes, one character each. */
  readonly path: string;
  /** The name as a person reads it, for messages. */
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly dataOffset: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** The CRC-32 the directory gives for the inflated data. */
  readonly crc: number;
}

export type ZipDirectory =
  | {
      readonly ok: true;
      readonly entries: readonly ZipEntry[];
      readonly streams: readonly ZipStream[];
      /** Set when a local header declares other sizes than the directory: a broken or crafted file. */
      readonly mismatch?: string;
    }
  | { readonly ok: false; readonly message: string };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const SATURATED = 0xffffffff;
const MAX_COMMENT = 0xffff;

/** True for bytes that begin like a zip (xlsx, ods, xlsb). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const broken = (detail: string): ZipDirectory => ({
  ok: false,
  message: `ZIP 形式のファイルとして壊れています（${detail}）。ファイルが途中で切れていないか確かめてください`,
});

/** Reads the central directory only: sizes are known before a byte is inflated. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  // Sizes past 2^53 cannot be real; reading them as a float still refuses them.
  const u64 = (at: number): number => u32(at) + u32(at + 4) * 0x1_0000_0000;

  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - MAX_COMMENT); at -= 1) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return broken('終わりにある中央ディレクトリが見つかりません');
  let entryCount = u16(eocd + 10);
  let directorySize = u32(eocd + 12);
  let directoryOffset = u32(eocd + 16);
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) return broken('ZIP64 の位置情報がありません');
    const zip64 = u64(locator + 8);
    if (zip64 + 56 > bytes.length || u32(zip64) !== ZIP64_EOCD) return broken('ZIP64 の中央ディレクトリ情報が読めません');
    entryCount = u64(zip64 + 32);
    directorySize = u64(zip64 + 40);
    directoryOffset = u64(zip64 + 48);
  }
  if (entryCount > READ_LIMITS.zipEntries) {
    return {
      ok: false,
      message: `ZIP の中のファイルが多すぎます（${entryCount.toLocaleString('ja-JP')} 個。${READ_LIMITS.zipEntries.toLocaleString('ja-JP')} 個まで）`,
    };
  }
  if (directoryOffset + directorySize > bytes.length) return broken('中央ディレクトリがファイルの外を指しています');

  const entries: ZipEntry[] = [];
  const streams: ZipStream[] = [];
  let mismatch: string | undefined;
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let index = 0; index < entryCount; index += 1) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL_ENTRY) return broken(`中央ディレクトリの ${index + 1} 番目の項目が読めません`);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length) return broken(`中央ディレクトリの ${index + 1} 番目の項目が途中で切れています`);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + Math.min(nameLength, 200)));
    let localOffset = u32(at + 42);
    // ZIP64 keeps the real sizes in extra field 0x0001, in this order, only for the fields saturated above.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(extra);
      const size = u16(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const fieldsEnd = extra + 4 + size;
        if (uncompressedSize === SATURATED && field + 8 <= fieldsEnd) {
          uncompressedSize = u64(field);
          field += 8;
        }
        if (compressedSize === SATURATED && field + 8 <= fieldsEnd) {
          compressedSize = u64(field);
          field += 8;
        }
        if (localOffset === SATURATED && field + 8 <= fieldsEnd) localOffset = u64(field);
      }
      extra += 4 + size;
    }
    entries.push({ name, compressedSize, uncompressedSize });
    if (localOffset + 30 > bytes.length || u32(localOffset) !== LOCAL_ENTRY) return broken(`「${name}」の位置が正しくありません`);
    const localName = u16(localOffset + 26);
    const dataOffset = localOffset + 30 + localName + u16(localOffset + 28);
    let path = '';
    for (let byte = localOffset + 30; byte < localOffset + 30 + localName; byte += 1) path += String.fromCharCode(bytes[byte] ?? 0);
    const crc = u32(at + 16);
    streams.push({ path, name, flags: u16(localOffset + 6), method: u16(localOffset + 8), dataOffset, compressedSize, uncompressedSize, crc });
    // A local header that claims other sizes than the directory checked here is a crafted file.
    if (mismatch === undefined) {
      const usesDescriptor = (u16(localOffset + 6) & 0x0008) !== 0;
      const localCompressed = u32(localOffset + 18);
      const localUncompressed = u32(localOffset + 22);
      const differs = (local: number, central: number): boolean => local !== SATURATED && local !== central;
      if (!usesDescriptor && (differs(localCompressed, compressedSize) || differs(localUncompressed, uncompressedSize))) {
        mismatch = `ZIP の中のファイル「${name}」の大きさが、ZIP の目録と中身とで食い違っています。壊れているか、細工されたファイルです`;
      }
    }
    at = end;
  }
  return mismatch === undefined ? { ok: true, entries, streams } : { ok: true, entries, streams, mismatch };
}

/** Japanese messages for every limit the declared sizes break; empty when the zip may be inflated. */
export function zipLimitProblems(entries: readonly ZipEntry[]): string[] {
  const messages: string[] = [];
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const name = entry.name.length > 60 ? `${entry.name.slice(0, 60)}…` : entry.name;
    if (entry.uncompressedSize > READ_LIMITS.zipEntryBytes) {
      messages.push(
        `ZIP の中のファイル「${name}」が大きすぎます（展開すると ${megabytes(entry.uncompressedSize)}。1 つ ${megabytes(READ_LIMITS.zipEntryBytes)} まで）`,
      );
    } else if (
      entry.uncompressedSize > READ_LIMITS.zipRatioMinBytes &&
      entry.uncompressedSize / Math.max(entry.compressedSize, 1) > READ_LIMITS.zipRatio
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      messages.push(
        `ZIP の中のファイル「${name}」の圧縮率が高すぎます（${ratio.toLocaleString('ja-JP')} 倍。${READ_LIMITS.zipRatio} 倍まで）。圧縮爆弾のおそれがあるため読みません`,
      );
    }
  }
  if (total > READ_LIMITS.zipTotalBytes) {
    messages.push(`ZIP の中身を展開すると大きすぎます（合計 ${megabytes(total)}。${megabytes(READ_LIMITS.zipTotalBytes)} まで）`);
  }
  return messages;
}
