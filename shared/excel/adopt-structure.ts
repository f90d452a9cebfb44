import type { Concept, Plan, SubColumn, Vision } from '../model/plan';
import { HEADER_LABELS } from '../model/table-names';
import type { ImportProblem } from './import-problem';
import type { BandColumn, HeaderBlock, HeaderElement } from './header-detect';
import { normaliseHeader } from './header-text';
import { cellAddress, columnLetter } from './sheet-address';

/** What the file cannot say about its plan: taken from the open document when there is one. */
export interface PlanDetails {
  readonly title: string;
  readonly edition: string;
  readonly year: number;
  readonly annexTitle: string;
  readonly philosophy: string;
}

// Adoption reads the 2024 annex family's own labels: 目指す地域像N over （N）.
const VISION_LABEL = /^(目指す地域像\s*[0-9０-９]+)\s*(.*)$/u;
const CONCEPT_LABEL = /^([（(]\s*[0-9０-９]+\s*[）)])\s*(.*)$/u;
const PHILOSOPHY = normaliseHeader(HEADER_LABELS.philosophy);
const CONCEPTS = normaliseHeader(HEADER_LABELS.concepts);

interface ColumnPath {
  readonly column: number;
  readonly visionLabel: string;
  readonly visionTitle: string;
  readonly conceptLabel: string;
  readonly conceptTitle: string;
  readonly subTitle: string | undefined;
}

/** A labelled cell gives its label and, when typed in the same cell, its title; otherwise the title is the next text. */
function labelled(stack: readonly HeaderElement[], from: number, pattern: RegExp): { label: string; title: string; next: number } | undefined {
  for (let index = from; index < stack.length; index += 1) {
    const element = stack[index] as HeaderElement;
    const match = pattern.exec(element.display);
    if (!match) continue;
    const label = (match[1] ?? '').replace(/\s+/gu, '');
    const rest = (match[2] ?? '').trim();
    if (rest !== '') return { label, title: rest, next: index + 1 };
    const following = stack[index + 1];
    const isLabel = following && (VISION_LABEL.test(following.display) || CONCEPT_LABEL.test(following.display) || following.norm === CONCEPTS);
    return { label, title: following && !isLabel ? following.display : '', next: following && !isLabel ? index + 2 : index + 1 };
  }
  return undefined;
}

function columnPath(bandColumn: BandColumn, fail: (message: string) => void): ColumnPath | undefined {
  const { stack, column } = bandColumn;
  const vision = labelled(stack, 0, VISION_LABEL);
  if (!vision) return fail('目指す地域像の番号（目指す地域像１など）が見出しにありません'), undefined;
  if (vision.title === '') return fail(`${vision.label}の名称が見出しにありません`), undefined;
  const concept = labelled(stack, vision.next, CONCEPT_LABEL);
  if (!concept) return fail('基本的な考え方の番号（（１）など）が見出しにありません'), undefined;
  if (concept.title === '') return fail(`${vision.label}${concept.label}の名称が見出しにありません`), undefined;
  const rest = stack.slice(concept.next).filter((element) => element.norm !== CONCEPTS);
  if (rest.length > 1) return fail(`${vision.label}${concept.label}の下に見出しが多すぎます（${rest.map((element) => `「${element.display}」`).join('')}）`), undefined;
  return {
    column,
    visionLabel: vision.label,
    visionTitle: vision.title,
    conceptLabel: concept.label,
    conceptTitle: concept.title,
    subTitle: rest[0]?.display,
  };
}

/** 基本理念 is the text after its label, in the same cell or the next one above the first vision. */
function philosophyOf(block: HeaderBlock): string {
  for (const { stack } of block.bandColumns) {
    const index = stack.findIndex((element) => element.norm.startsWith(PHILOSOPHY));
    const element = stack[index];
    if (!element) continue;
    const rest = element.display.replace(/^基本理念[\s:：]*/u, '').trim();
    if (rest !== '') return rest;
    const next = stack[index + 1];
    if (next && !VISION_LABEL.test(next.display)) return next.display;
  }
  return '';
}

