/**
 * Annex workbooks for the import tests, built in memory with SheetJS's writer (aoa_to_sheet, !merges, write) in the
 * printed 2024 layout — never by the app's own exporter, so the reader is tested against another tool's idea of the
 * annex. Each variant is an option of the layout; .xls, .ods and Shift_JIS CSV come from LibreOffice (./libreoffice.ts).
 */
import * as XLSX from 'xlsx';
import type { AnnexDocument, AnnexRow, TableKind } from '../../shared/model/annex-document';
import { markColumns, type MarkColumn } from '../../shared/model/plan';
import { HEADER_LABELS } from '../../shared/model/table-names';
import { structureSheetRows, type DocumentFrame } from '../../shared/excel/structure-sheet';
import { ROW_ID_HEADER, STRUCTURE_SHEET_NAME } from '../../shared/excel/workbook-names';

export type LeftKind = 'number' | 'departments' | 'sections' | 'title' | 'summary';
type Cell = XLSX.CellObject | string | number | boolean | null;

/** One printed line of a row that a PDF-made workbook spreads over several sheet rows. */
export interface RowLine {
  readonly departments?: string;
  readonly sections?: string;
  readonly title?: string;
  readonly summary?: string;
}

export interface TableLayout {
  /** Print the table's title above the header (default true). */
  readonly title?: boolean;
  /** Rows of notes between the title and the header band. */
  readonly notes?: readonly string[];
  /** Add the hidden 行ID column right of the matrix. */
  readonly ids?: boolean;
  /** Left columns in this order (default: the printed order of the table). */
  readonly leftOrder?: readonly LeftKind[];
  /** Mark columns by id, in this order (default: the plan's). */
  readonly markOrder?: readonly string[];
  /** Concept and sub-column names typed one character per line, as vertical text often is. */
  readonly verticalText?: boolean;
  /** Merge 部 over consecutive rows with the same 部. */
  readonly mergeDepartments?: boolean;
  /** Data rows (by index in the slice) to hide. */
  readonly hiddenRows?: readonly number[];
  /** The cell of a marked column (default ○). */
  readonly mark?: (index: number, markId: string) => Cell;
  /** The 通し番号 cell (default index + 1). */
  readonly number?: (index: number) => Cell;
  /** Replaces a header text: (what, id, text) → text. */
  readonly header?: (what: 'vision' | 'concept' | 'sub', id: string, text: string) => string;
  /** Prints a row over several sheet rows; the first line gets the number and the ○. */
  readonly lines?: (index: number, row: AnnexRow) => readonly RowLine[] | undefined;
  /** Overrides one data cell: (index, column kind or mark id) → cell, or undefined to keep it. */
  readonly cell?: (index: number, column: LeftKind | string) => Cell | undefined;
  /** Only these rows of the table [start, end), numbered from start + 1. */
  readonly slice?: readonly [number, number];
  /** Rows to add after the table's rows (page numbers, notes): each a list of [column kind or mark id, cell]. */
  readonly after?: readonly (readonly [LeftKind | string, Cell][])[];
}

/** A rectangle of cells with merges and hidden rows, placed on a sheet by `placeParts`. */
export interface SheetPart {
  readonly cells: Cell[][];
  readonly merges: XLSX.Range[];
  readonly hiddenRows: number[];
}

const DEFAULT_LEFT: Record<TableKind, readonly LeftKind[]> = {
  city: ['number', 'departments', 'sections', 'title', 'summary'],
  council: ['number', 'title', 'summary'],
};
const LEFT_HEADERS: Record<LeftKind, string> = {
  number: HEADER_LABELS.number,
  departments: HEADER_LABELS.departments,
  sections: HEADER_LABELS.sections,
  title: HEADER_LABELS.title,
  summary: HEADER_LABELS.summary,
};
const BAND_ROWS = 8;

const vertical = (text: string): string => [...text].join('\n');
const range = (top: number, left: number, bottom: number, right: number): XLSX.Range => ({ s: { r: top, c: left }, e: { r: bottom, c: right } });

/** Horizontal merges over runs of equal keys in one band row. */
function mergeRuns(merges: XLSX.Range[], row: number, firstColumn: number, keys: readonly string[]): void {
  let start = 0;
  for (let index = 1; index <= keys.length; index += 1) {
    if (index === keys.length || keys[index] !== keys[start]) {
      if (index - 1 > start) merges.push(range(row, firstColumn + start, row, firstColumn + index - 1));
      start = index;
    }
  }
}

