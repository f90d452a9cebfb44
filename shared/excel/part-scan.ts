import { READ_LIMITS } from './read-limits';
import type { ZipContainer } from './zip-container';

/*
 * Counts, in a workbook's text before SheetJS parses it, what SheetJS would blow up: rows and cells (a repeat count it
 * spreads over cells one by one), and array formulas it compares every later cell with. A few kilobytes can ask for
 * billions. Rows may number one more than the limit, as the row cap SheetJS is given; the grids refuse them after.
 */

// SheetJS's own tag pattern for ODS (xlmlregex in 0.20.3), so the scan sees the very tags it will; names as it takes them.
const ODS_TAG = /<([/]?)([^\s?><!/:"]*:|)([^\s?<>:/"]+)(?:\s+[^<>=?"'\s]+="[^"]*?")*\s*[/]?>/gm;
const ROW = new Set(['table-row', '行']);
const CELL = new Set(['table-cell', '数据']);
const ROWS_REPEATED = /\s(?:[^\s=:]+:)?number-rows-repeated="([^"]*)"/;
const COLUMNS_REPEATED = /\s(?:[^\s=:]+:)?number-columns-repeated="([^"]*)"/;

/** The text SheetJS scans: comments taken out, then a DOCTYPE (its str_remove_ng and remove_doctype, as written). */
function asSheetJsScans(text: string): string {
  const kept: string[] = [];
  let last = 0;
  for (let start = text.indexOf('<!--'); start > -1; ) {
    kept.push(text.slice(last, start));
    const end = text.indexOf('-->', start + 4);
    if (end === -1) break;
    last = end + 3;
    start = text.indexOf('<!--', last);
    if (start === -1) kept.push(text.slice(last));
  }
  const xml = text.includes('<!--') ? kept.join('') : text;
  const doctype = xml.slice(0, 1024).indexOf('<!DOCTYPE');
  const firstTag = doctype === -1 ? undefined : /<\w/.exec(xml);
  return firstTag ? xml.slice(0, doctype) + xml.slice(firstTag.index) : xml;
}

/**
 * The cells SheetJS makes of an ODS's content.xml (or a flat ODS), a cell with content once per row and column it is
 * repeated over, and the rows those cells are in (a row repeated with content in it counts each time).
 */
export function odsCounts(text: string): { cells: number; rows: number } {
  let rowRepeat = 1;
  let rowCells = 0;
  let cells = 0;
  let rows = 0;
  for (const [tag, closing, , rawName = ''] of asSheetJsScans(text).matchAll(ODS_TAG)) {
    const name = rawName.replace(/_[\s\S]*$/, '');
    if (ROW.has(name)) {
      if (rowCells > 0) rows += rowCells;
      rowCells = 0;
      // As SheetJS reads them: unary plus for rows (so "1e9" is a billion), parseInt for columns.
      rowRepeat = closing ? 1 : Math.max(1, Number(ROWS_REPEATED.exec(tag)?.[1]) || 1);
      continue;
    }
    if (closing || (!CELL.has(name) && name !== 'covered-table-cell')) continue;
    const columnRepeat = Math.max(1, Number.parseInt(COLUMNS_REPEATED.exec(tag)?.[1] ?? '1', 10) || 1);
    const selfClosing = tag.charAt(tag.length - 2) === '/';
    // An open cell is copied to every repeated row and column; an empty one and a covered one only along its row.
    const spread = CELL.has(name) && !selfClosing;
    cells += spread ? rowRepeat * columnRepeat : selfClosing ? 1 : columnRepeat;
    rowCells = Math.max(rowCells, spread ? rowRepeat : 1);
    if (cells > READ_LIMITS.cells) break;
  }
  return { cells, rows: rows + rowCells };
}

const isNameByte = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x2e || byte === 0x2d;
const endsName = (byte: number | undefined): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x3e || byte === 0x2f;

/**
 * Cell elements of SpreadsheetML, whatever their prefix (<c r="A1">, <x:c>), not <col> or <c:chart>, and rows that
 * hold cells (not a self-closing <row/> that only sets a height): counted in the bytes, without decoding them.
 */
