import * as XLSX from 'xlsx';
import { err, ok, type Result } from '../result';
import { decodeCsv } from './csv-decode';
import { prepareOds } from './read-ods-spaces';
import { csvCellProblem, scanWorkbookParts } from './part-scan';
import type { ImportProblem } from './import-problem';
import { READ_LIMITS, megabytes } from './read-limits';
import { sheetByName } from './sheet-grid';
import { xlsCellProblem } from './xls-scan';
import { inflateZip, parseContainer, type ZipContainer } from './zip-container';
import { looksLikeZip, readZipDirectory, zipLimitProblems, type ZipStream } from './zip-limits';

export type WorkbookFormat = 'zip' | 'xls' | 'csv';

export interface ReadWorkbook {
  readonly workbook: XLSX.WorkBook;
  readonly format: WorkbookFormat;
}

// xlsx, ods and their kin are zips; .xls is a compound file (or, from some systems, HTML or XML in disguise).
const FORMATS = new Map<string, WorkbookFormat>([
  ['xlsx', 'zip'],
  ['xlsm', 'zip'],
  ['xlsb', 'zip'],
  ['ods', 'zip'],
  ['xls', 'xls'],
  ['csv', 'csv'],
]);
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0];

const fileProblem = (message: string): ImportProblem[] => [{ severity: 'error', sheet: '', cell: '', message }];

// What SheetJS gets: values only (no HTML, number formats or styles), formulas kept to be named, never evaluated.
const READ_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellHTML: false,
  cellText: false,
  cellNF: false,
  cellStyles: false,
  cellDates: false,
  // A formula saved without its value (by a tool that never calculates) survives only as a stub, and must be named.
  sheetStubs: true,
  bookVBA: false,
};

// A row of a sheet takes more than this many bytes of XML, so a file whose sheets are smaller cannot exceed
// the row limit and is read without SheetJS's row cap (which slows every read by a third).
const MIN_BYTES_PER_ROW = 16;

/** The row cap, only for files large enough to hold more rows than any annex has. */
function rowCap(uncompressedBytes: number): XLSX.ParsingOptions {
  return uncompressedBytes > READ_LIMITS.rows * MIN_BYTES_PER_ROW ? { sheetRows: READ_LIMITS.rows + 1 } : {};
}

export function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

function sheetJsProblem(cause: unknown): ImportProblem[] {
  const detail = cause instanceof Error ? cause.message : String(cause);
  if (/password|encrypt/i.test(detail)) return fileProblem('パスワードで保護されたファイルは読めません。保護を外して保存し直してください');
  return fileProblem(`表計算のファイルとして読めません。壊れているか、別の形式のファイルです（${detail.slice(0, 100)}）`);
}

// SheetJS reads a zip without these as Apple Numbers (another decompressor) or opens a zip inside it with no limits.
const WORKBOOK_MARKS = ['[content_types].xml', 'meta-inf/manifest.xml', 'objectdata.xml'];
function isWorkbookZip(streams: readonly ZipStream[]): boolean {
  const paths = new Set(streams.map((stream) => stream.path.toLowerCase().replace(/\\/g, '/')));
  return !paths.has('index/document.iwa') && WORKBOOK_MARKS.some((mark) => paths.has(mark));
}

interface OpenedZip {
  readonly container: ZipContainer;
  readonly isOds: boolean;
  readonly uncompressedBytes: number;
}

/** A zip's directory checked against the limits and its entries inflated within them, ready for SheetJS. */
function openZip(bytes: Uint8Array, extension: string): Result<OpenedZip, ImportProblem[]> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return err(fileProblem(directory.message));
  const limits = zipLimitProblems(directory.entries);
  if (limits.length > 0) return err(limits.flatMap(fileProblem));
  if (directory.mismatch !== undefined) return err(fileProblem(directory.mismatch));
  if (!isWorkbookZip(directory.streams)) {
    return err(fileProblem(`.${extension} のファイルとして読めません（ZIP の中にブックの目印がありません）。別の形式のファイルです`));
  }
  const inflated = inflateZip(bytes, directory.streams);
  if (!inflated.ok) return err(fileProblem(inflated.error));
  return ok({
    container: inflated.value,
    // As SheetJS decides: a manifest (or a UOF document) makes it read content.xml as ODS, whatever else is there.
    isOds: directory.streams.some((stream) => /^(meta-inf[\\/]manifest\.xml|objectdata\.xml)$/i.test(stream.path)),
    uncompressedBytes: directory.entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0),
  });
}

