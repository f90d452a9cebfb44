import * as XLSX from 'xlsx';
import { odsCounts, TOO_MANY_CELLS } from './part-scan';
import { READ_LIMITS } from './read-limits';

/*
 * Counts, in a .xls before SheetJS parses it, the cells it would make: a BIFF blank record spans up to 256 cells in
 * 2 bytes each, a SpreadsheetML merge is filled cell by cell (a 300-byte file asked for 17 billion), and a text or
 * HTML file named .xls is split into a cell per separator or <td>, and a flat ODS spreads its repeat counts.
 */

interface CfbModule {
  read(data: Uint8Array, options: { type: 'buffer' }): unknown;
  find(container: unknown, path: string): { content?: ArrayLike<number> } | null;
}
const CFB = (XLSX as unknown as { CFB: CfbModule }).CFB;

// BIFF2–8 records of one cell each (MS-XLS 2.4): blank, number, label, boolean or error, formula, RK, shared string.
const ONE_CELL = new Set([0x0001, 0x0002, 0x0003, 0x0004, 0x0005, 0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x0206, 0x0406, 0x027e, 0x00fd, 0x00d6]);
const MUL_RK = 0x00bd;
const MUL_BLANK = 0x00be;

/** The cells of a BIFF stream; SheetJS hands a compound file's stream over as an array or a buffer, so read by index. */
function biffCellCount(stream: ArrayLike<number>): number {
  const u16 = (at: number): number => (stream[at] ?? 0) | ((stream[at + 1] ?? 0) << 8);
  let cells = 0;
  for (let at = 0; at + 4 <= stream.length; ) {
    const type = u16(at);
    const length = u16(at + 2);
    if (type === MUL_BLANK) cells += Math.max(0, (length - 6) / 2);
    else if (type === MUL_RK) cells += Math.max(0, (length - 6) / 6);
    else if (ONE_CELL.has(type)) cells += 1;
    at += 4 + length;
  }
  return cells;
}

// SpreadsheetML 2003 (XML named .xls): each merge is filled with a cell per place it covers.
const XML_CELL = /<(?:[\w.-]+:)?Cell\b[^<>]*>/g;
const MERGE_ACROSS = /\s(?:[^\s=:]+:)?MergeAcross\s*=\s*"([^"]*)"/;
const MERGE_DOWN = /\s(?:[^\s=:]+:)?MergeDown\s*=\s*"([^"]*)"/;
// A text or HTML table: a cell per separator SheetJS might split on, per <td> or <th>.
const SEPARATORS = /[,\t;|\n]|<t[dh][\s>/]/gi;

function textCellCount(text: string): number {
  let cells = (text.match(SEPARATORS) ?? []).length;
  for (const [tag] of text.matchAll(XML_CELL)) {
    const across = Math.max(0, Number.parseInt(MERGE_ACROSS.exec(tag)?.[1] ?? '0', 10) || 0);
    const down = Math.max(0, Number.parseInt(MERGE_DOWN.exec(tag)?.[1] ?? '0', 10) || 0);
    cells += (across + 1) * (down + 1);
    if (cells > READ_LIMITS.cells) break;
  }
  return cells;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);

/** Japanese message when a .xls (compound file, bare BIFF, or XML, HTML or text in disguise) would make too many cells. */
export function xlsCellProblem(bytes: Uint8Array): string | undefined {
  let cells: number;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    let stream: ArrayLike<number> | undefined;
    try {
      const container = CFB.read(bytes, { type: 'buffer' });
      stream = (CFB.find(container, '/Workbook') ?? CFB.find(container, '/Book'))?.content;
    } catch {
      return undefined; // SheetJS will say what is broken
    }
    cells = stream ? biffCellCount(stream) : 0;
  } else if (bytes[0] === 0x09 && (bytes[1] ?? 0xff) <= 0x08) cells = biffCellCount(bytes);
  else {
    const encoding = startsWith(bytes, [0xff, 0xfe]) ? 'utf-16le' : startsWith(bytes, [0xfe, 0xff]) ? 'utf-16be' : 'utf-8';
    const text = new TextDecoder(encoding).decode(bytes);
    // SheetJS reads a flat ODS (an <office:document> named .xls) as ODS, its repeat counts spread.
    cells = textCellCount(text) + odsCounts(text).cells;
  }
  return cells > READ_LIMITS.cells ? TOO_MANY_CELLS : undefined;
}
