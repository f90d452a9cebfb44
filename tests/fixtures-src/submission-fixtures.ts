/**
 * Returned files made the way sections make them: the workbook the app sent, opened and edited with SheetJS (another
 * tool than the app's writer), saved again; re-saved as .xls by LibreOffice; a plain copy of the annex layout typed
 * without ids; a broken file. Tests only: node:* and SheetJS freely.
 */
import * as XLSX from 'xlsx';
import { annexSheetLayout, type AnnexSheetLayout, type LeftColumnKey } from '../../shared/excel/annex-sheet-layout';
import { TABLE_SHEET_NAMES } from '../../shared/excel/workbook-names';
import type { AnnexDocument, AnnexRow, TableKind } from '../../shared/model/annex-document';
import type { LedgerSend, SentRow } from '../../shared/model/ledger';
import { writeSectionWorkbook } from '../../shared/submissions/section-workbook';
import { annexTablePart, placeParts, sheetOf, workbookOf, writeWorkbook } from './make-import-fixtures';

type Cell = string | number | null;
export type TextKey = Exclude<LeftColumnKey, 'number'>;

/** The table sheet of a section's workbook as a grid of values, edited as a person edits it in a spreadsheet. */
export class SectionSheet {
  constructor(
    readonly grid: Cell[][],
    readonly layout: AnnexSheetLayout,
  ) {}

  private column(key: LeftColumnKey): number {
    const column = this.layout.leftColumns.find((candidate) => candidate.key === key);
    if (!column) throw new Error(`no ${key} column`);
    return column.column - 1;
  }

  private markColumn(markId: string): number {
    const column = this.layout.markColumns.find((candidate) => candidate.mark.id === markId);
    if (!column) throw new Error(`no mark column ${markId}`);
    return column.column - 1;
  }

  private get idColumn(): number {
    return this.layout.idColumn.column - 1;
  }

  private rowOf(rowId: string): Cell[] {
    const row = this.grid.find((cells) => cells[this.idColumn] === rowId);
    if (!row) throw new Error(`no row ${rowId}`);
    return row;
  }

  /** Rows below the band that hold a row (an id or a title). */
  private get dataRows(): number[] {
    const rows: number[] = [];
    for (let index = this.layout.firstDataRow - 1; index < this.grid.length; index++) {
      const cells = this.grid[index] ?? [];
      if (cells[this.idColumn] || cells[this.column('title')]) rows.push(index);
    }
    return rows;
  }

  setText(rowId: string, key: TextKey, value: string): this {
    this.rowOf(rowId)[this.column(key)] = value;
    return this;
  }

  /** A mark cell as typed: ○, 〇, 1, or null to clear it. */
  setMark(rowId: string, markId: string, value: Cell): this {
    this.rowOf(rowId)[this.markColumn(markId)] = value;
    return this;
  }

  /** The row deleted: the rows below move up, as in Excel. */
  deleteRow(rowId: string): this {
    this.grid.splice(this.grid.indexOf(this.rowOf(rowId)), 1);
    return this;
  }

  /** Every open cell of the row cleared (its locked 通し番号 and id stay): how a protected sheet lets a row be dropped. */
  emptyRow(rowId: string): this {
    const row = this.rowOf(rowId);
    row.forEach((_, column) => {
      if (column !== this.idColumn && column !== this.column('number')) row[column] = null;
    });
    return this;
  }

  /** A new row typed into the first empty row below the rows. */
  addRow(texts: Partial<Record<TextKey, string>>, marks: Readonly<Record<string, Cell>>): this {
    const last = this.dataRows[this.dataRows.length - 1] ?? this.layout.firstDataRow - 2;
    const row: Cell[] = Array.from({ length: this.layout.idColumn.column }, () => null);
    for (const [key, value] of Object.entries(texts)) row[this.column(key as TextKey)] = value;
    for (const [markId, value] of Object.entries(marks)) row[this.markColumn(markId)] = value;
    this.grid[last + 1] = row;
    return this;
  }

