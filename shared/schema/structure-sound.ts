import type { Masters, TableKind } from '../model/annex-document';
import { markColumns, type Plan } from '../model/plan';
import { namesAreUnique } from './unique-names';

interface CheckedDocument {
  readonly plan: Plan;
  readonly masters: Masters;
  readonly tables: Record<TableKind, { readonly rows: readonly { readonly id: string; readonly marks: readonly string[] }[] }>;
}

/** Adds a name to a set, saying whether it was new. */
function claim(seen: Set<string>, name: string): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return true;
}

/**
 * Whether checkDocumentStructure finds nothing, answered without building its paths and messages: plan ids
 * and row ids unique, a 部 listed once and a 課 under one 部, every mark a mark column, once per row.
 */
export function structureIsSound(document: CheckedDocument): boolean {
  const planIds = new Set<string>();
  for (const vision of document.plan.visions) {
    if (!claim(planIds, vision.id)) return false;
    for (const concept of vision.concepts) {
      if (!claim(planIds, concept.id)) return false;
      for (const sub of concept.subColumns ?? []) if (!claim(planIds, sub.id)) return false;
    }
  }
  const departments = new Set<string>();
  const sections = new Set<string>();
  for (const department of document.masters.departments) {
    if (!claim(departments, department.name)) return false;
    for (const section of department.sections) if (!claim(sections, section)) return false;
  }
  const { city, council } = document.tables;
  const rowId = (index: number): string => (index < city.rows.length ? city.rows[index] : council.rows[index - city.rows.length])?.id as string;
  if (!namesAreUnique(city.rows.length + council.rows.length, rowId)) return false;
  const columns = new Set(markColumns(document.plan).map((column) => column.id));
  for (const table of [city, council]) {
    for (const row of table.rows) {
      const marks = row.marks;
      for (let index = 0; index < marks.length; index++) {
        const mark = marks[index] as string;
        if (!columns.has(mark)) return false;
        // A row has a handful of marks: comparing with the earlier ones beats a set.
        for (let earlier = 0; earlier < index; earlier++) if (marks[earlier] === mark) return false;
      }
    }
  }
  return true;
}
