import { DEFAULT_SETTINGS, TABLE_KINDS, type AnnexDocument, type TableKind } from '../model/annex-document';
import { annexSheetLayout, printAreaOf, printTitleRowsOf } from './annex-sheet-layout';
import { STRUCTURE_SHEET_NAME, TABLE_SHEET_NAMES } from './workbook-names';
import type { Cell } from './structure-sheet';
import { writePlainSheet, writeStructureSheet } from './write-structure-sheet';
import { usesVariants, writeTableSheet, type TableSheetOptions } from './write-table-sheet';
import { SharedStrings } from './xlsx-shared-strings';
import { stylesXml } from './xlsx-styles';
import { THEME_XML } from './xlsx-theme';
import { appXml, contentTypesXml, coreXml, PART, rootRelsXml, workbookRelsXml, workbookXml } from './xlsx-workbook-parts';
import { createZipStream, type ZipStream } from './xlsx-zip-stream';

export { excelText } from './xml-escape';
export { MARK } from './write-table-sheet';
export type { TableSheetOptions } from './write-table-sheet';

/** A sheet of text blocks (title, headings, lines) beside the tables. */
export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  readonly hidden?: boolean;
}

/** What a workbook sent to a section (or sent back to it) needs beyond the export; none of it changes the export. */
export interface WorkbookOptions {
  /** The table sheets to write, in this order (default: both). */
  readonly tables?: readonly TableKind[];
  readonly tableSheet?: TableSheetOptions;
  /** Sheets before the tables (instructions: the sheet a workbook opens on). */
  readonly sheetsBefore?: readonly PlainSheet[];
  /** Sheets after 構造 (a hidden fingerprint, a list of problems). */
  readonly sheetsAfter?: readonly PlainSheet[];
  /** Hide the 構造 sheet from the tabs: it is the workbook's own data, not the section's to edit. */
  readonly hideStructure?: boolean;
  /** The time the properties and the zip entries name (default now): a workbook written from a record is written alike twice. */
  readonly createdAt?: Date;
}

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
export async function writeAnnexWorkbook(document: AnnexDocument, options: WorkbookOptions = {}): Promise<Uint8Array> {
  const paperSize = document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize;
  const before = options.sheetsBefore ?? [];
  const after = options.sheetsAfter ?? [];
  const tableSheet = options.tableSheet ?? {};
  const tables = (options.tables ?? TABLE_KINDS).map((kind) => ({
    kind,
    name: TABLE_SHEET_NAMES[kind],
    rows: document.tables[kind].rows,
    layout: annexSheetLayout(document.plan, kind, document.tables[kind].title),
  }));
  const sheets = [
    ...before,
    ...tables.map((table) => ({
      name: table.name,
      printArea: printAreaOf(table.layout, table.rows.length + (tableSheet.inputRows ?? 0)),
      printTitleRows: printTitleRowsOf(table.layout),
    })),
    { name: STRUCTURE_SHEET_NAME, hidden: options.hideStructure ?? false },
    ...after,
  ];

  const zip = createZipStream(undefined, options.createdAt);
  // The small parts first; the shared strings last, when the sheets have named every text.
  writePart(zip, PART.contentTypes, contentTypesXml(sheets.length));
  writePart(zip, PART.rootRels, rootRelsXml());
  writePart(zip, PART.app, appXml(sheets.map((sheet) => sheet.name)));
  writePart(zip, PART.core, coreXml(CREATOR, options.createdAt ?? new Date()));
  writePart(zip, PART.workbook, workbookXml(sheets));
  writePart(zip, PART.workbookRels, workbookRelsXml(sheets.length));
  writePart(zip, PART.styles, stylesXml(usesVariants(tableSheet)));
  writePart(zip, PART.theme, THEME_XML);
  const strings = new SharedStrings();
  let index = 0;
  for (const sheet of before) writePlainSheet(zip.part(PART.sheet(index++)), strings, sheet.rows, paperSize);
  for (const table of tables) writeTableSheet(zip.part(PART.sheet(index++)), strings, table.layout, table.rows, paperSize, tableSheet);
  writeStructureSheet(zip.part(PART.sheet(index++)), strings, document);
  for (const sheet of after) writePlainSheet(zip.part(PART.sheet(index++)), strings, sheet.rows, paperSize);
  const sharedStrings = zip.part(PART.sharedStrings);
  strings.write(sharedStrings);
  sharedStrings.close();
  return zip.finish();
}