  /** The rows sorted by a column, as with the sort button: here, backwards. */
  reverseRows(): this {
    const indices = this.dataRows;
    const rows = indices.map((index) => this.grid[index] as Cell[]).reverse();
    indices.forEach((index, position) => (this.grid[index] = rows[position] as Cell[]));
    return this;
  }

  /** The rows replaced by others pasted whole (values and the hidden id), as from another section's workbook. */
  replaceRows(rows: readonly SentRow[]): this {
    const first = this.layout.firstDataRow - 1;
    this.grid.splice(first, this.grid.length - first);
    for (const { number, row } of rows) {
      const cells: Cell[] = Array.from({ length: this.layout.idColumn.column }, () => null);
      cells[this.column('number')] = number;
      cells[this.column('departments')] = row.departments.join('\n');
      cells[this.column('sections')] = row.sections.join('\n');
      cells[this.column('title')] = row.title;
      cells[this.column('summary')] = row.summary;
      for (const markId of row.marks) cells[this.markColumn(markId)] = '○';
      cells[this.idColumn] = row.id;
      this.grid.push(cells);
    }
    return this;
  }
}

/** The workbook the app wrote for one addressee of a send. */
export async function sentWorkbook(annex: AnnexDocument, send: LedgerSend, key: string): Promise<Uint8Array> {
  const recipient = send.recipients.find((candidate) => candidate.key === key);
  if (!recipient) throw new Error(`no recipient ${key}`);
  return writeSectionWorkbook(annex, send, recipient);
}

/** Opens a workbook with SheetJS, edits its table sheet as values, saves it as xlsx again (or as xls with SheetJS). */
export function editSectionWorkbook(bytes: Uint8Array, annex: AnnexDocument, table: TableKind, edit: (sheet: SectionSheet) => void): Uint8Array {
  const book = XLSX.read(bytes, { type: 'array' });
  const name = TABLE_SHEET_NAMES[table];
  const sheet = book.Sheets[name];
  if (!sheet) throw new Error(`no sheet ${name}`);
  const grid = XLSX.utils.sheet_to_json<Cell[]>(sheet, { header: 1, raw: true, defval: null, blankrows: true });
  edit(new SectionSheet(grid, annexSheetLayout(annex.plan, table, annex.tables[table].title)));
  const edited = XLSX.utils.aoa_to_sheet(grid);
  // The band's merges stay where they were: only rows below it moved.
  edited['!merges'] = sheet['!merges'] ?? [];
  edited['!cols'] = sheet['!cols'] ?? [];
  book.Sheets[name] = edited;
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A row of a plain copy: its 通し番号 as typed (null: left blank) and its texts. */
export interface CopiedRow {
  readonly number: number | null;
  readonly row: AnnexRow;
}

/**
 * A section's rows in a plain copy of the annex layout (made by SheetJS, not the app): title, band, rows with their
 * 通し番号 in the whole annex (or none), no 行ID column, no hidden sheets.
 */
export function plainCopy(annex: AnnexDocument, rows: readonly CopiedRow[]): Uint8Array {
  const document: AnnexDocument = { ...annex, tables: { ...annex.tables, city: { ...annex.tables.city, rows: rows.map((copied) => copied.row) } } };
  const part = annexTablePart(document, 'city', { ids: false, number: (index) => rows[index]?.number ?? null });
  return writeWorkbook(workbookOf([[TABLE_SHEET_NAMES.city, sheetOf(placeParts([part]))]]));
}

/** A workbook that is no annex at all: a list of names. */
export function unrelatedWorkbook(): Uint8Array {
  return writeWorkbook(workbookOf([['名簿', XLSX.utils.aoa_to_sheet([['氏名', '所属'], ['旭川 太郎', '福祉保険課']])]]));
}

/** The file cut short, as a broken download or a full disk leaves it. */
export const truncated = (bytes: Uint8Array): Uint8Array => bytes.slice(0, Math.floor(bytes.length / 2));
