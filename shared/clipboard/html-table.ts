import type { CellMatrix } from './tsv';

/**
 * Spreadsheet cells as text/html: a <table>, which keeps line breaks inside cells (text/plain cannot tell
 * them from row breaks once a program drops the quotes). A small tolerant tokenizer, free of the DOM, so it
 * runs in Node tests and in the renderer alike.
 */

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Excel splits a plain <br> into rows when it pastes; this style keeps the break inside the cell.
const CELL_BREAK = '<br style="mso-data-placement:same-cell;">';
// Text format, so Excel does not turn 1-2 into a date.
const TEXT_CELL = `<td style="mso-number-format:'\\@';white-space:pre-wrap;vertical-align:top">`;

export function formatHtmlTable(rows: CellMatrix): string {
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `${TEXT_CELL}${escapeHtml(cell).replace(/\r\n|\r|\n/g, CELL_BREAK)}</td>`).join('')}</tr>`)
    .join('');
  return `<meta charset="utf-8"><table border="1" style="border-collapse:collapse"><tbody>${body}</tbody></table>`;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  yen: '¥',
  copy: '©',
  reg: '®',
  middot: '·',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  times: '×',
  divide: '÷',
  deg: '°',
  plusmn: '±',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) return match;
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

// Elements that start a new line of text inside a cell, as a browser lays them out.
const BLOCK = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote', 'dt', 'dd', 'section', 'article', 'tr', 'table']);
// Elements whose content is never cell text.
const SKIP_CONTENT = new Set(['style', 'script', 'head', 'title', 'colgroup', 'template', 'xml']);

interface Tag {
  readonly name: string;
  readonly closing: boolean;
  readonly attributes: string;
}

function readTag(html: string, start: number): { tag: Tag | null; end: number } {
  // Comments, conditional comments (<!--[if gte mso 9]>…<![endif]-->) and doctypes carry no text.
  if (html.startsWith('<!--', start)) {
    const close = html.indexOf('-->', start + 4);
    return { tag: null, end: close < 0 ? html.length : close + 3 };
  }
  if (html[start + 1] === '!' || html[start + 1] === '?') {
    const close = html.indexOf('>', start);
    return { tag: null, end: close < 0 ? html.length : close + 1 };
  }
  const match = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)/.exec(html.slice(start, start + 64));
  if (!match) return { tag: null, end: -1 };
  // Attribute values may hold '>' inside quotes.
  let index = start + match[0].length;
  let quote: string | null = null;
  while (index < html.length) {
    const char = html[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      break;
    }
    index += 1;
  }
  const attributes = html.slice(start + match[0].length, index);
  return { tag: { name: (match[2] as string).toLowerCase(), closing: match[1] === '/', attributes }, end: Math.min(index + 1, html.length) };
}

function spanOf(attributes: string, name: 'colspan' | 'rowspan'): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?\\s*(\\d+)`, 'i').exec(attributes);
  const value = match ? Number.parseInt(match[1] as string, 10) : 1;
  return Number.isFinite(value) && value >= 1 ? Math.min(value, 1000) : 1;
}

// ASCII whitespace only: a full-width space is text.
const collapse = (text: string): string => text.replace(/[ \t\r\n\f]+/g, ' ');
const trimAscii = (text: string): string => text.replace(/^[ \t\r\n\f]+|[ \t\r\n\f]+$/g, '');

/**
 * The cells of the first <table> in an HTML fragment, or null when there is none. <br> and block elements
 * become line breaks; other whitespace collapses as a browser shows it; merged cells (colspan/rowspan) leave
 * empty cells, as a spreadsheet does.
 */