/** One table in the printed 2024 layout: title, the header band, the rows. */
export function annexTablePart(document: AnnexDocument, table: TableKind, layout: TableLayout = {}): SheetPart {
  const left = layout.leftOrder ?? DEFAULT_LEFT[table];
  const allLeaves = markColumns(document.plan);
  const leaves: MarkColumn[] = layout.markOrder
    ? layout.markOrder.map((id) => allLeaves.find((leaf) => leaf.id === id) as MarkColumn)
    : allLeaves;
  const width = left.length + leaves.length + (layout.ids ? 1 : 0);
  const cells: Cell[][] = [];
  const merges: XLSX.Range[] = [];
  const hiddenRows: number[] = [];
  const newRow = (): Cell[] => {
    const row: Cell[] = Array.from({ length: width }, () => null);
    cells.push(row);
    return row;
  };
  const header = (what: 'vision' | 'concept' | 'sub', id: string, text: string): string => layout.header?.(what, id, text) ?? text;

  if (layout.title ?? true) newRow()[0] = document.tables[table].title;
  for (const note of layout.notes ?? []) newRow()[0] = note;

  const top = cells.length;
  const band = Array.from({ length: BAND_ROWS }, newRow);
  left.forEach((kind, column) => {
    (band[0] as Cell[])[column] = LEFT_HEADERS[kind];
    merges.push(range(top, column, top + BAND_ROWS - 1, column));
  });
  const first = left.length;
  // A ○ column placed twice is a copy of its own: its concept cells are not merged with the first.
  const copies = leaves.map((leaf, index) => leaves.slice(0, index).filter((other) => other.id === leaf.id).length);
  const conceptKey = (index: number): string => `${leaves[index]?.concept.id ?? ''}#${copies[index] ?? 0}`;
  leaves.forEach((leaf, index) => {
    const column = first + index;
    const put = (row: number, value: string): void => void ((band[row] as Cell[])[column] = value);
    if (index === 0) {
      put(0, HEADER_LABELS.philosophy);
      put(1, document.plan.philosophy);
    }
    const previous = leaves[index - 1];
    if (previous?.vision.id !== leaf.vision.id) {
      put(2, header('vision', leaf.vision.id, leaf.vision.label));
      put(3, header('vision', leaf.vision.id, leaf.vision.title));
      put(4, HEADER_LABELS.concepts);
    }
    if (previous === undefined || conceptKey(index - 1) !== conceptKey(index)) {
      put(5, leaf.concept.label);
      const title = header('concept', leaf.concept.id, leaf.concept.title);
      put(6, layout.verticalText ? vertical(title) : title);
    }
    if (leaf.subColumn) {
      const title = header('sub', leaf.subColumn.id, leaf.subColumn.title);
      put(7, layout.verticalText ? vertical(title) : title);
    } else merges.push(range(top + 6, column, top + 7, column));
  });
  const keys = (key: (leaf: MarkColumn) => string): string[] => leaves.map(key);
  mergeRuns(merges, top, first, keys(() => 'plan'));
  mergeRuns(merges, top + 1, first, keys(() => 'plan'));
  for (const row of [2, 3, 4]) mergeRuns(merges, top + row, first, keys((leaf) => leaf.vision.id));
  mergeRuns(merges, top + 5, first, leaves.map((_, index) => conceptKey(index)));
  mergeRuns(merges, top + 6, first, leaves.map((leaf, index) => (leaf.subColumn ? conceptKey(index) : `${leaf.id}#${copies[index] ?? 0}`)));
  if (layout.ids) {
    (band[0] as Cell[])[width - 1] = ROW_ID_HEADER;
    merges.push(range(top, width - 1, top + BAND_ROWS - 1, width - 1));
  }

  const [start, end] = layout.slice ?? [0, document.tables[table].rows.length];
  const rows = document.tables[table].rows.slice(start, end);
  let mergeStart = -1;
  rows.forEach((row, offset) => {
    const index = start + offset;
    const split = layout.lines?.(index, row);
    const sheetRow = cells.length;
    (split ?? [{}]).forEach((line, lineIndex) => {
      const cellsOfRow = newRow();
      const value = (kind: LeftKind): Cell => {
        if (split) {
          if (kind === 'number') return lineIndex === 0 ? (layout.number ? layout.number(index) : index + 1) : null;
          return line[kind] ?? null;
        }
        switch (kind) {
          case 'number':
            return layout.number ? layout.number(index) : index + 1;
          case 'departments':
            return row.departments.join('\n');
          case 'sections':
            return row.sections.join('・');
          case 'title':
            return row.title;
          case 'summary':
            return row.summary;
        }
      };
      left.forEach((kind, column) => {
        cellsOfRow[column] = layout.cell?.(index, kind) ?? value(kind);
      });
      if (lineIndex === 0) {
        leaves.forEach((leaf, markIndex) => {
          const marked = row.marks.includes(leaf.id);
          const override = layout.cell?.(index, leaf.id);
          cellsOfRow[first + markIndex] = override !== undefined ? override : marked ? (layout.mark?.(index, leaf.id) ?? '○') : null;
        });
        if (layout.ids) cellsOfRow[width - 1] = row.id;
      }
    });
    if (layout.hiddenRows?.includes(offset)) hiddenRows.push(sheetRow);
    if (layout.mergeDepartments && left.includes('departments')) {
      const column = left.indexOf('departments');
      const previous = rows[offset - 1];
      const same = previous && previous.departments.join('\n') === row.departments.join('\n');
      if (same) {
        (cells[sheetRow] as Cell[])[column] = null;
      } else {
        if (mergeStart >= 0 && sheetRow - 1 > mergeStart) merges.push(range(mergeStart, column, sheetRow - 1, column));
        mergeStart = sheetRow;
      }
      if (offset === rows.length - 1 && cells.length - 1 > mergeStart) merges.push(range(mergeStart, column, cells.length - 1, column));
    }
  });
  for (const extra of layout.after ?? []) {
    const cellsOfRow = newRow();
    for (const [where, cell] of extra) {
      const leftIndex = left.indexOf(where as LeftKind);
      cellsOfRow[leftIndex >= 0 ? leftIndex : first + leaves.findIndex((leaf) => leaf.id === where)] = cell;
    }
  }
  return { cells, merges, hiddenRows };
}

