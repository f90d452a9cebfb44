import { DEFAULT_SETTINGS, type AnnexDocument, type Masters, type TableKind } from '../model/annex-document';
import type { RuleContext } from './rule';

interface MasterLookups {
  readonly sectionsByDepartment: ReadonlyMap<string, ReadonlySet<string>>;
  readonly departmentBySection: ReadonlyMap<string, string>;
}

const lookupsByMasters = new WeakMap<Masters, MasterLookups>();

function masterLookups(masters: Masters): MasterLookups {
  let lookups = lookupsByMasters.get(masters);
  if (!lookups) {
    const sectionsByDepartment = new Map<string, ReadonlySet<string>>();
    const departmentBySection = new Map<string, string>();
    for (const department of masters.departments) {
      sectionsByDepartment.set(department.name, new Set(department.sections));
      for (const section of department.sections) departmentBySection.set(section, department.name);
    }
    lookups = { sectionsByDepartment, departmentBySection };
    lookupsByMasters.set(masters, lookups);
  }
  return lookups;
}

export function ruleContext(document: AnnexDocument, table: TableKind): RuleContext {
  return {
    table,
    plan: document.plan,
    masters: document.masters,
    ...masterLookups(document.masters),
    paperSize: document.settings?.paperSize ?? DEFAULT_SETTINGS.paperSize,
  };
}
