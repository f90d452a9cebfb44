import type { AnnexDocument, DocumentSettings, Masters, PaperSize, Provenance, TableKind } from '../model/annex-document';
import type { Concept, Plan, Vision } from '../model/plan';
import { TABLE_LABELS } from '../model/table-names';
import { checkDocumentStructure } from '../model/structure-checks';
import { CURRENT_SCHEMA_VERSION, annexJsonSchema } from '../schema/annex-json-schema';
import { japaneseErrors } from '../schema/japanese-errors';
import { err, ok, type Result } from '../result';
import { isEmptyLedger } from '../model/ledger';
import type { ImportProblem } from './import-problem';
import { LedgerCollector, ledgerBlockOf, ledgerRows, type LedgerBlock } from './structure-sheet-ledger';
import { STRUCTURE_SHEET_NAME } from './workbook-names';

/**
 * The 構造 sheet: everything of a document but its rows, as a table a person can read, so that a workbook
 * alone reopens as the same document. Three blocks under fixed headings: 項目/値, the header tree, the master.
 */
export type Cell = string | number;
export type DocumentFrame = Omit<AnnexDocument, 'tables'> & { readonly tableTitles: Record<TableKind, string> };

export const STRUCTURE_SHEET_TITLE = '取組事業一覧の構造（このシートは編集しないでください）';

const KEYS = {
  format: '形式の版',
  title: '計画名',
  edition: '計画',
  year: '年度',
  annexTitle: '別冊の表題',
  philosophy: '基本理念',
  paperSize: '用紙',
  source: '出典',
  reconstructed: '再構成した項目',
  note: '注記',
} as const;
const tableTitleKey = (table: TableKind): string => `表題（${TABLE_LABELS[table]}）`;

const TREE_HEADER = ['種類', 'ID', '見出し', '名称', '親ID'] as const;
const KIND = { vision: '目指す地域像', concept: '基本的な考え方', sub: '細目' } as const;
const MASTER_HEADER = ['部', '課'] as const;

export function structureSheetRows(frame: DocumentFrame): Cell[][] {
  const rows: Cell[][] = [[STRUCTURE_SHEET_TITLE], ['項目', '値']];
  rows.push([KEYS.format, CURRENT_SCHEMA_VERSION]);
  rows.push([KEYS.title, frame.plan.title], [KEYS.edition, frame.plan.edition], [KEYS.year, frame.plan.year]);
  rows.push([KEYS.annexTitle, frame.plan.annexTitle], [KEYS.philosophy, frame.plan.philosophy]);
  for (const table of ['city', 'council'] as const) rows.push([tableTitleKey(table), frame.tableTitles[table]]);
  if (frame.settings) rows.push([KEYS.paperSize, frame.settings.paperSize]);
  if (frame.provenance) {
    rows.push([KEYS.source, frame.provenance.source]);
    for (const item of frame.provenance.reconstructed) rows.push([KEYS.reconstructed, item]);
    for (const note of frame.provenance.notes) rows.push([KEYS.note, note]);
  }
  rows.push([], [...TREE_HEADER]);
  for (const vision of frame.plan.visions) {
    rows.push([KIND.vision, vision.id, vision.label, vision.title, '']);
    for (const concept of vision.concepts) {
      rows.push([KIND.concept, concept.id, concept.label, concept.title, vision.id]);
      for (const sub of concept.subColumns ?? []) rows.push([KIND.sub, sub.id, '', sub.title, concept.id]);
    }
  }
  rows.push([], [...MASTER_HEADER]);
  for (const department of frame.masters.departments) {
    if (department.sections.length === 0) rows.push([department.name, '']);
    for (const section of department.sections) rows.push([department.name, section]);
  }
  // The ledger's blocks only when it holds something: a document that never sent keeps its sheet as before.
  if (frame.ledger && !isEmptyLedger(frame.ledger)) rows.push(...ledgerRows(frame.ledger));
  return rows;
}

const text = (cell: unknown): string => (cell === undefined || cell === null ? '' : String(cell));
const address = (row: number, column: number): string => `${String.fromCharCode(65 + column)}${row + 1}`;

interface Parsed {
  values: Map<string, string[]>;
  visions: Vision[];
  departments: Map<string, string[]>;
  ledger: LedgerCollector;
}

