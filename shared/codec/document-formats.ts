import { describeImportProblem } from '../excel/import-problem';
import { readAnnexWorkbook } from '../excel/read-annex-workbook';
import { writeAnnexWorkbook } from '../excel/write-annex-workbook';
import type { AnnexDocument } from '../model/annex-document';
import { describeLoadProblem } from '../model/load-problem';
import { err, ok, type Result } from '../result';
import { parseAnnexJson, stringifyAnnexJson } from './annex-json';

/** The file formats a document is read from and written to, chosen by file extension. */
export type FormatId = 'json' | 'xlsx' | 'xls' | 'ods' | 'csv';

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

export interface DocumentFormat {
  readonly id: FormatId;
  readonly label: string;
  readonly extensions: readonly string[];
  readonly read?: (bytes: Uint8Array, options: ReadOptions) => ReadResult;
  readonly write?: (document: AnnexDocument) => Promise<Uint8Array>;
}

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

const FORMATS: readonly DocumentFormat[] = [
  {
    id: 'json',
    label: 'JSON',
    extensions: ['.json'],
    read: readJson,
    write: async (document) => new TextEncoder().encode(stringifyAnnexJson(document)),
  },
  { id: 'xlsx', label: 'Excel ブック', extensions: ['.xlsx'], read: readSpreadsheet, write: writeAnnexWorkbook },
  { id: 'xls', label: 'Excel 97-2003 ブック', extensions: ['.xls'], read: readSpreadsheet },
  { id: 'ods', label: 'OpenDocument スプレッドシート', extensions: ['.ods'], read: readSpreadsheet },
  { id: 'csv', label: 'CSV', extensions: ['.csv'], read: readSpreadsheet },
];

export function formatForPath(path: string): DocumentFormat | undefined {
  const lower = path.toLowerCase();
  return FORMATS.find((format) => format.extensions.some((extension) => lower.endsWith(extension)));
}

export const formatById = (id: FormatId): DocumentFormat => FORMATS.find((format) => format.id === id) as DocumentFormat;

export const readableExtensions = (): string[] => FORMATS.filter((format) => format.read).flatMap((format) => [...format.extensions]);
export const writableExtensions = (): string[] => FORMATS.filter((format) => format.write).flatMap((format) => [...format.extensions]);

/** Reads a file by its name's extension. */
export function readDocumentBytes(bytes: Uint8Array, options: ReadOptions): ReadResult {
  const format = formatForPath(options.fileName);
  if (!format?.read) return err([`${options.fileName}: この形式は読めません（読める形式: ${readableExtensions().join(', ')}）`]);
  return format.read(bytes, options);
}
