/** The text of a CSV and the encoding it was read in, or why it could not be decoded. */
export type DecodedCsv =
  | { readonly ok: true; readonly text: string; readonly encoding: 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be' }
  | { readonly ok: false; readonly message: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

function decodeStrict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-8 (with or without BOM) first, since valid UTF-8 is almost never Shift_JIS by accident; then Shift_JIS, as Excel in Japan saves. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0xff, 0xfe])) {
    const text = decodeStrict('utf-16le', bytes.subarray(2));
    return text === undefined ? { ok: false, message: 'UTF-16 として読めない文字があります' } : { ok: true, text, encoding: 'utf-16le' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    const text = decodeStrict('utf-16be', bytes.subarray(2));
    return text === undefined ? { ok: false, message: 'UTF-16 として読めない文字があります' } : { ok: true, text, encoding: 'utf-16be' };
  }
  const hasBom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  const utf8 = decodeStrict('utf-8', hasBom ? bytes.subarray(3) : bytes);
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8' };
  if (hasBom) return { ok: false, message: 'UTF-8 の印（BOM）がありますが、UTF-8 として読めない文字があります' };
  const sjis = decodeStrict('shift_jis', bytes);
  if (sjis !== undefined) return { ok: true, text: sjis, encoding: 'shift_jis' };
  return { ok: false, message: '文字コードが分かりません（UTF-8 でも Shift_JIS でもありません）。UTF-8 で保存し直してください' };
}
