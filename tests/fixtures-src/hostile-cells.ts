/**
 * The annex in its printed layout with single cells of the city table made wrong: every kind of value SheetJS can
 * write (numbers, booleans, dates, error codes, formulas, huge numbers) in places that expect a ○, a 通し番号 or text.
 * Each wrong cell says where it is and what the importer should say about it.
 */
import type * as XLSX from 'xlsx';
import type { AnnexDocument } from '../../shared/model/annex-document';
import { markColumns } from '../../shared/model/plan';
import { cellAddress } from '../../shared/excel/sheet-address';
import { annexWorkbook, type LeftKind } from './make-import-fixtures';

type Cell = XLSX.CellObject | string | number | boolean | null;

export interface WrongCell {
  /** The city row (0-based) and its column: a left column kind or a mark column id. */
  readonly row: number;
  readonly column: LeftKind | string;
  readonly cell: Cell;
  /** Part of the message about this cell; undefined when the value is read without a word. */
  readonly says?: string;
  /** Formats SheetJS cannot write this cell to (its BIFF writer drops formulas, its ODS writer error values). */
  readonly notIn?: readonly ('xls' | 'ods')[];
}

const CITY_LEFT: readonly LeftKind[] = ['number', 'departments', 'sections', 'title', 'summary'];
// Title row, then the eight rows of the header band: the first data row is the sheet's 10th.
const FIRST_DATA_ROW = 9;

/** The A1 address of a wrong cell on the city sheet. */
export function addressOf(document: AnnexDocument, wrong: WrongCell): string {
  const left = CITY_LEFT.indexOf(wrong.column as LeftKind);
  const column = left >= 0 ? left : CITY_LEFT.length + markColumns(document.plan).findIndex((mark) => mark.id === wrong.column);
  return cellAddress(FIRST_DATA_ROW + wrong.row, column);
}

const REF_ERROR = 0x17;
const DIV_ERROR = 0x07;

/** Cells no ○ column can hold: each is an error at its cell. */
export const WRONG_MARKS: readonly WrongCell[] = [
  { row: 0, column: 'v1-1', cell: 2, says: '「2」は○として読めません' },
  { row: 1, column: 'v1-2-guardianship', cell: { t: 'e', v: REF_ERROR }, says: '「#REF!」は○として読めません', notIn: ['ods'] },
  { row: 2, column: 'v2-1', cell: { t: 'n', v: 45383, z: 'yyyy-mm-dd' }, says: '「45383」は○として読めません' },
  { row: 3, column: 'v2-2', cell: 1e308, says: '「1e+308」は○として読めません' },
  { row: 5, column: 'v3-1', cell: '×', says: '「×」は○として読めません' },
  { row: 12, column: 'v3-2', cell: '○○', says: '「○○」は○として読めません' },
  { row: 14, column: 'v4-1', cell: '\u200b○', says: '「\u200b○」は○として読めません' },
  { row: 15, column: 'v4-2', cell: -1, says: '「-1」は○として読めません' },
];

/** Odd cells the importer reads, some with a warning at the cell. */
export const ODD_CELLS: readonly WrongCell[] = [
  { row: 4, column: 'v1-1', cell: true },
  { row: 4, column: 'v2-1', cell: false },
  { row: 6, column: 'v2-3', cell: { t: 's', v: '○', f: 'IF(TRUE,"○","")' }, says: '数式のセルです。計算はせず、保存されている値「○」を使います', notIn: ['xls'] },
  { row: 7, column: 'number', cell: true, says: '通し番号「true」は番号として読めません' },
  { row: 8, column: 'number', cell: 1e20, says: '通し番号 100000000000000000000 は並び順と合いません' },
  { row: 9, column: 'title', cell: 12345 },
  { row: 10, column: 'summary', cell: { t: 'e', v: DIV_ERROR } },
  { row: 11, column: 'departments', cell: { t: 'b', v: true } },
  { row: 13, column: 'v4-3', cell: ' ' },
];

/** The annex with these cells put into the city table (both sheets, no 構造 sheet: read against the open document). */
export function wrongCellWorkbook(document: AnnexDocument, cells: readonly WrongCell[]): XLSX.WorkBook {
  const override = (index: number, column: LeftKind | string): Cell | undefined =>
    cells.find((wrong) => wrong.row === index && wrong.column === column)?.cell;
  return annexWorkbook(document, { layout: { cell: override }, councilLayout: {} });
}
