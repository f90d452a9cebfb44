import type { ImportProblem } from './import-problem';
import type { HeaderBlock, LeftColumnKind } from './header-detect';
import type { MappedColumn } from './header-band-mapping';
import { normaliseHeader } from './header-text';
import { readMark } from './mark-values';
import { readSerialNumber } from './row-number';
import { cellAddress } from './sheet-address';
import type { FormulaNotes } from './sheet-formulas';
import type { CellValue, SheetGrid } from './sheet-grid';

/** One sheet row read as a row of the table, or as the continuation of the row above (one printed line per row). */
export interface RowDraft {
  readonly kind: 'record' | 'continuation';
  readonly sheet: string;
  readonly row: number;
  /** The 通し番号 cell, when the table has the column. */
  readonly number: { readonly value: CellValue | undefined; readonly cell: string } | undefined;
  readonly departments: string;
  readonly sections: string;
  readonly title: string;
  readonly summary: string;
  readonly marks: ReadonlySet<string>;
  readonly id: { readonly value: string; readonly cell: string } | undefined;
  /** Where a person sees the row's text begin. */
  readonly cell: string;
}

export interface BlockRows {
  readonly drafts: readonly RowDraft[];
  /** Texts after the last row (the next table's title, notes): they name the next table, they are not rows. */
  readonly trailingTexts: readonly string[];
}

export interface RowReadContext {
  /** Normalised table titles: a row saying one of them is a title, not a row. */
  readonly tableTitles: ReadonlySet<string>;
  readonly formulas: FormulaNotes;
  readonly problems: ImportProblem[];
}

const isBlank = (value: CellValue | undefined): boolean => value === undefined || (typeof value === 'string' && value.trim() === '');
const shorten = (value: string): string => (value.length > 20 ? `${value.slice(0, 20)}…` : value);
const text = (value: CellValue | undefined): string => (value === undefined ? '' : String(value).replace(/\r\n?/g, '\n'));

/** A row of one text in one cell that reads as a title or note (a single cell spanning columns, in the 通し番号 column, or naming a table). */
function isNoteRow(grid: SheetGrid, row: number, columns: readonly number[], numberColumn: number | undefined, context: RowReadContext): boolean {
  const origins = new Set<number>();
  let value: CellValue | undefined;
  let originColumn = -1;
  for (const column of columns) {
    const origin = grid.originOf(row, column);
    origins.add(origin.column);
    value = grid.value(row, column);
    originColumn = origin.column;
  }
  if (origins.size !== 1 || typeof value !== 'string') return false;
  const norm = normaliseHeader(value);
  const merge = grid.mergeAt(row, originColumn);
  if (merge && merge.right > merge.left) return true;
  if (context.tableTitles.has(norm) || norm.includes('取組事業一覧')) return true;
  return originColumn === numberColumn && readSerialNumber(value).kind === 'text';
}

/**
 * The rows under one header, up to `end`: blank rows skipped, title and note rows set aside, a row with no 通し番号 and
 * no ○ but some text taken as the continuation of the row above. ○ cells must hold a mark or nothing; anything else is
 * an error at its cell. Merged cells spread: a 部 merged over three rows is each row's 部.
 */
