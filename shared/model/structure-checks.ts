import type { LoadProblem } from './load-problem';
import { markColumns, type Plan } from './plan';
import type { Masters } from './annex-document';
import { TABLE_KINDS, type TableKind } from './annex-document';

interface RowIdsAndMarks {
  readonly id: string;
  readonly marks: readonly string[];
}

interface CheckedDocument {
  readonly plan: Plan;
  readonly masters: Masters;
  readonly tables: Record<TableKind, { readonly rows: readonly RowIdsAndMarks[] }>;
}

function structureProblem(path: string, message: string): LoadProblem {
  return { code: 'structure', path, message };
}

/** Plan ids are unique across visions, concepts and sub-columns, so a mark id means one column only. */
function checkPlanIds(plan: Plan): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const seen = new Map<string, string>();
  const claim = (id: string, path: string): void => {
    const first = seen.get(id);
    if (first !== undefined) problems.push(structureProblem(path, `ID「${id}」が ${first} と重複しています`));
    else seen.set(id, path);
  };
  plan.visions.forEach((vision, v) => {
    claim(vision.id, `plan.visions[${v}]`);
    vision.concepts.forEach((concept, c) => {
      claim(concept.id, `plan.visions[${v}].concepts[${c}]`);
      concept.subColumns?.forEach((sub, s) => claim(sub.id, `plan.visions[${v}].concepts[${c}].subColumns[${s}]`));
    });
  });
  return problems;
}

/** A 部 is listed once, and a 課 belongs to one 部 only. */
function checkMasters(masters: Masters): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const departments = new Set<string>();
  const sectionOwner = new Map<string, string>();
  masters.departments.forEach((department, d) => {
    if (departments.has(department.name)) {
      problems.push(structureProblem(`masters.departments[${d}]`, `部「${department.name}」が二度あります`));
    }
    departments.add(department.name);
    department.sections.forEach((section, s) => {
      const owner = sectionOwner.get(section);
      if (owner !== undefined) {
        problems.push(
          structureProblem(`masters.departments[${d}].sections[${s}]`, `課「${section}」は既に部「${owner}」に属しています`),
        );
      } else sectionOwner.set(section, department.name);
    });
  });
  return problems;
}

/** Row ids are unique across both tables; every mark names a mark column, once. */
function checkRows(document: CheckedDocument): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const columnIds = new Set(markColumns(document.plan).map((column) => column.id));
  const rowIds = new Map<string, string>();
  for (const kind of TABLE_KINDS) {
    document.tables[kind].rows.forEach((row, r) => {
      const path = `tables.${kind}.rows[${r}]`;
      const first = rowIds.get(row.id);
      if (first !== undefined) problems.push(structureProblem(`${path}.id`, `行 ID「${row.id}」が ${first} と重複しています`));
      else rowIds.set(row.id, path);
      const marked = new Set<string>();
      row.marks.forEach((mark, m) => {
        if (!columnIds.has(mark)) {
          problems.push(structureProblem(`${path}.marks[${m}]`, `「${mark}」という○の列はありません（列: ${[...columnIds].join(', ')}）`));
        } else if (marked.has(mark)) {
          problems.push(structureProblem(`${path}.marks[${m}]`, `○の列「${mark}」が二度あります`));
        }
        marked.add(mark);
      });
    });
  }
  return problems;
}

/** What a schema cannot say: ids unique and marks naming real columns. */
export function checkDocumentStructure(document: CheckedDocument): LoadProblem[] {
  return [...checkPlanIds(document.plan), ...checkMasters(document.masters), ...checkRows(document)];
}
