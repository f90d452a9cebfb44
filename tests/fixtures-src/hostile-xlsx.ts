/**
 * The smallest xlsx SheetJS reads, written part by part, so a test can put anything in a sheet's XML: repeated rows,
 * entity declarations, sheets that share one part, external links, a macro part. Parts are deflated by fflate.
 */
import { zipParts, type ZipPart } from './hostile-zip';

const encoder = new TextEncoder();
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface RawSheet {
  readonly name: string;
  /** The part the sheet's relationship targets (default xl/worksheets/sheetN.xml); sheets may share one. */
  readonly part?: string;
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
  /** Parts by path: sheet XML, sharedStrings, anything else. Strings are UTF-8 encoded. */
  readonly parts: Readonly<Record<string, string | Uint8Array>>;
  /** Extra relationships of the workbook part: [type suffix, target]. */
  readonly workbookRels?: readonly (readonly [string, string])[];
  /** Content types to declare as Override: [part path, content type]. */
  readonly overrides?: readonly (readonly [string, string])[];
  /** Extra XML inside <workbook> (defined names, external references). */
  readonly workbookExtra?: string;
  /** Parts to zip as given (a bomb's raw deflate stream). */
  readonly rawParts?: readonly ZipPart[];
}

/** <sheetData> of rows of inline strings and numbers, with explicit addresses. */
export function sheetXml(sheetData: string, before = ''): string {
  return `${xmlHead}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${sheetData}</sheetData></worksheet>`;
}

export function rawXlsx(book: RawWorkbook): Uint8Array {
  const sheetPart = (sheet: RawSheet, index: number): string => sheet.part ?? `xl/worksheets/sheet${index + 1}.xml`;
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const workbook =
    `${xmlHead}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    book.sheets.map((sheet, index) => `<sheet name="${escape(sheet.name)}" sheetId="${index + 1}" r:id="rIdS${index + 1}"/>`).join('') +
    `</sheets>${book.workbookExtra ?? ''}</workbook>`;
  const rels =
    `${xmlHead}<Relationships xmlns="${PKG_REL}">` +
    book.sheets.map((sheet, index) => `<Relationship Id="rIdS${index + 1}" Type="${REL}/worksheet" Target="${sheetPart(sheet, index).slice(3)}"/>`).join('') +
    (book.workbookRels ?? []).map(([type, target], index) => `<Relationship Id="rIdX${index + 1}" Type="${REL}/${type}" Target="${target}"/>`).join('') +
    '</Relationships>';
  const sheetParts = [...new Set(book.sheets.map(sheetPart))];
  const types =
    `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheetParts.map((part) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    (book.overrides ?? []).map(([part, type]) => `<Override PartName="/${part}" ContentType="${type}"/>`).join('') +
    '</Types>';
  const rootRels =
    `${xmlHead}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const text = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? encoder.encode(data) : data);
  return zipParts([
    { name: '[Content_Types].xml', data: text(types) },
    { name: '_rels/.rels', data: text(rootRels) },
    { name: 'xl/workbook.xml', data: text(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: text(rels) },
    ...Object.entries(book.parts).map(([name, data]) => ({ name, data: text(data) })),
    ...(book.rawParts ?? []),
  ]);
}
