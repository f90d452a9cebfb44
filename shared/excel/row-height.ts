/**
 * Row heights for the exported workbook. Nothing auto-fits in xlsx (Excel only re-fits a row when it is
 * edited, LibreOffice keeps a written height), so each row's height is estimated from its texts and its
 * columns' widths. Pure functions: the writer runs in Node and in a browser worker alike.
 */

/** The print font's size in points (BIZ UDPGothic 9). */
export const PRINT_FONT_SIZE = 9;

/**
 * Height of one line, as a multiple of the font size. BIZ UDPGothic's ascent + descent is exactly 1 em
 * (LibreOffice lays lines 1 em apart); Excel adds a little leading, so the estimate leaves some room.
 */
export const LINE_HEIGHT_EM = 1.2;
/** Height of one character of vertical (stacked) text, as a multiple of the font size. */
export const VERTICAL_CHAR_EM = 1.08;
/** Space above and below the text inside a cell, in points. */
export const CELL_PADDING_PT = 6;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT_PT = 409;

/**
 * Width of one character in ems: half-width characters (ASCII, half-width kana and forms) count 0.5,
 * combining and invisible characters 0, everything else (kanji, kana, full-width forms) 1.
 */
export function charWidthEm(codePoint: number): number {
  if (codePoint < 0x20 || codePoint === 0x7f) return 0; // control characters (line breaks are handled apart)
  if (codePoint < 0x7f) return 0.5;
  if (codePoint >= 0x0300 && codePoint <= 0x036f) return 0; // combining diacritics
  if (codePoint === 0x3099 || codePoint === 0x309a) return 0; // combining (han)dakuten
  if ((codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0x2060 || codePoint === 0xfeff) return 0;
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return 0; // variation selectors
  if (codePoint >= 0xe0100 && codePoint <= 0xe01ef) return 0;
  if (codePoint >= 0xff61 && codePoint <= 0xff9f) return 0.5; // half-width katakana
  if (codePoint >= 0xffe8 && codePoint <= 0xffee) return 0.5; // half-width forms
  return 1;
}

/** Width of a text in ems, ignoring line breaks. */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const char of text) width += charWidthEm(char.codePointAt(0) ?? 0);
  return width;
}

const codePoints = (text: string): Set<number> => new Set([...text].map((char) => char.codePointAt(0) ?? 0));
/** Characters that may not start a line (行頭禁則): a line break moves the character before them too. */
const NO_LINE_START = codePoints('、。，．,.・：；？！ー」』）］｝〕〉》】’”ゝゞヽヾ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)]}:;!?%');
/** Characters that may not end a line (行末禁則). */
const NO_LINE_END = codePoints('「『（［｛〔〈《【‘“([{');

/** Printable ASCII other than the space: runs of these are words, which break only when longer than a line. */
const isWordChar = (code: number): boolean => code >= 0x21 && code <= 0x7e;

/**
 * Lines one paragraph (no line breaks) takes when wrapped into `capacityEm` ems: Japanese breaks between
 * any two characters except where kinsoku forbids it; a run of ASCII letters and digits breaks only when it
 * is longer than a line. Greedy, as the renderers are.
 */
export function paragraphLineCount(paragraph: string, capacityEm: number): number {
  if (paragraph.length === 0) return 1;
  const codes: number[] = [];
  for (const char of paragraph) codes.push(char.codePointAt(0) ?? 0);
  const widthOf = (i: number): number => charWidthEm(codes[i] ?? 0);
  const capacity = Math.max(capacityEm, 0.5) + 1e-9;
  let lines = 1;
  let lineWidth = 0;
  let lineStart = 0;
  let index = 0;
  while (index < codes.length) {
    // The next unbreakable unit: an ASCII word, or one character.
    let end = index + 1;
    if (isWordChar(codes[index] ?? 0)) while (end < codes.length && isWordChar(codes[end] ?? 0)) end += 1;
    let unitWidth = 0;
    for (let i = index; i < end; i++) unitWidth += widthOf(i);
    if (lineWidth + unitWidth <= capacity) {
      lineWidth += unitWidth;
      index = end;
      continue;
    }
    if (unitWidth > capacity) {
      // A unit wider than a line (a long URL) starts a line of its own and breaks by characters.
      if (lineWidth > 0) lines += 1;
      lineWidth = 0;
      for (let i = index; i < end; i++) {
        if (lineWidth > 0 && lineWidth + widthOf(i) > capacity) {
          lines += 1;
          lineWidth = 0;
        }
        lineWidth += widthOf(i);
      }
      index = end;
      lineStart = end - 1;
      continue;
    }
    // Break before this unit; kinsoku pulls the previous character down with it.
    let breakAt = index;
    if (breakAt - 1 > lineStart && (NO_LINE_START.has(codes[index] ?? 0) || NO_LINE_END.has(codes[index - 1] ?? 0))) {
      breakAt -= 1;
    }
    lines += 1;
    lineStart = breakAt;
    lineWidth = 0;
    index = breakAt;
  }
  return lines;
}

