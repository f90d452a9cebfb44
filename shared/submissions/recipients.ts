import type { AnnexDocument, AnnexRow, Masters, TableKind } from '../model/annex-document';
import type { SendUnit, SentRow } from '../model/ledger';
import { TABLE_LABELS } from '../model/table-names';

/**
 * Who is asked for which rows. Per 課: each 課 of the master gets the city rows that name it; a 部 gets its rows that
 * name none of its 課 (all of 関係部局's). Per 部: each 部 gets every row that names it or one of its 課. The council
 * always gets its own table. A row naming several 課 goes to each of them.
 */

/** Who a workbook goes to, without the rows. */
export interface Addressee {
  readonly key: string;
  readonly department: string;
  readonly section: string;
  readonly table: TableKind;
}

export interface RecipientRows extends Addressee {
  readonly rows: readonly SentRow[];
}

export const COUNCIL_KEY = TABLE_LABELS.council;

export const recipientKey = (department: string, section: string): string => (section ? `${department}/${section}` : department);

/** As a person names it: 福祉保険部 福祉保険課, 関係部局, 社会福祉協議会. */
export function addresseeLabel(addressee: Addressee): string {
  if (addressee.table === 'council') return TABLE_LABELS.council;
  return addressee.section ? `${addressee.department} ${addressee.section}` : addressee.department;
}

const councilAddressee = (): Addressee => ({ key: COUNCIL_KEY, department: '', section: '', table: 'council' });

const NO_SECTIONS: ReadonlySet<string> = new Set();
const sectionsByMasters = new WeakMap<Masters, ReadonlyMap<string, ReadonlySet<string>>>();

/** A 部's 課 (the first 部 of that name, as the master lists them); looked up per row, so indexed once per master. */
export function sectionsOf(masters: Masters, department: string): ReadonlySet<string> {
  let byDepartment = sectionsByMasters.get(masters);
  if (!byDepartment) {
    const built = new Map<string, ReadonlySet<string>>();
    for (const { name, sections } of masters.departments) if (!built.has(name)) built.set(name, new Set(sections));
    sectionsByMasters.set(masters, built);
    byDepartment = built;
  }
  return byDepartment.get(department) ?? NO_SECTIONS;
}

/**
 * Whether a row (as it reads now, or as a section returned it) is the addressee's to answer for. A 部 addressee of a
 * send per 部 answers for all its rows; in a send per 課 only for those that name none of its 課.
 */
export function ownsRow(addressee: Addressee, by: SendUnit, row: AnnexRow, masters: Masters, table: TableKind): boolean {
  if (addressee.table !== table) return false;
  if (table === 'council') return true;
  if (addressee.section) return row.sections.includes(addressee.section);
  const own = sectionsOf(masters, addressee.department);
  const namesOwnSection = row.sections.some((section) => own.has(section));
  if (by === 'department' && namesOwnSection) return true;
  return row.departments.includes(addressee.department) && !namesOwnSection;
}

const departmentAddressee = (department: string): Addressee => ({ key: recipientKey(department, ''), department, section: '', table: 'city' });

/** The 部 that some city row names without naming one of its 課, as a send per 課 gives them: one pass over the table. */
function departmentsWithRowsOfTheirOwn(document: AnnexDocument): Set<string> {
  const found = new Set<string>();
  for (const row of document.tables.city.rows) {
    for (const department of row.departments) {
      if (!found.has(department) && ownsRow(departmentAddressee(department), 'section', row, document.masters, 'city')) found.add(department);
    }
  }
  return found;
}

/** The addressees of a send, in the master's order, the council last. */
export function addresseesOf(document: AnnexDocument, by: SendUnit): Addressee[] {
  const addressees: Addressee[] = [];
  const withOwnRows = by === 'section' ? departmentsWithRowsOfTheirOwn(document) : new Set<string>();
  for (const department of document.masters.departments) {
    if (by === 'department') {
      addressees.push(departmentAddressee(department.name));
      continue;
    }
    for (const section of department.sections) {
      addressees.push({ key: recipientKey(department.name, section), department: department.name, section, table: 'city' });
    }
    // The 部 itself, for rows that name it and none of its 課 (関係部局 has no 課 at all).
    if (department.sections.length === 0 || withOwnRows.has(department.name)) addressees.push(departmentAddressee(department.name));
  }
  addressees.push(councilAddressee());
  return addressees;
}

/** Each addressee with its rows as they are now, numbered as in the whole table. */
export function recipientsOf(document: AnnexDocument, by: SendUnit): RecipientRows[] {
  return addresseesOf(document, by).map((addressee) => ({ ...addressee, rows: rowsOwnedBy(document, addressee, by) }));
}

/** The rows an addressee answers for, as the annex has them now, with their 通し番号. */
export function rowsOwnedBy(document: AnnexDocument, addressee: Addressee, by: SendUnit): RecipientRows['rows'] {
  return document.tables[addressee.table].rows.flatMap((row, index) =>
    ownsRow(addressee, by, row, document.masters, addressee.table) ? [{ number: index + 1, row }] : [],
  );
}
