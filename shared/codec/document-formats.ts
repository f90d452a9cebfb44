import type { AnnexDocument } from '../model/annex-document';
import type { LoadProblem } from '../model/load-problem';
import { err, type Result } from '../result';
import { parseAnnexJson, stringifyAnnexJson } from './annex-json';

/** The file formats a document is read from and written to, by file extension. */
export type FormatId = 'json';

interface DocumentFormat {
  readonly id: FormatId;
  readonly extensions: readonly string[];
  readonly read?: (bytes: Uint8Array) => Result<AnnexDocument, LoadProblem[]>;
  readonly write?: (document: AnnexDocument) => Uint8Array;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readJson(bytes: Uint8Array): Result<AnnexDocument, LoadProblem[]> {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return err([{ code: 'invalid-json', path: '', message: 'UTF-8 として読めない文字が含まれています' }]);
  }
  return parseAnnexJson(text);
}

const FORMATS: readonly DocumentFormat[] = [
  { id: 'json', extensions: ['.json'], read: readJson, write: (document) => new TextEncoder().encode(stringifyAnnexJson(document)) },
];

export function formatForPath(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  return FORMATS.find((format) => format.extensions.some((extension) => lower.endsWith(extension)));
}

export const readableExtensions = (): string[] => FORMATS.filter((format) => format.read).flatMap((format) => [...format.extensions]);
export const writableExtensions = (): string[] => FORMATS.filter((format) => format.write).flatMap((format) => [...format.extensions]);
