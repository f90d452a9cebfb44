/**
 * A raw deflate stream that inflates to zeros at deflate's best ratio (about 1:1000), written bit by bit so a bomb of
 * gigabytes is made in milliseconds from a few megabytes, never holding what it inflates to.
 */

/** Bits in deflate's order: values LSB first; Huffman codes MSB first. */
class BitWriter {
  private readonly bytes: Uint8Array<ArrayBuffer>;
  private bit = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
  }
  value(value: number, count: number): void {
    for (let index = 0; index < count; index += 1) this.put((value >>> index) & 1);
  }
  code(code: number, length: number): void {
    for (let index = length - 1; index >= 0; index -= 1) this.put((code >>> index) & 1);
  }
  /** Zero bits cost nothing to write: the buffer starts zeroed. */
  skip(count: number): void {
    this.bit += count;
  }
  done(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, Math.ceil(this.bit / 8));
  }
  private put(bit: number): void {
    if (bit) this.bytes[this.bit >>> 3] = (this.bytes[this.bit >>> 3] ?? 0) | (1 << (this.bit & 7));
    this.bit += 1;
  }
}

// Code-length alphabet order of the dynamic block header (RFC 1951 3.2.7).
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_COPY = 258;

/**
 * One dynamic block: a literal 0, then `copies` copies of 258 bytes at distance 1, each two zero bits (the length code
 * 285 and distance code 0 are both the 1-bit code 0). Inflates to 1 + 258 × copies zero bytes.
 */
export function zeroBomb(inflatedBytes: number): { readonly deflated: Uint8Array<ArrayBuffer>; readonly inflatedBytes: number } {
  const copies = Math.max(0, Math.ceil((inflatedBytes - 1) / MAX_COPY));
  const out = new BitWriter(64 + Math.ceil((copies * 2) / 8));
  out.value(1, 1); // final block
  out.value(2, 2); // dynamic Huffman
  out.value(286 - 257, 5); // literal/length codes 0..285
  out.value(2 - 1, 5); // distance codes 0..1
  out.value(18 - 4, 4); // code-length codes, up to the one for length 1
  // Code-length code: 18 (a run of zeros) is "0", 1 is "10", 2 is "11" (canonical order by symbol).
  const codeLengthBits = new Map([[18, 1], [1, 2], [2, 2]]);
  for (const symbol of CODE_LENGTH_ORDER.slice(0, 18)) out.value(codeLengthBits.get(symbol) ?? 0, 3);
  const length1 = (): void => out.code(0b10, 2);
  const length2 = (): void => out.code(0b11, 2);
  const zeros = (count: number): void => {
    out.code(0b0, 1);
    out.value(count - 11, 7);
  };
  // Literal/length lengths: 0 → 2, 1..255 → 0, 256 → 2, 257..284 → 0, 285 → 1; then both distance codes → 1.
  length2();
  zeros(138);
  zeros(117);
  length2();
  zeros(28);
  length1();
  length1();
  length1();
  // Literal/length code: 285 is "0", literal 0 is "10", end of block 256 is "11".
  out.code(0b10, 2);
  out.skip(copies * 2);
  out.code(0b11, 2);
  return { deflated: out.done(), inflatedBytes: 1 + copies * MAX_COPY };
}
