import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument } from '../model/annex-document';
import { annexSheetLayout, printAreaOf, printTitleRowsOf } from './annex-sheet-layout';
import { STRUCTURE_SHEET_NAME, TABLE_SHEET_NAMES } from './workbook-names';
import { writeStructureSheet } from './write-structure-sheet';
import { writeTableSheet } from './write-table-sheet';
import { SharedStrings } from './xlsx-shared-strings';
import { stylesXml } from './xlsx-styles';
import { THEME_XML } from './xlsx-theme';
import { appXml, contentTypesXml, coreXml, PART, rootRelsXml, workbookRelsXml, workbookXml } from './xlsx-workbook-parts';
import { createZipStream, type ZipStream } from './xlsx-zip-stream';

export { excelText } from './xml-escape';
export { MARK } from './write-table-sheet';

/**
 * The annex as a styled workbook in the printed layout: one sheet per table (header band, rows, ○ matrix,
 * a hidden id column), and the 構造 sheet that lets the workbook reopen as the same document.
 * Written as SpreadsheetML straight into a streaming zip, row by row: no cell objects, no whole sheet in
 * memory. Pure: runs in Node and in a browser worker.
 */

const CREATOR = '取組事業一覧エディタ';

function writePart(zip: ZipStream, path: string, xml: string): void {
  const part = zip.part(path);
  part.write(xml);
  part.close();
}

/** The document as .xlsx bytes. */
export async function writeAnnexWorkbook(document: AnnexDocument): Promise<Uint8Array> {
  const paperSize = document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize;
  const tables = TABLE_KINDS.map((kind) => ({
    kind,
    name: TABLE_SHEET_NAMES[kind],
    rows: document.tables[kind].rows,
    layout: annexSheetLayout(document.plan, kind, document.tables[kind].title),
  }));
  const sheets = [
    ...tables.map((table) => ({
      name: table.name,
      printArea: printAreaOf(table.layout, table.rows.length),
      printTitleRows: printTitleRowsOf(table.layout),
    })),
    { name: STRUCTURE_SHEET_NAME },
  ];

  const zip = createZipStream();
  // The small parts first; the shared strings last, when the sheets have named every text.
  writePart(zip, PART.contentTypes, contentTypesXml(sheets.length));
  writePart(zip, PART.rootRels, rootRelsXml());
  writePart(zip, PART.app, appXml(sheets.map((sheet) => sheet.name)));
  writePart(zip, PART.core, coreXml(CREATOR, new Date()));
  writePart(zip, PART.workbook, workbookXml(sheets));
  writePart(zip, PART.workbookRels, workbookRelsXml(sheets.length));
  writePart(zip, PART.styles, stylesXml());
  writePart(zip, PART.theme, THEME_XML);
  const strings = new SharedStrings();
  tables.forEach((table, index) => writeTableSheet(zip.part(PART.sheet(index)), strings, table.layout, table.rows, paperSize));
  writeStructureSheet(zip.part(PART.sheet(tables.length)), strings, document);
  const sharedStrings = zip.part(PART.sharedStrings);
  strings.write(sharedStrings);
  sharedStrings.close();
  return zip.finish();
}
