/**
 * Zips built byte by byte, so a test can make a central directory declare whatever it likes (a zip bomb's huge sizes,
 * ZIP64 records, 10,001 entries) without the data to back it. Entries are stored, not compressed.
 */
export interface HandEntry {
  readonly name: string;
  readonly data?: Uint8Array;
  /** Sizes the central directory claims, whatever the data is. */
  readonly declaredCompressed?: number;
  readonly declaredUncompressed?: number;
  /** Declare the sizes in a ZIP64 extra field (0xFFFFFFFF in the fixed fields). */
  readonly zip64?: boolean;
  /** The data is raw deflate (method 8) of `declaredUncompressed` bytes; otherwise it is stored. */
  readonly deflated?: boolean;
  /** Sizes the local header claims (default: the same as the directory, as an honest or a careful liar writes). */
  readonly localSizes?: { readonly compressed: number; readonly uncompressed: number };
}

export interface HandZipOptions {
  /** Write the entry count and directory place in ZIP64 records as well. */
  readonly zip64End?: boolean;
  /** Overrides the directory offset the end record gives. */
  readonly directoryOffset?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

class Writer {
  private readonly bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u16(value: number): this {
    this.bytes.push(value & 0xff, (value >>> 8) & 0xff);
    return this;
  }
  u32(value: number): this {
    return this.u16(value & 0xffff).u16(Math.floor(value / 0x10000) & 0xffff);
  }
  u64(value: number): this {
    return this.u32(value % 0x1_0000_0000).u32(Math.floor(value / 0x1_0000_0000));
  }
  raw(data: Uint8Array): this {
    for (const byte of data) this.bytes.push(byte);
    return this;
  }
  done(): Uint8Array {
    return new Uint8Array(this.bytes);
  }
}

export function handMadeZip(entries: readonly HandEntry[], options: HandZipOptions = {}): Uint8Array {
  const out = new Writer();
  const offsets: number[] = [];
  const encoder = new TextEncoder();
  for (const entry of entries) {
    const data = entry.data ?? new Uint8Array();
    const name = encoder.encode(entry.name);
    offsets.push(out.length);
    out.u32(0x04034b50).u16(20).u16(0x0800).u16(entry.deflated ? 8 : 0).u16(0).u16(0).u32(entry.deflated ? 0 : crc32(data));
    const compressed = entry.localSizes?.compressed ?? entry.declaredCompressed ?? data.length;
    const uncompressed = entry.localSizes?.uncompressed ?? entry.declaredUncompressed ?? data.length;
    out.u32(entry.zip64 ? 0xffffffff : compressed).u32(entry.zip64 ? 0xffffffff : uncompressed);
    out.u16(name.length).u16(0).raw(name).raw(data);
  }
  const directoryStart = out.length;
  entries.forEach((entry, index) => {
    const data = entry.data ?? new Uint8Array();
    const name = encoder.encode(entry.name);
    const compressed = entry.declaredCompressed ?? data.length;
    const uncompressed = entry.declaredUncompressed ?? data.length;
    const extra = entry.zip64 ? new Writer().u16(0x0001).u16(16).u64(uncompressed).u64(compressed).done() : new Uint8Array();
    out.u32(0x02014b50).u16(45).u16(45).u16(0x0800).u16(entry.deflated ? 8 : 0).u16(0).u16(0).u32(entry.deflated ? 0 : crc32(data));
    out.u32(entry.zip64 ? 0xffffffff : compressed).u32(entry.zip64 ? 0xffffffff : uncompressed);
    out.u16(name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0).u32(offsets[index] ?? 0);
    out.raw(name).raw(extra);
  });
  const directorySize = out.length - directoryStart;
  const directoryOffset = options.directoryOffset ?? directoryStart;
  if (options.zip64End) {
    const zip64End = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.length).u64(entries.length).u64(directorySize).u64(directoryOffset);
    out.u32(0x07064b50).u32(0).u64(zip64End).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(0);
  } else {
    const count = Math.min(entries.length, 0xffff);
    out.u32(0x06054b50).u16(0).u16(0).u16(count).u16(count).u32(directorySize).u32(directoryOffset).u16(0);
  }
  return out.done();
}
