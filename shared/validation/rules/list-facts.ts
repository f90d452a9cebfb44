import type { AnnexRow } from '../../model/annex-document';
import { trimText } from '../../text/trim';
import type { RuleContext } from '../rule';
import { includesName } from './blank';

/**
 * What the 部・課 rules need to know of a row, found in one walk over its lists (names trimmed, blanks
 * apart): each rule builds its findings only when its fact says it has some.
 */
export interface ListFacts {
  readonly blankDepartment: boolean;
  readonly blankSection: boolean;
  /** A 部 that is not blank. */
  readonly someDepartment: boolean;
  /** A 課 that is not blank. */
  readonly someSection: boolean;
  readonly unknownDepartment: boolean;
  readonly unknownSection: boolean;
  /** A 課 of the master whose 部 is not among the row's. */
  readonly strayedSection: boolean;
  /** A 部 of the row that has 課 in the master. */
  readonly departmentWithSections: boolean;
}

function findListFacts(row: AnnexRow, context: RuleContext): ListFacts {
  let blankDepartment = false;
  let someDepartment = false;
  let unknownDepartment = false;
  let departmentWithSections = false;
  for (const value of row.departments) {
    const name = trimText(value);
    if (name.length === 0) {
      blankDepartment = true;
      continue;
    }
    someDepartment = true;
    const sections = context.sectionsByDepartment.get(name);
    if (sections === undefined) unknownDepartment = true;
    else if (sections.size > 0) departmentWithSections = true;
  }
  let blankSection = false;
  let someSection = false;
  let unknownSection = false;
  let strayedSection = false;
  for (const value of row.sections) {
    const name = trimText(value);
    if (name.length === 0) {
      blankSection = true;
      continue;
    }
    someSection = true;
    const owner = context.departmentBySection.get(name);
    if (owner === undefined) unknownSection = true;
    else if (!includesName(row.departments, owner)) strayedSection = true;
  }
  return { blankDepartment, blankSection, someDepartment, someSection, unknownDepartment, unknownSection, strayedSection, departmentWithSections };
}

// The rules of a row run one after another against one context: the last row's facts serve them all.
let lastRow: AnnexRow | undefined;
let lastContext: RuleContext | undefined;
let lastFacts: ListFacts | undefined;

export function listFacts(row: AnnexRow, context: RuleContext): ListFacts {
  if (row !== lastRow || context !== lastContext || !lastFacts) {
    lastFacts = findListFacts(row, context);
    lastRow = row;
    lastContext = context;
  }
  return lastFacts;
}
