import type { AnnexRow } from '../../model/annex-document';
import { trimText } from '../../text/trim';
import { fieldColumn, type Finding, type ListField } from '../issue';
import type { RowRule } from '../rule';
import { includesName, withoutBlanks } from './blank';
import { listFacts } from './list-facts';
import { NO_FINDINGS } from './no-findings';

// The 部・課 rules run on every row: each reads the row's list facts and walks its lists only to report.

function blankEntryFinding(row: AnnexRow, field: ListField): Finding {
  return {
    rowId: row.id,
    column: fieldColumn(field),
    message: `${field === 'departments' ? '部' : '課'}に空の値があります`,
    fix: { label: '空の値を削除', safe: true, edit: { field, value: withoutBlanks(row[field]) } },
  };
}

export const blankListEntry: RowRule = {
  id: 'blank-list-entry',
  scope: 'row',
  severity: 'warning',
  description: '部・課に空の値がないこと',
  check: (row, context) => {
    const facts = listFacts(row, context);
    if (!facts.blankDepartment && !facts.blankSection) return NO_FINDINGS;
    const findings: Finding[] = [];
    if (facts.blankDepartment) findings.push(blankEntryFinding(row, 'departments'));
    if (facts.blankSection) findings.push(blankEntryFinding(row, 'sections'));
    return findings;
  },
};

/** A finding for each non-blank value (trimmed) that `known` does not have. */
function unknownNames(row: AnnexRow, field: ListField, known: ReadonlyMap<string, unknown>, message: (name: string) => string): Finding[] {
  const findings: Finding[] = [];
  for (const value of row[field]) {
    const name = trimText(value);
    if (name.length > 0 && !known.has(name)) findings.push({ rowId: row.id, column: fieldColumn(field), message: message(name) });
  }
  return findings;
}

const unknownDepartment = (name: string): string => `部「${name}」は部・課マスタにありません`;
const unknownSection = (name: string): string => `課「${name}」は部・課マスタにありません`;

export const departmentInMaster: RowRule = {
  id: 'department-in-master',
  scope: 'row',
  severity: 'error',
  description: '部が部・課マスタにあること',
  tables: ['city'],
  check: (row, context) =>
    listFacts(row, context).unknownDepartment ? unknownNames(row, 'departments', context.sectionsByDepartment, unknownDepartment) : NO_FINDINGS,
};

export const sectionInMaster: RowRule = {
  id: 'section-in-master',
  scope: 'row',
  severity: 'error',
  description: '課が部・課マスタにあること',
  tables: ['city'],
  check: (row, context) =>
    listFacts(row, context).unknownSection ? unknownNames(row, 'sections', context.departmentBySection, unknownSection) : NO_FINDINGS,
};

export const sectionBelongsToDepartment: RowRule = {
  id: 'section-belongs-to-department',
  scope: 'row',
  severity: 'error',
  description: '各課がその行の部のどれかに属すること',
  tables: ['city'],
  check: (row, context) => {
    if (!listFacts(row, context).strayedSection) return NO_FINDINGS;
    const findings: Finding[] = [];
    for (const value of row.sections) {
      const section = trimText(value);
      if (section.length === 0) continue;
      const owner = context.departmentBySection.get(section);
      if (owner === undefined || includesName(row.departments, owner)) continue;
      findings.push({
        rowId: row.id,
        column: fieldColumn('sections'),
        message: `課「${section}」は部「${owner}」に属しますが、この行の部（${withoutBlanks(row.departments).join('・') || 'なし'}）にありません`,
      });
    }
    return findings;
  },
};

export const sectionExpected: RowRule = {
  id: 'section-expected',
  scope: 'row',
  severity: 'warning',
  description: '課を持つ部のある行に課があること',
  tables: ['city'],
  check: (row, context) => {
    const facts = listFacts(row, context);
    return !facts.someSection && facts.departmentWithSections
      ? [{ rowId: row.id, column: fieldColumn('sections'), message: `課が空です（部「${withoutBlanks(row.departments).join('・')}」の課を入れてください）` }]
      : NO_FINDINGS;
  },
};