/** The opened zip parsed by SheetJS, after the counts that would make it blow up; a sheet SheetJS drops is a broken file. */
function parseZipWorkbook(zip: OpenedZip, options: XLSX.ParsingOptions): Result<XLSX.WorkBook, ImportProblem[]> {
  const odsProblem = zip.isOds ? prepareOds(zip.container) : undefined;
  if (odsProblem !== undefined) return err(fileProblem(odsProblem));
  const scan = scanWorkbookParts(zip.container);
  if (scan.problem !== undefined) return err(fileProblem(scan.problem));
  // Keeping every empty cell costs a third of the parse of a styled annex; it is needed only where formulas may be.
  const parsed = parseContainer(zip.container, { ...options, sheetStubs: zip.isOds || scan.mayHoldFormulas }, zip.isOds);
  if (!parsed.ok) return err(fileProblem(parsed.error));
  const workbook = parsed.value;
  // SheetJS drops a sheet of a zip it fails to parse without a word: its table would go missing as if never there.
  const lost = workbook.SheetNames.find((name) => sheetByName(workbook.Sheets, name) === undefined);
  if (lost !== undefined) return err(fileProblem(`シート「${lost.slice(0, 40)}」が壊れていて読めません。ファイルが壊れていないか確かめてください`));
  return ok(workbook);
}

/**
 * The bytes → a SheetJS workbook, refusing first what is far beyond any annex: the file's size, and for a zip the sizes
 * its central directory declares, all checked before a byte is inflated; a zip's entries are inflated here within those
 * sizes, never by SheetJS. A CSV is decoded here (UTF-8, else Shift_JIS).
 */
export function readWorkbookBytes(bytes: Uint8Array, fileName: string): Result<ReadWorkbook, ImportProblem[]> {
  const extension = extensionOf(fileName);
  const format = FORMATS.get(extension);
  if (format === undefined) {
    return err(fileProblem(`「.${extension}」のファイルは読めません。.xlsx・.xls・.ods・.csv のファイルを選んでください`));
  }
  if (bytes.length === 0) return err(fileProblem('ファイルが空です'));
  if (bytes.length > READ_LIMITS.fileBytes) {
    return err(fileProblem(`ファイルが大きすぎます（${megabytes(bytes.length)}。読めるのは ${megabytes(READ_LIMITS.fileBytes)} まで）`));
  }
  const isZip = looksLikeZip(bytes);
  if (format === 'zip' && !isZip && !COMPOUND_FILE.every((byte, index) => bytes[index] === byte)) {
    return err(fileProblem(`.${extension} のファイルとして読めません（中身が ZIP 形式ではありません）。壊れているか、別の形式のファイルです`));
  }
  let zip: OpenedZip | undefined;
  if (isZip && format !== 'csv') {
    const opened = openZip(bytes, extension);
    if (!opened.ok) return opened;
    zip = opened.value;
  }
  try {
    if (format === 'csv') {
      const decoded = decodeCsv(bytes);
      if (!decoded.ok) return err(fileProblem(decoded.message));
      const cells = csvCellProblem(decoded.text);
      if (cells !== undefined) return err(fileProblem(cells));
      // raw: every field stays text, so 1-2 is not a date and =1+2 is not a formula.
      return ok({ workbook: XLSX.read(decoded.text, { ...READ_OPTIONS, ...rowCap(decoded.text.length * 3), type: 'string', raw: true }), format });
    }
    // A .xls is no zip: its size in bytes bounds its rows as well.
    const options = { ...READ_OPTIONS, ...rowCap(zip?.uncompressedBytes ?? bytes.length), type: 'array' } as const;
    if (zip !== undefined) {
      const parsed = parseZipWorkbook(zip, options);
      return parsed.ok ? ok({ workbook: parsed.value, format }) : parsed;
    }
    const cells = xlsCellProblem(bytes);
    return cells === undefined ? ok({ workbook: XLSX.read(bytes, options), format }) : err(fileProblem(cells));
  } catch (cause) {
    return err(sheetJsProblem(cause));
  }
}