/** Lines a text takes in a cell whose text area is `widthPt` wide: explicit line breaks are kept. */
export function wrappedLineCount(text: string, widthPt: number, fontSize: number = PRINT_FONT_SIZE): number {
  const capacityEm = widthPt / fontSize;
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) lines += paragraphLineCount(paragraph, capacityEm);
  return lines;
}

/**
 * At least as many lines as wrappedLineCount gives a text without line breaks at most `widthEm` ems wide
 * whose unbreakable units (one character, or an ASCII word) are at most `widestUnitEm` wide, so a caller can
 * often skip the exact count. Wrapping is greedy and kinsoku carries at most one character (1 em) down, so
 * every line but the last is wider than the capacity less the widest unit less 1 em. Infinity when a line
 * may be shorter than that.
 */
export function wrappedLineCountBound(widthEm: number, widestUnitEm: number, widthPt: number, fontSize: number = PRINT_FONT_SIZE): number {
  const leastLineEm = widthPt / fontSize - Math.max(widestUnitEm, 1) - 1;
  return leastLineEm > 0 ? 1 + widthEm / leastLineEm : Number.POSITIVE_INFINITY;
}

/**
 * The text area of a column `width` Excel units wide, in points. A unit is the default font's (Calibri 11)
 * digit width, 7 px; the column adds 5 px of padding around the text, which is not usable.
 */
export function columnTextWidthPt(width: number): number {
  return Math.max(width * 7 * 0.75 - 1.5, 1);
}

/** Height in points of a horizontal text wrapped in a cell whose text area is `widthPt` wide. */
export function textHeightPt(text: string, widthPt: number, fontSize: number = PRINT_FONT_SIZE): number {
  return wrappedLineCount(text, widthPt, fontSize) * fontSize * LINE_HEIGHT_EM + CELL_PADDING_PT;
}

/**
 * Height in points of a vertical (縦書き, stacked) text: about 1 em a character. Renderers never wrap vertical
 * text into a second column and ignore line breaks in it, so every character counts.
 */
export function verticalTextHeightPt(text: string, fontSize: number = PRINT_FONT_SIZE): number {
  let chars = 0;
  for (const char of text) if (char !== '\n' && char !== '\r' && charWidthEm(char.codePointAt(0) ?? 0) > 0) chars += 1;
  return Math.max(chars, 1) * fontSize * VERTICAL_CHAR_EM + 2 * CELL_PADDING_PT;
}

/** One cell's content, as the height estimate sees it. */
export interface CellText {
  readonly text: string;
  /** The text area's width in points (for a merged cell, the merged width). */
  readonly widthPt: number;
  readonly vertical?: boolean;
}

/** Height in points a cell needs. */
export function cellHeightPt(cell: CellText, fontSize: number = PRINT_FONT_SIZE): number {
  return cell.vertical ? verticalTextHeightPt(cell.text, fontSize) : textHeightPt(cell.text, cell.widthPt, fontSize);
}

/** A row's height in points: its tallest cell, at least one line, at most Excel's limit; rounded up to 0.25 pt. */
export function rowHeightPt(cells: readonly CellText[], fontSize: number = PRINT_FONT_SIZE): number {
  let height = fontSize * LINE_HEIGHT_EM + CELL_PADDING_PT;
  for (const cell of cells) height = Math.max(height, cellHeightPt(cell, fontSize));
  return clampRowHeight(height);
}

export function clampRowHeight(height: number): number {
  return Math.min(Math.ceil(height * 4) / 4, MAX_ROW_HEIGHT_PT);
}

/** A cell that spans rows `top`..`bottom` (indices into the heights being fitted). */
export interface SpanningCell extends CellText {
  readonly top: number;
  readonly bottom: number;
}

/**
 * Heights of a band of rows in which cells may span several rows (merged header cells). A single-row cell
 * sets its row's height; a spanning cell that needs more than its rows give gets the difference added to its
 * last row. Spans are fitted shortest first, so a long span sees the rows its shorter neighbours set.
 */
export function bandRowHeightsPt(rowCount: number, cells: readonly SpanningCell[], fontSize: number = PRINT_FONT_SIZE): number[] {
  const minimum = fontSize * LINE_HEIGHT_EM + CELL_PADDING_PT;
  const heights = Array.from({ length: rowCount }, () => minimum);
  const sorted = [...cells].sort((a, b) => a.bottom - a.top - (b.bottom - b.top));
  for (const cell of sorted) {
    const needed = cellHeightPt(cell, fontSize);
    let have = 0;
    for (let row = cell.top; row <= cell.bottom; row++) have += heights[row] ?? 0;
    if (needed > have) heights[cell.bottom] = (heights[cell.bottom] ?? 0) + needed - have;
  }
  return heights.map(clampRowHeight);
}
