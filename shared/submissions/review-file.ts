import type { AnnexDocument, AnnexRow, TableKind } from '../model/annex-document';
import { markColumns } from '../model/plan';
import { TABLE_LABELS } from '../model/table-names';
import { describeMatch, matchRows, type MatchedRow } from './match-rows';
import type { CellField, FileReview, RowReview } from './merge-review';
import { NewRowIds } from './new-row-ids';
import type { SubmittedRow } from './read-submission';
import { addresseeLabel, addresseesOf, ownsRow, type Addressee } from './recipients';
import type { Resolved } from './resolve-addressee';
import { compareRow, rowFields } from './three-way';

/** One readable file's rows against its base and the annex now: changed, added, dropped, and rows that are not its own. */

interface AnnexIndex {
  readonly rows: ReadonlyMap<string, { readonly table: TableKind; readonly row: AnnexRow; readonly number: number }>;
}

const indexAnnex = (annex: AnnexDocument): AnnexIndex => ({
  rows: new Map(
    (['city', 'council'] as const).flatMap((table) => annex.tables[table].rows.map((row, index) => [row.id, { table, row, number: index + 1 }] as const)),
  ),
});

/** What every file of one intake is compared with, built once for all: the annex's rows by id, its cells, new rows' ids. */
export interface Intake {
  readonly annex: AnnexDocument;
  readonly index: AnnexIndex;
  readonly fields: readonly CellField[];
  readonly ids: NewRowIds;
}

export const startIntake = (annex: AnnexDocument): Intake => ({
  annex,
  index: indexAnnex(annex),
  fields: rowFields(markColumns(annex.plan).map((column) => column.id)),
  ids: new NewRowIds(annex),
});