export function readBlockRows(block: HeaderBlock, marks: readonly MappedColumn[], end: number, context: RowReadContext): BlockRows {
  const { grid, left } = block;
  const sheet = grid.name;
  const column = (kind: LeftColumnKind): number | undefined => left.get(kind);
  const numberColumn = column('number');
  const textColumns = (['departments', 'sections', 'title', 'summary'] as const)
    .map((kind) => column(kind))
    .filter((value): value is number => value !== undefined);
  const markColumns = new Set(marks.map((mark) => mark.column));
  const tableColumns = [...new Set([...left.values(), ...markColumns, ...(block.rowIdColumn === undefined ? [] : [block.rowIdColumn])])].sort(
    (a, b) => a - b,
  );
  const invalidMarks = new Set<string>();
  const drafts: RowDraft[] = [];
  let pending: { texts: string[]; cell: string }[] = [];

  const readText = (row: number, kind: LeftColumnKind, own: boolean): string => {
    const at = column(kind);
    if (at === undefined) return '';
    return text(own ? grid.ownValue(row, at) : grid.value(row, at));
  };

  for (let row = block.bottom + 1; row < end; row += 1) {
    const own = tableColumns.filter((at) => !isBlank(grid.ownValue(row, at)));
    for (const at of tableColumns) context.formulas.note(grid, row, at);
    if (own.length === 0) {
      const texts = grid.ownTexts(row);
      if (texts.length > 0) pending.push({ texts, cell: cellAddress(row, 0) });
      continue;
    }
    const hasMark = own.some((at) => markColumns.has(at));
    const hasId = block.rowIdColumn !== undefined && own.includes(block.rowIdColumn);
    const hasNumber = numberColumn !== undefined && own.includes(numberColumn);
    const hasText = own.some((at) => textColumns.includes(at));
    // Before the ○ are looked at: a title merged across the whole table reaches into the ○ columns too.
    if (!hasId && isNoteRow(grid, row, own, numberColumn, context)) {
      pending.push({ texts: grid.ownTexts(row), cell: cellAddress(row, own[0] ?? 0) });
      continue;
    }
    // A lone number with nothing else (a PDF's page number, wherever it landed) is not a row of the table.
    const [only] = own;
    if (!hasMark && !hasId && own.length === 1 && only !== undefined && readSerialNumber(grid.value(row, only)).kind === 'number') {
      context.problems.push({
        severity: 'warning',
        sheet,
        cell: cellAddress(row, only),
        message: `番号「${text(grid.value(row, only))}」だけの行です（ページ番号など）。表の行とせずに読み飛ばします`,
      });
      continue;
    }
    // Text seen between two rows of the table is not lost silently.
    for (const note of pending) {
      context.problems.push({
        severity: 'warning',
        sheet,
        cell: note.cell,
        message: `表の行ではない「${note.texts.join(' ').slice(0, 40)}」を読み飛ばしました`,
      });
    }
    pending = [];
    const continuation = !hasMark && !hasId && !hasNumber && hasText;
    const firstText = own.find((at) => textColumns.includes(at)) ?? own[0] ?? 0;
    const found = new Set<string>();
    if (!continuation) {
      for (const mark of marks) {
        const value = grid.value(row, mark.column);
        const read = readMark(value);
        if (read === 'mark') found.add(mark.markId);
        else if (read === 'invalid') {
          const origin = grid.originOf(row, mark.column);
          const cell = cellAddress(origin.row, origin.column);
          if (invalidMarks.has(cell)) continue;
          invalidMarks.add(cell);
          context.problems.push({ severity: 'error', sheet, cell, message: `「${shorten(text(value))}」は○として読めません（○・〇・✓・1・TRUE などか、空にしてください）` });
        }
      }
    }
    const idValue = block.rowIdColumn === undefined ? undefined : grid.ownValue(row, block.rowIdColumn);
    drafts.push({
      kind: continuation ? 'continuation' : 'record',
      sheet,
      row,
      number: numberColumn === undefined ? undefined : { value: grid.ownValue(row, numberColumn), cell: cellAddress(row, numberColumn) },
      departments: readText(row, 'departments', continuation),
      sections: readText(row, 'sections', continuation),
      title: readText(row, 'title', continuation),
      summary: readText(row, 'summary', continuation),
      marks: found,
      id: isBlank(idValue) || block.rowIdColumn === undefined ? undefined : { value: text(idValue).trim(), cell: cellAddress(row, block.rowIdColumn) },
      cell: cellAddress(row, firstText),
    });
  }
  return { drafts, trailingTexts: pending.flatMap((note) => note.texts) };
}
