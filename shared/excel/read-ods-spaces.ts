import * as XLSX from 'xlsx';

// Spaces that JavaScript's trim() removes but ODF keeps as text (ODF collapses only U+0020, tab and line breaks).
const TRIMMED_SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/gu;

interface ZipFile {
  content: Uint8Array;
}
interface CfbModule {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): ZipFile | null;
  write(container: unknown, options: { fileType: 'zip'; type: 'array' }): Uint8Array | number[];
}

/**
 * SheetJS 0.20.3 trims each ODS paragraph with String.prototype.trim, which also strips full-width spaces: the 2024
 * annex's summaries that begin with 「　」 would lose it. Writing those spaces as character references in content.xml
 * keeps them past the trim; SheetJS decodes the references back. Returns bytes for XLSX.read.
 */
export function protectOdsSpaces(bytes: Uint8Array): Uint8Array | number[] {
  const cfb = (XLSX as unknown as { CFB: CfbModule }).CFB;
  const zip = cfb.read(bytes, { type: 'buffer' });
  const content = cfb.find(zip, 'content.xml');
  if (!content) return bytes;
  const text = new TextDecoder('utf-8').decode(content.content);
  if (!TRIMMED_SPACES.test(text)) return bytes;
  content.content = new TextEncoder().encode(text.replace(TRIMMED_SPACES, (space) => `&#${space.codePointAt(0) ?? 32};`));
  return cfb.write(zip, { fileType: 'zip', type: 'array' });
}
