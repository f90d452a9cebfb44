import type { AnnexDocument, AnnexRow, TableKind } from '../model/annex-document';
import { TABLE_KINDS } from '../model/annex-document';
import { markColumns } from '../model/plan';
import { TABLE_LABELS } from '../model/table-names';
import { err, ok, type Result } from '../result';
import { findHeaderBlocks } from './header-detect';
import type { ImportProblem } from './import-problem';
import { masterNames, mastersFromRows } from './read-annex-masters';
import { chooseFrame, fileStem, type ReadAnnexOptions } from './read-document-frame';
import { TOO_MANY_ROWS } from './part-scan';
import { READ_LIMITS } from './read-limits';
import { findBlocks, readTableBlocks, type SheetEntry } from './read-table-blocks';
import { readWorkbookBytes } from './read-workbook-bytes';
import { assembleRows, type RowSource } from './row-assembly';
import { parseCellAddress } from './sheet-address';
import { FormulaNotes } from './sheet-formulas';
import { sheetByName, sheetGrid, type SheetGrid } from './sheet-grid';
import { readStructureSheet } from './structure-sheet';
import { STRUCTURE_SHEET_NAME } from './workbook-names';

export type { ReadAnnexOptions } from './read-document-frame';

export interface ReadAnnexValue {
  readonly document: AnnexDocument;
  readonly warnings: ImportProblem[];
  /** With the rowSources option: each table's rows' sources, in the document's row order. */
  readonly sources?: Readonly<Record<TableKind, readonly RowSource[]>>;
  /** With the sideSheets option: those of the named sheets the file has, as plain rows. */
  readonly sideSheets?: ReadonlyMap<string, unknown[][]>;
}

const fileError = (message: string): ImportProblem => ({ severity: 'error', sheet: '', cell: '', message });

/** The warning for a table the file does not have: a section's workbook has only its own. */
export const missingTableMessage = (kind: TableKind): string => `${TABLE_LABELS[kind]}の表が見つかりません。空の表として読みます`;

/** The problem of a readable file with no annex table at all: it is some other spreadsheet. */
export const NO_TABLE_MESSAGE = '取組事業一覧の見出し（「主な取組」と「取組概要」の並んだ行）がどのシートにも見つかりません。取組事業一覧のファイルか確かめてください';

/** Problems in the order a person meets them: sheet by sheet, row by row; whole-sheet ones after, whole-file ones last. */
function inReadingOrder(problems: readonly ImportProblem[], sheetNames: readonly string[]): ImportProblem[] {
  const rank = new Map(sheetNames.map((name, index) => [name, index]));
  const key = (problem: ImportProblem): [number, number, number] => {
    const place = parseCellAddress(problem.cell);
    const sheet = problem.sheet === '' && !place ? Number.MAX_SAFE_INTEGER : (rank.get(problem.sheet) ?? 0);
    return [sheet, place?.row ?? Number.MAX_SAFE_INTEGER, place?.column ?? 0];
  };
  const keyed = problems.map((problem) => ({ problem, key: key(problem) }));
  keyed.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2]);
  return keyed.map(({ problem }) => problem);
}

// The sheets read as plain rows (構造, side sheets) are at most 9 columns wide as the app writes them: a cell far right
// is no part of them, and would make every row 16,384 wide.
const PLAIN_COLUMNS = 16;

/** Rows as plain values, for the 構造 sheet reader and side sheets. */
function plainRows(grid: SheetGrid): unknown[][] {
  const rows: unknown[][] = [];
  const width = Math.min(grid.columnCount, PLAIN_COLUMNS);
  for (let row = 0; row < grid.rowCount; row += 1) {
    const cells: unknown[] = [];
    for (let column = 0; column < width; column += 1) cells.push(grid.value(row, column) ?? '');
    rows.push(cells);
  }
  return rows;
}

/**
 * Reads an annex from .xlsx, .xls, .ods or .csv. Sizes are checked before SheetJS reads a byte; tables are found by
 * their header texts wherever they sit; the ○ columns are matched to the structure (the 構造 sheet, else with
 * adoptStructure the file's own header band, else the open document's) by their names, never by position. Every problem
 * names its sheet and cell; any error means no document.
 */
