import type { SentRow } from '../model/ledger';

/**
 * SHA-256 through Web Crypto, which Node and the browser both have: the hash of a returned file (the same file taken
 * twice is known by it) and of the rows a workbook was sent with (its fingerprint).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // A copy: digest wants a plain ArrayBuffer, and a view may sit on a larger or shared one.
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes.slice());
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The hash of sent rows, over their JSON with keys in a fixed order, so the same rows always hash alike. */
export function rowsHash(rows: readonly SentRow[]): Promise<string> {
  const canonical = rows.map(({ number, row }) => [number, row.id, row.departments, row.sections, row.title, row.summary, row.marks]);
  return sha256Hex(new TextEncoder().encode(JSON.stringify(canonical)));
}