export function parseHtmlTable(html: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] | null = null;
  let cell: string | null = null;
  let inTable = false;
  let nestedTables = 0;
  let skipping: string | null = null;
  // Columns still covered by a rowspan from above: column index → rows left.
  let pending = new Map<number, number>();

  const appendText = (text: string): void => {
    if (cell === null) return;
    cell += text;
  };
  const lineBreak = (): void => {
    if (cell === null) return;
    cell += '\n';
  };
  const softBreak = (): void => {
    // A block boundary starts a new line unless the cell is empty or already on a new line.
    if (cell === null) return;
    const trimmed = cell.replace(/[ \t\r\f]+$/, '');
    if (trimmed.length > 0 && !trimmed.endsWith('\n')) cell = `${trimmed}\n`;
  };
  const fillPending = (): void => {
    if (!row) return;
    while ((pending.get(row.length) ?? 0) > 0) row.push('');
  };
  const closeCell = (): void => {
    if (row === null || cell === null) return;
    const lines = cell.split('\n').map((line) => trimAscii(line));
    row.push(trimAscii(lines.join('\n')));
    cell = null;
  };
  const openCell = (attributes: string): void => {
    closeCell();
    if (row === null) openRow();
    fillPending();
    const colspan = spanOf(attributes, 'colspan');
    const rowspan = spanOf(attributes, 'rowspan');
    const at = (row as string[]).length;
    if (rowspan > 1) for (let offset = 0; offset < colspan; offset++) pending.set(at + offset, rowspan);
    cell = '';
    // The extra columns of a colspan are pushed as empty cells after this one closes.
    spans.push(colspan - 1);
  };
  const spans: number[] = [];
  const closeCellWithSpan = (): void => {
    if (cell === null) return;
    closeCell();
    const extra = spans.pop() ?? 0;
    for (let i = 0; i < extra; i++) row?.push('');
  };
  const openRow = (): void => {
    closeRow();
    row = [];
  };
  const closeRow = (): void => {
    closeCellWithSpan();
    if (row === null) return;
    fillPending();
    // Rows below see one row less of every rowspan.
    const next = new Map<number, number>();
    for (const [column, left] of pending) if (left > 1) next.set(column, left - 1);
    pending = next;
    rows.push(row);
    row = null;
  };

  let index = 0;
  while (index < html.length) {
    const lt = html.indexOf('<', index);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > index && !skipping && inTable) appendText(collapse(decodeEntities(html.slice(index, textEnd))));
    if (lt < 0) break;
    const { tag, end } = readTag(html, lt);
    if (end < 0) {
      // A lone '<' is text.
      if (!skipping && inTable) appendText('<');
      index = lt + 1;
      continue;
    }
    index = end;
    if (!tag) continue;
    if (skipping) {
      if (tag.closing && tag.name === skipping) skipping = null;
      continue;
    }
    if (SKIP_CONTENT.has(tag.name) && !tag.closing && !tag.attributes.trimEnd().endsWith('/')) {
      skipping = tag.name;
      continue;
    }
    if (tag.name === 'table') {
      if (!tag.closing) {
        if (inTable) {
          nestedTables += 1;
          softBreak();
        } else {
          inTable = true;
        }
      } else if (nestedTables > 0) {
        nestedTables -= 1;
        softBreak();
      } else if (inTable) {
        closeRow();
        break;
      }
      continue;
    }
    if (!inTable) continue;
    if (nestedTables > 0) {
      // A table inside a cell: its cells are lines of the outer cell's text.
      if (tag.name === 'br' || tag.name === 'tr' || BLOCK.has(tag.name)) softBreak();
      else if ((tag.name === 'td' || tag.name === 'th') && !tag.closing) appendText(' ');
      continue;
    }
    switch (tag.name) {
      case 'tr':
        if (tag.closing) closeRow();
        else openRow();
        break;
      case 'td':
      case 'th':
        if (tag.closing) closeCellWithSpan();
        else {
          closeCellWithSpan();
          openCell(tag.attributes);
        }
        break;
      case 'br':
        lineBreak();
        break;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        closeRow();
        break;
      default:
        if (BLOCK.has(tag.name)) softBreak();
    }
  }
  if (inTable) closeRow();
  return inTable ? rows : null;
}
