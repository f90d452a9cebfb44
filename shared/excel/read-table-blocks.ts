import type { TableKind } from '../model/annex-document';
import { TABLE_KINDS } from '../model/annex-document';
import { TABLE_LABELS } from '../model/table-names';
import { mapHeaderBand } from './header-band-mapping';
import type { HeaderBlock } from './header-detect';
import { normaliseHeader } from './header-text';
import type { ImportProblem } from './import-problem';
import { identifyTable, titleAbove } from './read-table-kind';
import { READ_LIMITS } from './read-limits';
import { readBlockRows, type RowDraft } from './read-table-rows';
import { cellAddress } from './sheet-address';
import type { FormulaNotes } from './sheet-formulas';
import type { SheetGrid } from './sheet-grid';
import type { DocumentFrame } from './structure-sheet';

export interface SheetEntry {
  readonly grid: SheetGrid;
  /** What names the sheet for telling its table: the sheet's name, or a CSV's file name. */
  readonly label: string;
}

/** A header found on a sheet, and where its rows end: the next header's band, or the sheet's end. */
export interface FoundBlock {
  readonly entry: SheetEntry;
  readonly block: HeaderBlock;
  readonly end: number;
}

export interface TableDrafts {
  /** Each table's rows in workbook order: a table found twice (a header band repeated per page) continues. */
  readonly drafts: ReadonlyMap<TableKind, readonly RowDraft[]>;
  /** The title printed above each table, when one was. */
  readonly titles: ReadonlyMap<TableKind, string>;
  readonly seen: ReadonlySet<TableKind>;
}

/** Every header on every sheet, in workbook order. */
export function findBlocks(sheets: readonly SheetEntry[], find: (grid: SheetGrid) => HeaderBlock[]): FoundBlock[] {
  const blocks: FoundBlock[] = [];
  for (const entry of sheets) {
    // Past the limit the workbook is refused: the remaining sheets need not be searched.
    if (blocks.length > READ_LIMITS.headerBlocks) break;
    const found = find(entry.grid);
    found.forEach((block, index) => blocks.push({ entry, block, end: found[index + 1]?.top ?? entry.grid.rowCount }));
  }
  return blocks;
}

/** Each header: its ○ columns matched to the plan, its rows read, its table told from the texts above it. */
export function readTableBlocks(blocks: readonly FoundBlock[], frame: DocumentFrame, formulas: FormulaNotes, problems: ImportProblem[]): TableDrafts {
  const knownTitles = new Set(TABLE_KINDS.map((kind) => normaliseHeader(frame.tableTitles[kind])).filter((title) => title !== ''));
  const drafts = new Map<TableKind, RowDraft[]>(TABLE_KINDS.map((kind) => [kind, []]));
  const titles = new Map<TableKind, string>();
  const seen = new Set<TableKind>();
  let textsAbove: string[] = [];
  blocks.forEach(({ entry, block, end }, index) => {
    const { grid } = entry;
    const at = cellAddress(block.headerRow, Math.min(...block.left.values()));
    if (blocks[index - 1]?.entry !== entry) {
      textsAbove = [];
      for (let row = 0; row < block.top; row += 1) textsAbove.push(...grid.ownTexts(row));
    }
    for (const { stack } of block.bandColumns) for (const element of stack) formulas.note(grid, element.row, element.column);
    const mapping = mapHeaderBand(block, frame.plan);
    problems.push(...mapping.problems);
    if (!block.left.has('number')) {
      problems.push({ severity: 'warning', sheet: grid.name, cell: at, message: '通し番号の列がありません。シートの並び順に番号を付けます' });
    }
    const rows = readBlockRows(block, mapping.columns, end, { tableTitles: knownTitles, formulas, problems });
    const clues = {
      textsAbove,
      sheetName: entry.label,
      hasDepartmentColumns: block.left.has('departments') || block.left.has('sections'),
      tableTitles: frame.tableTitles,
    };
    const table = identifyTable(clues);
    const title = titleAbove(clues);
    // A repeated band (no title of its own) continues its table silently; a second titled table is worth a word.
    if (seen.has(table) && title !== undefined) {
      problems.push({ severity: 'warning', sheet: grid.name, cell: at, message: `${TABLE_LABELS[table]}の表がもう一つあります。前の表の続きとして読みます` });
    }
    seen.add(table);
    if (title !== undefined && !titles.has(table)) titles.set(table, title);
    drafts.get(table)?.push(...rows.drafts);
    textsAbove = [...rows.trailingTexts];
  });
  return { drafts, titles, seen };
}