/** A free block of rows (notes, a stray title) to place between tables. */
export function textPart(rows: readonly (readonly Cell[])[]): SheetPart {
  return { cells: rows.map((row) => [...row]), merges: [], hiddenRows: [] };
}

/** Places parts top to bottom at a column offset, with blank rows between them. */
export function placeParts(parts: readonly SheetPart[], options: { rowOffset?: number; columnOffset?: number; gap?: number } = {}): SheetPart {
  const rowOffset = options.rowOffset ?? 0;
  const columnOffset = options.columnOffset ?? 0;
  const cells: Cell[][] = Array.from({ length: rowOffset }, () => []);
  const merges: XLSX.Range[] = [];
  const hiddenRows: number[] = [];
  parts.forEach((part, index) => {
    if (index > 0) for (let gap = 0; gap < (options.gap ?? 2); gap += 1) cells.push([]);
    const top = cells.length;
    for (const row of part.cells) cells.push([...Array.from({ length: columnOffset }, () => null), ...row]);
    for (const merge of part.merges) merges.push(range(merge.s.r + top, merge.s.c + columnOffset, merge.e.r + top, merge.e.c + columnOffset));
    for (const row of part.hiddenRows) hiddenRows.push(row + top);
  });
  return { cells, merges, hiddenRows };
}

/** A sheet from a part: values through aoa_to_sheet, then its merges and hidden rows. */
export function sheetOf(part: SheetPart): XLSX.WorkSheet {
  const sheet = XLSX.utils.aoa_to_sheet(part.cells);
  sheet['!merges'] = part.merges;
  if (part.hiddenRows.length > 0) {
    const rows: XLSX.RowInfo[] = [];
    for (const row of part.hiddenRows) rows[row] = { hidden: true };
    sheet['!rows'] = rows;
  }
  return sheet;
}

/** The 構造 sheet of a document, from the app's own table of it (structureSheetRows). */
export function structureSheet(document: AnnexDocument): XLSX.WorkSheet {
  const frame: DocumentFrame = {
    plan: document.plan,
    masters: document.masters,
    tableTitles: { city: document.tables.city.title, council: document.tables.council.title },
    ...(document.provenance ? { provenance: document.provenance } : {}),
    ...(document.settings ? { settings: document.settings } : {}),
  };
  return XLSX.utils.aoa_to_sheet(structureSheetRows(frame));
}

export function workbookOf(sheets: readonly (readonly [string, XLSX.WorkSheet])[]): XLSX.WorkBook {
  const workbook = XLSX.utils.book_new();
  for (const [name, sheet] of sheets) XLSX.utils.book_append_sheet(workbook, sheet, name);
  return workbook;
}

export function writeWorkbook(workbook: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx'): Uint8Array {
  return new Uint8Array(XLSX.write(workbook, { type: 'array', bookType }) as ArrayBuffer);
}

/** The annex as two sheets (旭川市, 社会福祉協議会), each table laid out alike, optionally with a 構造 sheet. */
export function annexWorkbook(
  document: AnnexDocument,
  options: { structure?: boolean; layout?: TableLayout; councilLayout?: TableLayout; placement?: { rowOffset?: number; columnOffset?: number } } = {},
): XLSX.WorkBook {
  const sheets: [string, XLSX.WorkSheet][] = [
    ['旭川市', sheetOf(placeParts([annexTablePart(document, 'city', options.layout)], options.placement))],
    ['社会福祉協議会', sheetOf(placeParts([annexTablePart(document, 'council', options.councilLayout ?? options.layout)], options.placement))],
  ];
  if (options.structure) sheets.push([STRUCTURE_SHEET_NAME, structureSheet(document)]);
  return workbookOf(sheets);
}

/** A document with the same text and ○ and more rows: the city rows repeated until there are `count`. */
export function largeAnnex(document: AnnexDocument, count: number): AnnexDocument {
  const source = document.tables.city.rows;
  const rows = Array.from({ length: count }, (_, index) => {
    const row = source[index % source.length] as AnnexRow;
    return { ...row, id: `city-big-${index + 1}`, title: `${row.title}（${index + 1}）` };
  });
  return { ...document, tables: { ...document.tables, city: { ...document.tables.city, rows } } };
}

/** UTF-8 CSV with a byte-order mark, as Excel saves 「CSV UTF-8」, from SheetJS's CSV writer. */
export function csvWithBom(sheet: XLSX.WorkSheet): Uint8Array {
  const text = XLSX.utils.sheet_to_csv(sheet, { blankrows: true });
  const body = new TextEncoder().encode(text);
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}