/** The value made on the first call and given again on every later one. */
function once<T>(make: () => T): () => T {
  let made: { readonly value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

const isEmptied = (row: AnnexRow): boolean => row.title.trim() === '' && row.summary.trim() === '' && row.marks.length === 0;
const quoted = (table: TableKind, number: number | null, title: string): string =>
  `${TABLE_LABELS[table]}${number === null ? '' : ` 通し番号 ${number}`}「${title.length > 30 ? `${title.slice(0, 30)}…` : title}」`;

/** The addressee's 部 and 課 where a new row left them blank. */
function withBlanksFilled(row: AnnexRow, resolved: Resolved): { row: AnnexRow; filled: boolean } {
  const { recipient } = resolved;
  if (recipient.table !== 'city') return { row, filled: false };
  const departments = row.departments.length === 0 && recipient.department ? [recipient.department] : row.departments;
  const sections = row.sections.length === 0 && recipient.section ? [recipient.section] : row.sections;
  const filled = departments !== row.departments || sections !== row.sections;
  return { row: filled ? { ...row, departments, sections } : row, filled };
}

/** One file's review; what a file with many rows asks again and again is worked out once, when first asked. */
interface Reviewer extends Intake {
  readonly resolved: Resolved;
  /** Every addressee of the file's send unit, for naming whose a row not the file's own is. */
  readonly addressees: () => readonly Addressee[];
  /** Where every added row of the file goes: lastOwnRow. */
  readonly insertionPoint: () => string | null;
}

/** The annex row an added row goes after: the addressee's last row now, else none (the table's end). */
function lastOwnRow(annex: AnnexDocument, resolved: Resolved): string | null {
  const { recipient } = resolved;
  return annex.tables[recipient.table].rows.findLast((row) => ownsRow(recipient, resolved.by, row, annex.masters, recipient.table))?.id ?? null;
}

const reviewerOf = (intake: Intake, resolved: Resolved): Reviewer => ({
  ...intake,
  resolved,
  addressees: once(() => addresseesOf(intake.annex, resolved.by)),
  insertionPoint: once(() => lastOwnRow(intake.annex, resolved)),
});

/** Whose rows these are by the master, for saying so. */
function ownersOf(reviewer: Reviewer, row: AnnexRow, table: TableKind): string {
  const { annex, resolved } = reviewer;
  const owners = reviewer.addressees().filter((addressee) => ownsRow(addressee, resolved.by, row, annex.masters, table));
  return owners.length > 0 ? owners.map(addresseeLabel).join('・') : 'どの宛先でもない';
}

/** A row never taken gets no id of the annex: one the file had, else where it sits in the file (sheet!row). */
const fileRowKey = (file: SubmittedRow): string => (file.source.idInFile ? file.row.id : `${file.source.sheet}!${file.source.row}`);

function rejected(reviewer: Reviewer, file: SubmittedRow, rowId: string, problem: string): RowReview {
  const now = reviewer.index.rows.get(rowId);
  return {
    table: file.table,
    rowId,
    kind: 'rejected',
    match: file.source.idInFile ? 'id' : 'new',
    numbers: { sent: null, file: file.source.number ?? null, now: now?.number ?? null },
    base: null,
    theirs: file.row,
    ours: now?.row ?? null,
    cells: [],
    insertAfter: null,
    problems: [problem],
  };
}

function matchedReview(reviewer: Reviewer, matched: MatchedRow & { base: NonNullable<MatchedRow['base']> }): RowReview {
  const { file, base } = matched;
  const now = reviewer.index.rows.get(base.row.id);
  const theirs = { ...file.row, id: base.row.id };
  const common = {
    table: file.table,
    rowId: base.row.id,
    match: describeMatch(matched.match),
    numbers: { sent: base.number, file: file.source.number ?? null, now: now?.number ?? null },
    base: base.row,
    ours: now?.row ?? null,
    insertAfter: null,
  };
  if (isEmptied(file.row)) {
    return { ...common, kind: 'deleted', theirs: null, cells: [], problems: ['行の内容がすべて消されています。削除として受け取ります'] };
  }
  const cells = compareRow(base.row, theirs, now?.row, reviewer.fields);
  const changed = cells.some((cell) => cell.state !== 'same');
  const problems = !now && cells.length > 0 ? ['この行は送付の後に取組事業一覧から削除されています'] : [];
  return { ...common, kind: changed ? 'changed' : 'unchanged', theirs, cells, problems };
}

function newRowReview(reviewer: Reviewer, file: SubmittedRow): RowReview {
  const { resolved, index } = reviewer;
  const { recipient } = resolved;
  if (file.source.idInFile && index.rows.has(file.row.id)) {
    const now = index.rows.get(file.row.id);
    const owner = now ? ownersOf(reviewer, now.row, now.table) : '';
    const what = quoted(file.table, now?.number ?? null, now?.row.title ?? file.row.title);
    return rejected(reviewer, file, file.row.id, `この行（${what}）は${owner}の行で、「${addresseeLabel(recipient)}」に送付した行ではありません。取り込みません`);
  }
  const { row, filled } = withBlanksFilled(file.row, resolved);
  if (!ownsRow(recipient, resolved.by, row, reviewer.annex.masters, file.table)) {
    const names = row.sections.length > 0 ? row.sections : row.departments;
    return rejected(reviewer, { ...file, row }, fileRowKey(file), `課が「${names.join('・')}」の行です。「${addresseeLabel(recipient)}」の行ではないため取り込みません`);
  }
  const rowId = reviewer.ids.next(file.table, resolved.send?.id ?? null);
  return {
    table: file.table,
    rowId,
    kind: 'added',
    match: 'new',
    numbers: { sent: null, file: file.source.number ?? null, now: null },
    base: null,
    theirs: { ...row, id: rowId },
    ours: null,
    cells: [],
    insertAfter: reviewer.insertionPoint(),
    problems: filled ? ['部・課が空欄だったため、宛先の部・課を入れました'] : [],
  };
}

function droppedReview(reviewer: Reviewer, base: { number: number; row: AnnexRow }, table: TableKind): RowReview | undefined {
  const now = reviewer.index.rows.get(base.row.id);
  // Gone from the annex too: nothing left to propose.
  if (!now) return undefined;
  const moved = compareRow(base.row, base.row, now.row, reviewer.fields).length > 0;
  return {
    table,
    rowId: base.row.id,
    kind: 'deleted',
    match: 'missing',
    numbers: { sent: base.number, file: null, now: now.number },
    base: base.row,
    theirs: null,
    ours: now.row,
    cells: [],
    insertAfter: null,
    problems: moved ? ['ファイルにない行です。送付の後に取組事業一覧で変更された行です'] : ['ファイルにない行です'],
  };
}

/** Rows in the order of the annex as sent (dropped ones in their place), then added rows, then rows not taken. */
function inReviewOrder(rows: readonly RowReview[]): RowReview[] {
  const rank = (row: RowReview): number => (row.kind === 'added' ? 1 : row.kind === 'rejected' ? 2 : 0);
  return rows
    .map((row, position) => ({ row, position }))
    .sort((a, b) => rank(a.row) - rank(b.row) || (a.row.numbers.sent ?? 0) - (b.row.numbers.sent ?? 0) || a.position - b.position)
    .map(({ row }) => row);
}

export interface ReviewFileInput {
  readonly fileName: string;
  readonly fileHash: string;
  readonly rows: readonly SubmittedRow[];
  readonly warnings: readonly string[];
  readonly resolved: Resolved;
}

export function reviewFile(intake: Intake, input: ReviewFileInput): FileReview {
  const { resolved, fileName } = input;
  const { recipient } = resolved;
  const reviewer = reviewerOf(intake, resolved);
  const own = input.rows.filter((file) => file.table === recipient.table);
  const { matched, missing } = matchRows(own, resolved.baseRows);
  const rows: RowReview[] = input.rows
    .filter((file) => file.table !== recipient.table)
    .map((file) => rejected(reviewer, file, fileRowKey(file), `「${addresseeLabel(recipient)}」への送付は${TABLE_LABELS[recipient.table]}の表の行だけです`));
  for (const hit of matched) rows.push(hit.base ? matchedReview(reviewer, { ...hit, base: hit.base }) : newRowReview(reviewer, hit.file));

  const common = {
    fileName,
    fileHash: input.fileHash,
    recipient: { key: recipient.key, department: recipient.department, section: recipient.section, table: recipient.table },
    sendId: resolved.send?.id ?? null,
    sentAt: resolved.send?.sentAt ?? null,
    olderSend: resolved.olderSend,
    matchMethod: resolved.matchMethod,
    base: resolved.base,
  };
  const problems = [...input.warnings, ...resolved.problems];
  if (rows.length > 0 && rows.every((row) => row.kind === 'rejected')) {
    const owners = [...new Set(input.rows.map((file) => ownersOf(reviewer, file.row, file.table)))];
    problems.push(`${fileName}: 「${addresseeLabel(recipient)}」あてのファイルですが、行はすべてほかの宛先（${owners.join('・')}）のものです。取り込みません`);
    return { ...common, status: 'wrong-section', rows, problems };
  }
  for (const base of missing) {
    const dropped = droppedReview(reviewer, base, recipient.table);
    if (dropped) rows.push(dropped);
  }
  return { ...common, status: 'ok', rows: inReviewOrder(rows), problems };
}