/** Reads the three blocks; a row that fits no block is an error at its cell, never skipped silently. */
function parseBlocks(rows: readonly (readonly unknown[])[], problems: ImportProblem[]): Parsed {
  const parsed: Parsed = { values: new Map(), visions: [], departments: new Map(), ledger: new LedgerCollector() };
  const problem = (row: number, column: number, message: string): void => {
    problems.push({ severity: 'error', sheet: STRUCTURE_SHEET_NAME, cell: address(row, column), message });
  };
  let block: 'none' | 'values' | 'tree' | 'master' | LedgerBlock = 'none';
  const concepts = new Map<string, { vision: Vision; concept: Concept & { subColumns?: { id: string; title: string }[] } }>();
  rows.forEach((row, index) => {
    const cells = row.map(text);
    if (cells.every((cell) => cell.trim() === '')) return;
    if (cells[0] === '項目' && cells[1] === '値') return void (block = 'values');
    if (TREE_HEADER.every((heading, column) => cells[column] === heading)) return void (block = 'tree');
    if (MASTER_HEADER.every((heading, column) => cells[column] === heading)) return void (block = 'master');
    const ledgerBlock = ledgerBlockOf(cells);
    if (ledgerBlock) return void (block = ledgerBlock);
    if (block === 'none') return; // the sheet's title
    if (block === 'sends' || block === 'sentRows' || block === 'receipts') {
      return parsed.ledger.add(block, cells, (column, message) => problem(index, column, message));
    }
    if (block === 'values') {
      const key = cells[0] ?? '';
      parsed.values.set(key, [...(parsed.values.get(key) ?? []), cells[1] ?? '']);
    } else if (block === 'tree') {
      const [kind, id = '', label = '', title = '', parent = ''] = cells;
      if (kind === KIND.vision) parsed.visions.push({ id, label, title, concepts: [] });
      else if (kind === KIND.concept) {
        const vision = parsed.visions.find((candidate) => candidate.id === parent);
        if (!vision) return problem(index, 4, `親ID「${parent}」の目指す地域像がありません`);
        const concept = { id, label, title };
        (vision.concepts as Concept[]).push(concept);
        concepts.set(id, { vision, concept });
      } else if (kind === KIND.sub) {
        const owner = concepts.get(parent);
        if (!owner) return problem(index, 4, `親ID「${parent}」の基本的な考え方がありません`);
        owner.concept.subColumns = [...(owner.concept.subColumns ?? []), { id, title }];
      } else problem(index, 0, `種類「${kind}」は ${Object.values(KIND).join('・')} のどれかです`);
    } else {
      const [department = '', section = ''] = cells;
      const sections = parsed.departments.get(department) ?? [];
      if (section) sections.push(section);
      parsed.departments.set(department, sections);
    }
  });
  return parsed;
}

/** The 構造 sheet → the document frame, checked by the same schema as the JSON form. */
export function readStructureSheet(rows: readonly (readonly unknown[])[]): Result<DocumentFrame, ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const { values, visions, departments, ledger: ledgerLines } = parseBlocks(rows, problems);
  const ledger = ledgerLines.result();
  const one = (key: string): string => values.get(key)?.[0] ?? '';
  const version = Number(one(KEYS.format));
  if (version > CURRENT_SCHEMA_VERSION) {
    problems.push({ severity: 'error', sheet: STRUCTURE_SHEET_NAME, cell: '', message: `新しい形式（版 ${version}）のファイルです。アプリを更新してください` });
  }
  const plan: Plan = {
    title: one(KEYS.title),
    edition: one(KEYS.edition),
    year: Number(one(KEYS.year)),
    annexTitle: one(KEYS.annexTitle),
    philosophy: one(KEYS.philosophy),
    visions,
  };
  const masters: Masters = { departments: [...departments].map(([name, sections]) => ({ name, sections })) };
  const paperSize = one(KEYS.paperSize);
  const settings: DocumentSettings | undefined = paperSize ? { paperSize: paperSize as PaperSize } : undefined;
  const provenance: Provenance | undefined = values.has(KEYS.source)
    ? { source: one(KEYS.source), reconstructed: values.get(KEYS.reconstructed) ?? [], notes: values.get(KEYS.note) ?? [] }
    : undefined;
  // The schema is the single judge of a frame: an empty table list stands in for the rows.
  const candidate = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ...(provenance ? { provenance } : {}),
    ...(settings ? { settings } : {}),
    plan,
    masters,
    tables: { city: { title: one(tableTitleKey('city')), rows: [] }, council: { title: one(tableTitleKey('council')), rows: [] } },
    ...(ledger ? { ledger } : {}),
  };
  const checked = annexJsonSchema.safeParse(candidate, { error: japaneseErrors });
  const frameProblems = checked.success
    ? checkDocumentStructure(checked.data).map((problem) => ({ path: problem.path, message: problem.message }))
    : checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  for (const { path, message } of frameProblems) {
    problems.push({ severity: 'error', sheet: STRUCTURE_SHEET_NAME, cell: '', message: `構造が正しくありません（${path}: ${message}）` });
  }
  if (problems.length > 0 || !checked.success) return err(problems);
  return ok({
    plan,
    masters,
    tableTitles: { city: one(tableTitleKey('city')), council: one(tableTitleKey('council')) },
    ...(provenance ? { provenance } : {}),
    ...(settings ? { settings } : {}),
    ...(checked.data.ledger && !isEmptyLedger(checked.data.ledger) ? { ledger: checked.data.ledger } : {}),
  });
}
