import { parseHtmlTable } from './html-table';
import { parseTsv, type CellMatrix } from './tsv';

/** What a paste offers: the clipboard's HTML and plain text, either possibly empty. */
export interface ClipboardTexts {
  readonly html?: string | null;
  readonly text?: string | null;
}

/** The cells to paste: the HTML table when there is one (it keeps line breaks inside cells), else the TSV. */
export function clipboardCells({ html, text }: ClipboardTexts): string[][] {
  if (html) {
    const table = parseHtmlTable(html);
    if (table && table.length > 0) return table;
  }
  return text ? parseTsv(text) : [];
}

/** The widest row's length. */
export const matrixWidth = (cells: CellMatrix): number => cells.reduce((width, row) => Math.max(width, row.length), 0);
