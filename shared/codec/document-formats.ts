import { describeImportProblem } from '../excel/import-problem';
import { readAnnexWorkbook } from '../excel/read-annex-workbook';
import { writeAnnexWorkbook } from '../excel/write-annex-workbook';
import type { AnnexDocument } from '../model/annex-document';
import { describeLoadProblem } from '../model/load-problem';
import { err, ok, type Result } from '../result';
import { parseAnnexJson, stringifyAnnexJson } from './annex-json';
import { formatForPath, readableExtensions, type FormatId } from './format-table';

export interface ReadOptions {
  /** The file's name, for messages. */
  readonly fileName: string;
  /** The open document, whose structure a workbook without one of its own is read against. */
  readonly base?: AnnexDocument;
  /** Take the structure a workbook's header band shows, instead of refusing a mismatch. */
  readonly adoptStructure?: boolean;
}

/** Problems are finished Japanese lines that name the file and the place in it. */
export type ReadResult = Result<{ readonly document: AnnexDocument; readonly warnings: readonly string[] }, readonly string[]>;

type Reader = (bytes: Uint8Array, options: ReadOptions) => ReadResult;
type Writer = (document: AnnexDocument) => Promise<Uint8Array>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readJson(bytes: Uint8Array, { fileName }: ReadOptions): ReadResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return err([`${fileName}: UTF-8 として読めない文字が含まれています`]);
  }
  const result = parseAnnexJson(text);
  return result.ok
    ? ok({ document: result.value, warnings: [] })
    : err(result.error.map((problem) => `${fileName}: ${describeLoadProblem(problem)}`));
}

/** Every spreadsheet format goes through the one workbook reader; its problems become lines naming the file. */
function readSpreadsheet(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const result = readAnnexWorkbook(bytes, options);
  const lines = (problems: readonly Parameters<typeof describeImportProblem>[0][]): string[] =>
    problems.map((problem) => describeImportProblem(problem, options.fileName));
  if (!result.ok) return err(lines(result.error.filter((problem) => problem.severity === 'error')));
  return ok({ document: result.value.document, warnings: lines(result.value.warnings) });
}

/** Each format's reader, and a writer for those format-table.ts calls writable (a unit test holds the two together). */
const READERS: Readonly<Record<FormatId, Reader>> = { json: readJson, xlsx: readSpreadsheet, xls: readSpreadsheet, ods: readSpreadsheet, csv: readSpreadsheet };
const WRITERS: Readonly<Partial<Record<FormatId, Writer>>> = {
  json: async (document) => new TextEncoder().encode(stringifyAnnexJson(document)),
  xlsx: writeAnnexWorkbook,
};

export const readerFor = (id: FormatId): Reader => READERS[id];
export const writerFor = (id: FormatId): Writer | undefined => WRITERS[id];

/** Reads a file by its name's extension. */
export function readDocumentBytes(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const format = formatForPath(options.fileName);
  if (!format) return err([`${options.fileName}: この形式は読めません（読める形式: ${readableExtensions().join(', ')}）`]);
  return readerFor(format.id)(bytes, options);
}
