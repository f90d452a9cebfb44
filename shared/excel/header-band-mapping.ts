import { markColumns, type MarkColumn, type Plan } from '../model/plan';
import { HEADER_LABELS } from '../model/table-names';
import type { ImportProblem } from './import-problem';
import type { BandColumn, HeaderBlock, HeaderElement } from './header-detect';
import { normaliseHeader } from './header-text';
import { cellAddress, columnLetter } from './sheet-address';

/** A sheet column read as one mark column of the plan. */
export interface MappedColumn {
  readonly column: number;
  readonly markId: string;
}

export interface BandMapping {
  readonly columns: readonly MappedColumn[];
  readonly problems: readonly ImportProblem[];
}

/** A label is the start of its cell, and 目指す地域像1 must not match 目指す地域像10. */
export function startsWithLabel(text: string, label: string): boolean {
  return label !== '' && text.startsWith(label) && !/^[0-9]/.test(text.slice(label.length));
}

/** A header title is found as a cell's end (a cell may hold （２） before it) or across cells (one character per row). */
function containsTitle(stack: readonly HeaderElement[], title: string): boolean {
  if (title === '') return false;
  return stack.some((element) => element.norm.endsWith(title)) || stack.map((element) => element.norm).join('').includes(title);
}

const shorten = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

interface PlanLabels {
  /** The shapes of the plan's labels (目指す地域像N, (N)): any number, so 目指す地域像5 is seen as a label too. */
  readonly visionShapes: readonly RegExp[];
  readonly conceptShapes: readonly RegExp[];
}

/** 目指す地域像1 → /^目指す地域像[0-9]+(?![0-9])/: the label with any number in place of its own. */
function labelShape(label: string): RegExp {
  const source = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[0-9]+/g, '[0-9]+');
  return new RegExp(`^${source}(?![0-9])`, 'u');
}

const labelElements = (stack: readonly HeaderElement[], shapes: readonly RegExp[]): HeaderElement[] =>
  stack.filter((element) => shapes.some((shape) => shape.test(element.norm)));

/** What a column's labels say about its place in the tree; a stack without labels says nothing, and fits anywhere. */
function fitsPlace(stack: readonly HeaderElement[], leaf: MarkColumn, labels: PlanLabels): boolean {
  const fits = (shapes: readonly RegExp[], own: string): boolean => {
    const present = labelElements(stack, shapes);
    return present.length === 0 || present.some((element) => startsWithLabel(element.norm, own));
  };
  return fits(labels.visionShapes, normaliseHeader(leaf.vision.label)) && fits(labels.conceptShapes, normaliseHeader(leaf.concept.label));
}

/** The label a column prints where the leaf's own should be, when it prints another. */
function wrongLabel(stack: readonly HeaderElement[], leaf: MarkColumn, labels: PlanLabels): { element: HeaderElement; expected: string } | undefined {
  for (const [shapes, expected] of [
    [labels.visionShapes, leaf.vision.label],
    [labels.conceptShapes, leaf.concept.label],
  ] as const) {
    const present = labelElements(stack, shapes);
    const own = normaliseHeader(expected);
    const [element] = present;
    if (element && !present.some((candidate) => startsWithLabel(candidate.norm, own))) return { element, expected };
  }
  return undefined;
}

function fitsTitles(stack: readonly HeaderElement[], leaf: MarkColumn): boolean {
  if (!containsTitle(stack, normaliseHeader(leaf.concept.title))) return false;
  return leaf.subColumn === undefined || containsTitle(stack, normaliseHeader(leaf.subColumn.title));
}

const place = (leaf: MarkColumn): string => `${leaf.vision.label}${leaf.concept.label}`;
const leafName = (leaf: MarkColumn): string => `「${leaf.title}」（${place(leaf)}）`;

/** The text a person typed where the expected title should be: after the concept label, else the lowest text. */
function shownTitle(stack: readonly HeaderElement[], leaf: MarkColumn, conceptFailed: boolean): HeaderElement | undefined {
  if (!conceptFailed) return stack[stack.length - 1];
  const label = normaliseHeader(leaf.concept.label);
  const index = stack.findIndex((element) => startsWithLabel(element.norm, label));
  if (index < 0) return stack[stack.length - 1];
  const labelled = stack[index];
  if (labelled && labelled.norm.length > label.length) return labelled;
  return stack[index + 1] ?? stack[stack.length - 1];
}

/**
 * A vision's title, where the band prints one after its label (in the same cell or the next), must be the structure's:
 * checked once per vision, on its first column found.
 */
function checkVisionTitles(
  block: HeaderBlock,
  leaves: readonly MarkColumn[],
  mapped: readonly MappedColumn[],
  labels: PlanLabels,
  error: (cell: string, message: string) => void,
): void {
  const checked = new Set<string>();
  const concepts = normaliseHeader(HEADER_LABELS.concepts);
  for (const { column, markId } of mapped) {
    const leaf = leaves.find((candidate) => candidate.id === markId);
    const stack = block.bandColumns.find((candidate) => candidate.column === column)?.stack ?? [];
    if (!leaf || checked.has(leaf.vision.id)) continue;
    checked.add(leaf.vision.id);
    const label = normaliseHeader(leaf.vision.label);
    const index = stack.findIndex((element) => startsWithLabel(element.norm, label));
    const labelled = stack[index];
    if (!labelled) continue;
    const next = stack[index + 1];
    const inCell = labelled.norm.length > label.length;
    const printed = inCell ? labelled : next;
    if (!printed) continue;
    const text = inCell ? printed.norm.slice(label.length) : printed.norm;
    const isOther =
      !inCell &&
      (text === concepts ||
        [...labels.visionShapes, ...labels.conceptShapes].some((shape) => shape.test(text)) ||
        text.endsWith(normaliseHeader(leaf.concept.title)) ||
        (leaf.subColumn !== undefined && text.endsWith(normaliseHeader(leaf.subColumn.title))));
    if (isOther || text === normaliseHeader(leaf.vision.title)) continue;
    error(
      cellAddress(printed.row, printed.column),
      `列 ${columnLetter(column)}: 見出し「${shorten(printed.display)}」は構造の${leaf.vision.label}の名称「${leaf.vision.title}」と違います`,
    );
  }
}

