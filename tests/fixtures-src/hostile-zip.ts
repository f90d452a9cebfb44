/**
 * Zips for the hostile corpus, written by fflate's streaming Zip: parts deflated honestly (whole, or streamed chunk by
 * chunk so a part of hundreds of megabytes is never held at once), or a raw deflate stream (a bomb) placed as it is under
 * whatever uncompressed size the zip should declare. fflate writes that size into the central directory and the data
 * descriptor alike, and zeros in the local header, as any streaming zip writer does: a consistent lie.
 */
import { Zip, ZipDeflate, unzipSync, type ZipInputFile } from 'fflate';

export type ZipPart =
  | { readonly name: string; readonly data: Uint8Array }
  | { readonly name: string; readonly chunks: () => Iterable<Uint8Array> }
  | { readonly name: string; readonly deflated: Uint8Array<ArrayBuffer>; readonly declaredSize: number };

export function zipParts(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const part of parts) {
    if ('deflated' in part) {
      // No reader here checks the crc; the sizes are what a bomb lies about.
      const file: ZipInputFile = { filename: part.name, size: part.declaredSize, crc: 0, compression: 8 };
      zip.add(file);
      file.ondata?.(null, part.deflated, true);
      continue;
    }
    // Level 1: the corpus's big parts are repetitive, and speed matters more than size here.
    const file = new ZipDeflate(part.name, { level: 1 });
    zip.add(file);
    if ('data' in part) file.push(part.data, true);
    else {
      for (const chunk of part.chunks()) file.push(chunk);
      file.push(new Uint8Array(), true);
    }
  }
  zip.end();
  return concat(chunks);
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The parts of a zip in order, to rebuild it with parts replaced or added. */
export function partsOf(bytes: Uint8Array): { readonly name: string; readonly data: Uint8Array }[] {
  return Object.entries(unzipSync(bytes)).map(([name, data]) => ({ name, data }));
}

/** A zip rebuilt with some parts' text changed (by name) and parts added at the end. */
export function rezip(bytes: Uint8Array, change: Readonly<Record<string, (text: string) => string>>, added: readonly ZipPart[] = []): Uint8Array {
  const parts = partsOf(bytes).map(({ name, data }) => {
    const edit = change[name];
    return edit ? { name, data: new TextEncoder().encode(edit(new TextDecoder().decode(data))) } : { name, data };
  });
  return zipParts([...parts, ...added]);
}