export function readAnnexWorkbook(bytes: Uint8Array, options: ReadAnnexOptions): Result<ReadAnnexValue, ImportProblem[]> {
  const read = readWorkbookBytes(bytes, options.fileName);
  if (!read.ok) return read;
  const { workbook, format } = read.value;
  const isCsv = format === 'csv';
  if (workbook.SheetNames.length > READ_LIMITS.sheets) {
    return err([fileError(`シートが多すぎます（${workbook.SheetNames.length.toLocaleString('ja-JP')} 枚。${READ_LIMITS.sheets.toLocaleString('ja-JP')} 枚まで）`)]);
  }

  const sheets: SheetEntry[] = [];
  let structureGrid: SheetGrid | undefined;
  const sideSheets = new Map<string, unknown[][]>();
  let totalRows = 0;
  for (const name of workbook.SheetNames) {
    const sheet = sheetByName(workbook.Sheets, name);
    if (!sheet) continue;
    // A CSV has no sheet a person could name; its problems name only the cell.
    const gridName = isCsv ? '' : name;
    const made = sheetGrid(gridName, sheet);
    if (!made.ok) return err([{ severity: 'error', sheet: gridName, cell: '', message: made.message }]);
    totalRows += made.grid.rowCount;
    // Refused as soon as the count passes: a thousand sheets, each with one cell in row 1,048,576, took half a minute.
    if (totalRows > READ_LIMITS.rows) break;
    if (!isCsv && name === STRUCTURE_SHEET_NAME) structureGrid = made.grid;
    else if (!isCsv && options.sideSheets?.includes(name)) sideSheets.set(name, plainRows(made.grid));
    else sheets.push({ grid: made.grid, label: isCsv ? fileStem(options.fileName) : name });
  }
  if (totalRows > READ_LIMITS.rows) {
    return err([fileError(TOO_MANY_ROWS)]);
  }

  const structure = structureGrid ? readStructureSheet(plainRows(structureGrid)) : undefined;
  if (structure && !structure.ok) return structure;
  const blocks = findBlocks(sheets, findHeaderBlocks);
  if (blocks.length > READ_LIMITS.headerBlocks) {
    return err([fileError(`取組事業一覧の見出しが多すぎます（${READ_LIMITS.headerBlocks.toLocaleString('ja-JP')} 個を超えています）。取組事業一覧のファイルか確かめてください`)]);
  }
  if (blocks.length === 0) {
    return err([fileError(NO_TABLE_MESSAGE)]);
  }
  const chosen = chooseFrame(structure?.value, blocks[0]?.block, options);
  if (!chosen.ok) return chosen;
  const { frame, adopted } = chosen.value;

  const problems: ImportProblem[] = [];
  const formulas = new FormulaNotes(problems);
  const tables = readTableBlocks(blocks, frame, formulas, problems);
  formulas.finish();
  for (const kind of TABLE_KINDS) {
    if (!tables.seen.has(kind)) {
      problems.push({ severity: 'warning', sheet: '', cell: '', message: missingTableMessage(kind) });
    }
  }
  const context = {
    knownNames: masterNames(frame.masters),
    markOrder: new Map(markColumns(frame.plan).map((column, index) => [column.id, index])),
    usedIds: new Set<string>(),
    problems,
  };
  const sources: Record<TableKind, RowSource[]> = { city: [], council: [] };
  const collect = (kind: TableKind): RowSource[] | undefined => (options.rowSources ? sources[kind] : undefined);
  const rows = new Map<TableKind, AnnexRow[]>(
    TABLE_KINDS.map((kind) => [kind, assembleRows(kind, tables.drafts.get(kind) ?? [], context, collect(kind))]),
  );
  const ordered = inReadingOrder(problems, workbook.SheetNames);
  if (ordered.some((problem) => problem.severity === 'error')) return err(ordered);

  const base = options.base;
  const allRows = TABLE_KINDS.flatMap((kind) => rows.get(kind) ?? []);
  // Without a document to take them from, an adopted plan's table titles are the ones printed above the tables.
  const title = (kind: TableKind): string => (adopted && !base ? (tables.titles.get(kind) ?? '') : frame.tableTitles[kind]);
  const document: AnnexDocument = {
    plan: frame.plan,
    masters: adopted ? mastersFromRows(allRows, base?.masters) : frame.masters,
    tables: {
      city: { title: title('city'), rows: rows.get('city') ?? [] },
      council: { title: title('council'), rows: rows.get('council') ?? [] },
    },
    ...(frame.provenance ? { provenance: frame.provenance } : {}),
    ...(frame.settings ? { settings: frame.settings } : {}),
    ...(frame.ledger ? { ledger: frame.ledger } : {}),
  };
  return ok({
    document,
    warnings: ordered,
    ...(options.rowSources ? { sources } : {}),
    ...(options.sideSheets ? { sideSheets } : {}),
  });
}
