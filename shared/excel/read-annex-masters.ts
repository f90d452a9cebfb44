import type { AnnexRow, Department, Masters } from '../model/annex-document';

/**
 * The master a file implies when there is none to compare with: every 部 and 課 found, in order of appearance. A 課
 * belongs to the 部 it stands with alone; one only ever seen beside several 部 goes to the first of them.
 */
export function mastersFromRows(rows: readonly AnnexRow[], start: Masters | undefined): Masters {
  const departments = new Map<string, string[]>();
  const owner = new Map<string, string>();
  for (const department of start?.departments ?? []) {
    departments.set(department.name, [...department.sections]);
    for (const section of department.sections) owner.set(section, department.name);
  }
  for (const row of rows) for (const name of row.departments) if (!departments.has(name)) departments.set(name, []);
  const assign = (section: string, department: string): void => {
    if (owner.has(section)) return;
    owner.set(section, department);
    departments.get(department)?.push(section);
  };
  for (const row of rows) {
    const [only] = row.departments;
    if (row.departments.length === 1 && only !== undefined) for (const section of row.sections) assign(section, only);
  }
  for (const row of rows) {
    const [first] = row.departments;
    if (first !== undefined) for (const section of row.sections) assign(section, first);
  }
  return { departments: [...departments].map(([name, sections]): Department => ({ name, sections })) };
}

/** Every name of a master: 「・」 never splits one of these. */
export function masterNames(masters: Masters | undefined): Set<string> {
  const names = new Set<string>();
  for (const department of masters?.departments ?? []) {
    names.add(department.name);
    for (const section of department.sections) names.add(section);
  }
  return names;
}
