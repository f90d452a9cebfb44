import type { PaperSize } from '../model/annex-document';
import { columnLetters } from './annex-sheet-layout';
import { xmlEscape } from './xml-escape';

/**
 * The pieces of a worksheet part (xl/worksheets/sheetN.xml) as strings: what comes before the rows, one row,
 * one cell, what comes after the rows. A writer emits them in that order and never holds a whole sheet.
 */

/** The spreadsheet's own paper codes: 8 is A3, 9 is A4. */
export type PaperCode = 8 | 9;
const PAPER_CODES: Record<PaperSize, PaperCode> = { A3: 8, A4: 9 };
export const paperCode = (paperSize: PaperSize): PaperCode => PAPER_CODES[paperSize];

export interface SheetColumnFormat {
  readonly column: number;
  /** Excel width units. */
  readonly width: number;
  readonly hidden?: boolean;
}

export interface SheetHead {
  /** The used range, such as A1:R85. */
  readonly dimension: string;
  /** Panes frozen left of column xSplit + 1 and above row ySplit + 1. */
  readonly frozen?: { readonly xSplit: number; readonly ySplit: number };
  readonly columns: readonly SheetColumnFormat[];
}

/** A list of allowed values offered in a drop-down over a range, such as ○ over the matrix's rows. */
export interface ListValidation {
  readonly sqref: string;
  readonly values: readonly string[];
  /** Shown when another value is typed; a warning, so 1 or 〇 can still be kept (the reader reads them as ○). */
  readonly message: string;
}

export interface SheetTail {
  readonly merges: readonly string[];
  readonly paperSize: PaperCode;
  readonly horizontalCentered: boolean;
  /** Protect the sheet, with no password: only unlocked cells are edited; rows may be inserted, deleted and resized. */
  readonly protect?: boolean;
  readonly validations?: readonly ListValidation[];
}

export const PAGE_MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 } as const;
/** Centre footer: page number / page count. */
export const FOOTER = '&C&P / &N';

const WORKSHEET_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';

function paneXml(xSplit: number, ySplit: number): string {
  const active = xSplit && ySplit ? 'bottomRight' : xSplit ? 'topRight' : 'bottomLeft';
  const splits = `${xSplit ? ` xSplit="${xSplit}"` : ''}${ySplit ? ` ySplit="${ySplit}"` : ''}`;
  const topLeft = `${columnLetters(xSplit + 1)}${ySplit + 1}`;
  return `<sheetViews><sheetView workbookViewId="0"><pane${splits} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}"/></sheetView></sheetViews>`;
}

/** Adjacent columns of the same format share one <col> element. */
function colsXml(columns: readonly SheetColumnFormat[]): string {
  const sorted = [...columns].sort((a, b) => a.column - b.column);
  let xml = '';
  for (let start = 0; start < sorted.length; ) {
    const first = sorted[start] as SheetColumnFormat;
    let end = start;
    for (;;) {
      const next = sorted[end + 1];
      const last = sorted[end] as SheetColumnFormat;
      if (!next || next.column !== last.column + 1 || next.width !== first.width || Boolean(next.hidden) !== Boolean(first.hidden)) break;
      end += 1;
    }
    const max = (sorted[end] as SheetColumnFormat).column;
    xml += `<col min="${first.column}" max="${max}" width="${first.width}"${first.hidden ? ' hidden="1"' : ''} customWidth="1"/>`;
    start = end + 1;
  }
  return xml === '' ? '' : `<cols>${xml}</cols>`;
}

/** Everything before the first row. Every sheet fits the page width, so each says fitToPage. */
export function sheetHeadXml(head: SheetHead): string {
  return (
    WORKSHEET_OPEN +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${head.dimension}"/>` +
    (head.frozen ? paneXml(head.frozen.xSplit, head.frozen.ySplit) : '') +
    '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>' +
    colsXml(head.columns) +
    '<sheetData>'
  );
}

/** A row's start tag: a written height is a custom one, which neither Excel nor LibreOffice re-fits. */
export function rowOpenXml(row: number, firstColumn: number, lastColumn: number, heightPt: number | undefined): string {
  const height = heightPt === undefined ? '' : ` ht="${heightPt}" customHeight="1"`;
  return `<row r="${row}"${height} spans="${firstColumn}:${lastColumn}" x14ac:dyDescent="0.25">`;
}

export const ROW_CLOSE = '</row>';

/** A cell that holds a shared string (every text, so no text is ever read as a formula or a number). */
export const stringCellXml = (ref: string, style: number, sharedIndex: number): string => `<c r="${ref}" s="${style}" t="s"><v>${sharedIndex}</v></c>`;
export const numberCellXml = (ref: string, style: number, value: number): string => `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
/** A cell with a format and no value: borders of an empty matrix cell or of a merged range's hidden cells. */
export const emptyCellXml = (ref: string, style: number): string => `<c r="${ref}" s="${style}"/>`;

// "0" lifts a protection: the section may insert, delete and resize rows, and widen columns.
const SHEET_PROTECTION = '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0"/>';

function validationsXml(validations: readonly ListValidation[]): string {
  if (validations.length === 0) return '';
  const items = validations.map(
    (validation) =>
      `<dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="${xmlEscape('入力の確認')}" error="${xmlEscape(validation.message)}" sqref="${validation.sqref}">` +
      `<formula1>${xmlEscape(`"${validation.values.join(',')}"`)}</formula1></dataValidation>`,
  );
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

/** Everything after the last row: protection, merges, drop-down lists, printing and the footer (in the schema's order). */
export function sheetTailXml(tail: SheetTail): string {
  const merges = tail.merges.length > 0 ? `<mergeCells count="${tail.merges.length}">${tail.merges.map((ref) => `<mergeCell ref="${ref}"/>`).join('')}</mergeCells>` : '';
  const m = PAGE_MARGINS;
  return (
    '</sheetData>' +
    (tail.protect ? SHEET_PROTECTION : '') +
    merges +
    validationsXml(tail.validations ?? []) +
    (tail.horizontalCentered ? '<printOptions horizontalCentered="1"/>' : '') +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    // fitToWidth 1 with fitToHeight 0: one page wide, as many pages tall as the rows need.
    `<pageSetup paperSize="${tail.paperSize}" orientation="landscape" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddFooter>${xmlEscape(FOOTER)}</oddFooter></headerFooter>` +
    '</worksheet>'
  );
}
