import { fieldColumn } from '../issue';
import type { RowRule } from '../rule';
import { isBlank } from './blank';
import { listFacts } from './list-facts';
import { NO_FINDINGS } from './no-findings';

export const titleRequired: RowRule = {
  id: 'title-required',
  scope: 'row',
  severity: 'error',
  description: '主な取組が空でないこと',
  check: (row) => (isBlank(row.title) ? [{ rowId: row.id, column: fieldColumn('title'), message: '主な取組が空です' }] : NO_FINDINGS),
};

export const summaryRequired: RowRule = {
  id: 'summary-required',
  scope: 'row',
  severity: 'error',
  description: '取組概要が空でないこと',
  check: (row) =>
    isBlank(row.summary) ? [{ rowId: row.id, column: fieldColumn('summary'), message: '取組概要が空です' }] : NO_FINDINGS,
};

export const departmentRequired: RowRule = {
  id: 'department-required',
  scope: 'row',
  severity: 'error',
  description: '旭川市の表の各行に部があること',
  tables: ['city'],
  check: (row, context) =>
    listFacts(row, context).someDepartment
      ? NO_FINDINGS
      : [{ rowId: row.id, column: fieldColumn('departments'), message: '部が空です。担当の部（または「関係部局」）を入れてください' }],
};

export const councilHasNoDepartments: RowRule = {
  id: 'council-no-departments',
  scope: 'row',
  severity: 'error',
  description: '社会福祉協議会の表に部・課がないこと',
  tables: ['council'],
  check: (row) => {
    const field = row.departments.length > 0 ? 'departments' : row.sections.length > 0 ? 'sections' : undefined;
    return field
      ? [{ rowId: row.id, column: fieldColumn(field), message: '社会福祉協議会の表には部・課を書きません' }]
      : NO_FINDINGS;
  },
};