/**
 * Each ○ column of the plan must be found under exactly one sheet column whose header stack holds its name (and its
 * concept's, for a sub-column) and, where the band prints them, its 目指す地域像N and （N）. Nothing is guessed: a column
 * that fits no ○ column, fits several, or a ○ column found twice or not at all is an error at its cell.
 */
export function mapHeaderBand(block: HeaderBlock, plan: Plan): BandMapping {
  const sheet = block.grid.name;
  const leaves = markColumns(plan);
  const shapes = (all: readonly string[]): RegExp[] => [...new Set(all.map((label) => labelShape(normaliseHeader(label)).source))].map((source) => new RegExp(source, 'u'));
  const labels: PlanLabels = {
    visionShapes: shapes(plan.visions.map((vision) => vision.label)),
    conceptShapes: shapes(plan.visions.flatMap((vision) => vision.concepts.map((concept) => concept.label))),
  };
  const problems: ImportProblem[] = [];
  const bottomCell = (column: number): string => cellAddress(block.bottom, column);
  const error = (cell: string, message: string): void => void problems.push({ severity: 'error', sheet, cell, message });

  const matched = new Map<string, BandColumn[]>();
  const misfits: BandColumn[] = [];
  const mapped: MappedColumn[] = [];
  for (const bandColumn of block.bandColumns) {
    const fits = leaves.filter((leaf) => fitsPlace(bandColumn.stack, leaf, labels) && fitsTitles(bandColumn.stack, leaf));
    if (fits.length === 0) misfits.push(bandColumn);
    else if (fits.length > 1) {
      error(
        bottomCell(bandColumn.column),
        `列 ${columnLetter(bandColumn.column)}: 見出しが構造の○の列 ${fits.map(leafName).join('・')} のどれにも当てはまり、一つに決められません`,
      );
    } else {
      const [leaf] = fits as [MarkColumn];
      matched.set(leaf.id, [...(matched.get(leaf.id) ?? []), bandColumn]);
    }
  }

  for (const leaf of leaves) {
    const columns = matched.get(leaf.id) ?? [];
    if (columns.length > 1) {
      const letters = columns.map((column) => columnLetter(column.column)).join('・');
      for (const column of columns) error(bottomCell(column.column), `○の列${leafName(leaf)}が二つ以上あります（列 ${letters}）`);
    } else if (columns[0]) mapped.push({ column: columns[0].column, markId: leaf.id });
  }

  // A misfit is reported against the ○ column it stands in for: one whose names it has (then a label is wrong), else the
  // first unfound one its labels allow, else the first unfound one, left to right.
  const unfound = leaves.filter((leaf) => !matched.has(leaf.id));
  const claimed = new Set<string>();
  for (const misfit of misfits) {
    const letter = columnLetter(misfit.column);
    const open = unfound.filter((leaf) => !claimed.has(leaf.id));
    const named = open.find((leaf) => fitsTitles(misfit.stack, leaf));
    const label = named && wrongLabel(misfit.stack, named, labels);
    if (named && label) {
      claimed.add(named.id);
      error(
        cellAddress(label.element.row, label.element.column),
        `列 ${letter}: 見出し「${shorten(label.element.display)}」は構造の「${label.expected}」と違います（○の列${leafName(named)}）`,
      );
      continue;
    }
    const expected = open.find((leaf) => fitsPlace(misfit.stack, leaf, labels)) ?? open[0];
    if (!expected) {
      const shown = misfit.stack[misfit.stack.length - 1];
      error(
        shown ? cellAddress(shown.row, shown.column) : bottomCell(misfit.column),
        `列 ${letter}: 見出し「${shorten(shown?.display ?? '')}」に当たる○の列が構造にありません`,
      );
      continue;
    }
    claimed.add(expected.id);
    const conceptFailed = !containsTitle(misfit.stack, normaliseHeader(expected.concept.title));
    const shown = shownTitle(misfit.stack, expected, conceptFailed);
    const cell = shown ? cellAddress(shown.row, shown.column) : bottomCell(misfit.column);
    const text = shorten(shown?.display ?? '');
    if (conceptFailed || !expected.subColumn) {
      error(cell, `列 ${letter}: 見出し「${text}」は構造の${place(expected)}「${expected.concept.title}」と違います`);
    } else {
      error(cell, `列 ${letter}: 見出し「${text}」は構造の${place(expected)}の「${expected.subColumn.title}」と違います`);
    }
  }
  for (const leaf of unfound) {
    if (!claimed.has(leaf.id)) error('', `○の列${leafName(leaf)}が見つかりません`);
  }
  checkVisionTitles(block, leaves, mapped, labels, error);
  return { columns: mapped, problems };
}