const letters = (index: number): string => {
  let text = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
};

/**
 * A plan built from a file's header band, for a workbook with no 構造 sheet and nothing to compare with: visions,
 * concepts and sub-columns in the order printed, ids v1, v1-1, v1-2-a… generated. Every column must say where it sits.
 */
export function adoptPlan(block: HeaderBlock, details: Omit<PlanDetails, 'philosophy'> & { readonly philosophy?: string }): { plan?: Plan; problems: ImportProblem[] } {
  const sheet = block.grid.name;
  const problems: ImportProblem[] = [];
  const visions: (Vision & { concepts: (Concept & { subColumns?: SubColumn[] })[] })[] = [];
  const visionByLabel = new Map<string, (typeof visions)[number]>();
  const conceptKeys = new Map<string, { concept: (typeof visions)[number]['concepts'][number]; column: number; plain: boolean }>();
  for (const bandColumn of block.bandColumns) {
    const letter = columnLetter(bandColumn.column);
    const cell = cellAddress(block.bottom, bandColumn.column);
    const fail = (message: string): void => void problems.push({ severity: 'error', sheet, cell, message: `列 ${letter}: ${message}` });
    const path = columnPath(bandColumn, fail);
    if (!path) continue;
    const visionKey = normaliseHeader(path.visionLabel);
    let vision = visionByLabel.get(visionKey);
    if (!vision) {
      vision = { id: `v${visions.length + 1}`, label: path.visionLabel, title: path.visionTitle, concepts: [] };
      visions.push(vision);
      visionByLabel.set(visionKey, vision);
    } else if (normaliseHeader(vision.title) !== normaliseHeader(path.visionTitle)) {
      fail(`${path.visionLabel}の名称「${path.visionTitle}」が左の列の「${vision.title}」と違います`);
      continue;
    }
    const conceptKey = `${visionKey}\u0000${normaliseHeader(path.conceptLabel)}`;
    const known = conceptKeys.get(conceptKey);
    if (!known) {
      const concept = {
        id: `${vision.id}-${vision.concepts.length + 1}`,
        label: path.conceptLabel,
        title: path.conceptTitle,
        ...(path.subTitle === undefined ? {} : { subColumns: [] as SubColumn[] }),
      };
      vision.concepts.push(concept);
      conceptKeys.set(conceptKey, { concept, column: bandColumn.column, plain: path.subTitle === undefined });
      if (path.subTitle !== undefined) concept.subColumns?.push({ id: `${concept.id}-a`, title: path.subTitle });
      continue;
    }
    const { concept } = known;
    if (normaliseHeader(concept.title) !== normaliseHeader(path.conceptTitle)) {
      fail(`${path.visionLabel}${path.conceptLabel}の名称「${path.conceptTitle}」が列 ${columnLetter(known.column)} の「${concept.title}」と違います`);
    } else if (known.plain || path.subTitle === undefined) {
      fail(`${path.visionLabel}${path.conceptLabel}の列が列 ${columnLetter(known.column)} にもあります`);
    } else if (concept.subColumns?.some((sub) => normaliseHeader(sub.title) === normaliseHeader(path.subTitle ?? ''))) {
      fail(`${path.visionLabel}${path.conceptLabel}の「${path.subTitle}」の列が二つあります`);
    } else {
      concept.subColumns?.push({ id: `${concept.id}-${letters(concept.subColumns.length)}`, title: path.subTitle });
    }
  }
  if (visions.length === 0 && problems.length === 0) {
    problems.push({ severity: 'error', sheet, cell: cellAddress(block.headerRow, 0), message: '見出しに○の列（目指す地域像・基本的な考え方）がありません' });
  }
  if (problems.length > 0) return { problems };
  const philosophy = philosophyOf(block) || details.philosophy || '';
  return { plan: { title: details.title, edition: details.edition, year: details.year, annexTitle: details.annexTitle, philosophy, visions }, problems };
}
