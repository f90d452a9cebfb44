import type { AnnexRow, TableKind } from '../model/annex-document';
import { newRowId } from '../model/row-ids';
import { TABLE_LABELS } from '../model/table-names';
import { rowSchema } from '../schema/annex-json-schema';
import type { ImportProblem } from './import-problem';
import type { RowDraft } from './read-table-rows';
import { joinNameTexts, splitNames } from './row-names';
import { readSerialNumber } from './row-number';

export interface AssemblyContext {
  /** Names of the master (部 and 課), which 「・」 does not split. */
  readonly knownNames: ReadonlySet<string>;
  /** Mark ids in the plan's column order. */
  readonly markOrder: ReadonlyMap<string, number>;
  /** Row ids already taken, across both tables. */
  readonly usedIds: Set<string>;
  readonly problems: ImportProblem[];
}

/** Where a row was read from, for a reader that compares a file's rows with the rows it sent (a section's submission). */
export interface RowSource {
  /** The 通し番号 as written, when it reads as a number: a submission shows each row's number in the whole annex. */
  readonly number: number | undefined;
  /** The id is the file's own, from its 行ID column, not one made fresh. */
  readonly idInFile: boolean;
  readonly sheet: string;
  /** The sheet row (1-based) of the row's first line. */
  readonly row: number;
}

interface Building {
  first: RowDraft;
  departments: string;
  sections: string;
  title: string;
  summary: string;
  marks: ReadonlySet<string>;
  id: string;
  idInFile: boolean;
}

/** A kept id is in the JSON form's id shape and not yet used; otherwise the row gets a fresh one, with a warning. */
function rowId(table: TableKind, draft: RowDraft, context: AssemblyContext): string {
  const warn = (message: string): string => {
    context.problems.push({ severity: 'warning', sheet: draft.sheet, cell: draft.id?.cell ?? '', message });
    return newRowId(table);
  };
  if (!draft.id) return newRowId(table);
  const { value } = draft.id;
  if (!rowSchema.shape.id.safeParse(value).success) return warn(`行ID「${value.slice(0, 40)}」は ID として使えない形です。新しい ID を付けます`);
  if (context.usedIds.has(value)) return warn(`行ID「${value}」がほかの行と重複しています。この行には新しい ID を付けます`);
  return value;
}

/** 通し番号 is not stored: the row's place is its number. A number that is missing, unreadable or out of order is renumbered, with a warning. */
function checkNumber(draft: RowDraft, position: number, context: AssemblyContext): void {
  if (!draft.number) return;
  const number = readSerialNumber(draft.number.value);
  const warn = (message: string): void =>
    void context.problems.push({ severity: 'warning', sheet: draft.sheet, cell: draft.number?.cell ?? '', message });
  if (number.kind === 'missing') warn(`通し番号がありません。シートの並び順で ${position} とします`);
  else if (number.kind === 'text') warn(`通し番号「${number.text.slice(0, 20)}」は番号として読めません。シートの並び順で ${position} とします`);
  else if (number.value !== position) warn(`通し番号 ${number.value} は並び順と合いません。シートの並び順で ${position} とします`);
}

/**
 * One table's rows in sheet order: continuations joined to the row above (texts concatenated as printed, 部/課 joined
 * before they are split), numbers checked against the order, ids kept or made, 部/課 split, marks in column order.
 * With `sources`, each row's source is collected there and numbers are kept as written, not checked: a section's rows
 * are numbered as in the whole annex, with gaps.
 */
export function assembleRows(table: TableKind, drafts: readonly RowDraft[], context: AssemblyContext, sources?: RowSource[]): AnnexRow[] {
  const built: Building[] = [];
  for (const draft of drafts) {
    const previous = built[built.length - 1];
    if (draft.kind === 'continuation' && previous) {
      previous.departments = joinNameTexts(previous.departments, draft.departments, context.knownNames);
      previous.sections = joinNameTexts(previous.sections, draft.sections, context.knownNames);
      previous.title += draft.title;
      previous.summary += draft.summary;
      context.problems.push({
        severity: 'warning',
        sheet: draft.sheet,
        cell: draft.cell,
        message: `通し番号も○もないこの行を、上の行（${TABLE_LABELS[table]} 通し番号 ${built.length}、行 ${previous.first.row + 1}）の続きとしてつなげました`,
      });
      continue;
    }
    if (!sources) checkNumber(draft, built.length + 1, context);
    const id = rowId(table, draft, context);
    context.usedIds.add(id);
    const idInFile = id === draft.id?.value;
    built.push({ first: draft, departments: draft.departments, sections: draft.sections, title: draft.title, summary: draft.summary, marks: draft.marks, id, idInFile });
  }
  for (const { first, idInFile } of built) {
    const number = readSerialNumber(first.number?.value);
    sources?.push({ number: number.kind === 'number' ? number.value : undefined, idInFile, sheet: first.sheet, row: first.row + 1 });
  }
  return built.map((row) => ({
    id: row.id,
    departments: splitNames(row.departments, context.knownNames),
    sections: splitNames(row.sections, context.knownNames),
    title: row.title,
    summary: row.summary,
    marks: [...row.marks].sort((a, b) => (context.markOrder.get(a) ?? 0) - (context.markOrder.get(b) ?? 0)),
  }));
}
