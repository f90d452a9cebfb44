/**
 * Spreadsheet text (text/plain) as Excel writes and reads it: cells split by tabs, rows by line breaks.
 * A cell holding a tab, a line break or a double quote is quoted, its quotes doubled.
 */

/** A rectangle of cell texts, row by row; rows may be ragged when read. */
export type CellMatrix = readonly (readonly string[])[];

const NEEDS_QUOTES = /[\t\r\n"]/;

export function quoteTsvCell(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** As Excel copies: CRLF between rows and after the last one; a line break inside a cell stays LF. */
export function formatTsv(rows: CellMatrix): string {
  return rows.map((row) => `${row.map((cell) => quoteTsvCell(cell.replace(/\r\n?/g, '\n'))).join('\t')}\r\n`).join('');
}

/**
 * Reads spreadsheet text. A cell that starts with a quote is quoted until a quote that is not doubled;
 * a quote elsewhere is an ordinary character. The line break after the last row (Excel writes one) does not
 * make an empty row. Line breaks inside quoted cells become LF.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = 0;
  const length = text.length;
  let atCellStart = true;
  const endCell = (): void => {
    row.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRow = (): void => {
    endCell();
    rows.push(row);
    row = [];
  };
  while (index < length) {
    const char = text[index] as string;
    if (atCellStart && char === '"') {
      // A quoted cell: read to the closing quote, then whatever follows up to the next separator.
      const close = findClosingQuote(text, index + 1);
      if (close < 0) {
        // No closing quote: Excel keeps the text as it is.
        cell += text.slice(index);
        index = length;
        break;
      }
      cell += text.slice(index + 1, close).replace(/""/g, '"').replace(/\r\n?/g, '\n');
      index = close + 1;
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (char === '\t') {
      endCell();
      index += 1;
    } else if (char === '\r' || char === '\n') {
      endRow();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
    } else {
      cell += char;
      index += 1;
    }
  }
  // Text that does not end in a line break still has a last row to close.
  if (!atCellStart || cell.length > 0 || row.length > 0) endRow();
  return rows;
}

function findClosingQuote(text: string, from: number): number {
  let index = from;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote < 0) return -1;
    if (text[quote + 1] === '"') {
      index = quote + 2;
      continue;
    }
    return quote;
  }
}