function xlsxCounts(bytes: Uint8Array): { cells: number; rows: number; formulas: boolean } {
  let cells = 0;
  let rows = 0;
  let formulas = false;
  // One pass over the bytes, skipping each tag's name: a call to indexOf per tag took half as long again.
  for (let at = 0; at < bytes.length; at += 1) {
    if (bytes[at] !== 0x3c) continue;
    let name = at + 1;
    let end = name;
    while (end < bytes.length && isNameByte(bytes[end] as number)) end += 1;
    if (bytes[end] === 0x3a) name = end + 1;
    const first = bytes[name];
    if (first === 0x63 && endsName(bytes[name + 1])) cells += 1;
    else if (first === 0x66 && endsName(bytes[name + 1])) formulas = true;
    else if (first === 0x72 && bytes[name + 1] === 0x6f && bytes[name + 2] === 0x77 && endsName(bytes[name + 3])) {
      const close = bytes.indexOf(0x3e, name);
      if (close > 0 && bytes[close - 1] !== 0x2f) rows += 1;
    }
    at = end - 1;
  }
  return { cells, rows, formulas };
}

/** Whether the bytes hold an ASCII word: a part without "array" or "matrix" need not be decoded to look for formulas. */
function holds(bytes: Uint8Array, word: string): boolean {
  const first = word.charCodeAt(0);
  for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
    let index = 1;
    while (index < word.length && bytes[at + index] === word.charCodeAt(index)) index += 1;
    if (index === word.length) return true;
  }
  return false;
}

const ARRAY_FORMULA = /\st\s*=\s*["']array["']|number-matrix-rows-spanned\s*=/g;
const countOf = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;
export const TOO_MANY_ROWS = `行が多すぎます（${READ_LIMITS.rows.toLocaleString('ja-JP')} 行を超えています）。取組事業一覧のファイルか確かめてください`;
export const TOO_MANY_CELLS = `セルが多すぎます（${READ_LIMITS.cells.toLocaleString('ja-JP')} 個を超えます）。取組事業一覧のファイルか確かめてください`;

/** Japanese message when an ODS's content.xml would spread into more rows or cells than any annex has. */
export function odsCellProblem(contentXml: string): string | undefined {
  const { cells, rows } = odsCounts(contentXml);
  return cells > READ_LIMITS.cells ? TOO_MANY_CELLS : rows > READ_LIMITS.rows + 1 ? TOO_MANY_ROWS : undefined;
}

/** Japanese message when a CSV has more fields than any annex (every separator SheetJS might take counted). */
export function csvCellProblem(text: string): string | undefined {
  return countOf(text, /[,\t;|\n]/g) >= READ_LIMITS.cells ? TOO_MANY_CELLS : undefined;
}

/**
 * Japanese message when the parts of an inflated zip hold more rows or cells than any annex (SheetJS's time and memory
 * grow with them: 3 million cells took 10 s and 700 MB), or more array formulas than SheetJS can compare in time.
 * Every part but a binary one is scanned: SheetJS reads a sheet by the name a relationship gives, whatever it is called.
 */
export function workbookPartProblem(container: ZipContainer): string | undefined {
  return scanWorkbookParts(container).problem;
}

/**
 * workbookPartProblem's scan, and whether any part may hold a formula element (<f>, <x:f>): only then must
 * SheetJS keep empty cells (stubs), where a formula saved without its value is found. A binary part may.
 */
export function scanWorkbookParts(container: ZipContainer): { readonly problem: string | undefined; readonly mayHoldFormulas: boolean } {
  const decoder = new TextDecoder('utf-8');
  let cells = 0;
  let rows = 0;
  let arrayFormulas = 0;
  let mayHoldFormulas = false;
  container.FileIndex.forEach((entry, index) => {
    if (entry.content === undefined) return;
    if (/\.bin$/i.test(container.FullPaths[index] ?? '')) {
      mayHoldFormulas = true;
      return;
    }
    const counts = xlsxCounts(entry.content);
    cells += counts.cells;
    rows += counts.rows;
    mayHoldFormulas ||= counts.formulas;
    if (holds(entry.content, 'array') || holds(entry.content, 'matrix')) arrayFormulas += countOf(decoder.decode(entry.content), ARRAY_FORMULA);
  });
  const problem =
    cells > READ_LIMITS.cells
      ? TOO_MANY_CELLS
      : // SheetJS parses every row before the row limit can be checked: a million took it 3 seconds.
        rows > READ_LIMITS.rows + 1
        ? TOO_MANY_ROWS
        : arrayFormulas > READ_LIMITS.arrayFormulas
          ? `配列数式が多すぎます（${arrayFormulas.toLocaleString('ja-JP')} 個。${READ_LIMITS.arrayFormulas.toLocaleString('ja-JP')} 個まで）。取組事業一覧のファイルか確かめてください`
          : undefined;
  return { problem, mayHoldFormulas };
}
