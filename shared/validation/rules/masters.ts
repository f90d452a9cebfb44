import { fieldColumn, type ListField } from '../issue';
import type { RowRule } from '../rule';

// Names are compared trimmed: stray spaces are the outer-spaces rule's finding, not a second one here.
const withoutBlanks = (values: readonly string[]): string[] =>
  values.map((value) => value.trim()).filter((value) => value.length > 0);

export const blankListEntry: RowRule = {
  id: 'blank-list-entry',
  scope: 'row',
  severity: 'warning',
  description: '部・課に空の値がないこと',
  check: (row) =>
    (['departments', 'sections'] as const satisfies readonly ListField[]).flatMap((field) =>
      row[field].some((value) => value.trim().length === 0)
        ? [
            {
              rowId: row.id,
              column: fieldColumn(field),
              message: `${field === 'departments' ? '部' : '課'}に空の値があります`,
              fix: { label: '空の値を削除', safe: true, edit: { field, value: withoutBlanks(row[field]) } },
            },
          ]
        : [],
    ),
};

export const departmentInMaster: RowRule = {
  id: 'department-in-master',
  scope: 'row',
  severity: 'error',
  description: '部が部・課マスタにあること',
  tables: ['city'],
  check: (row, context) =>
    withoutBlanks(row.departments)
      .filter((name) => !context.sectionsByDepartment.has(name))
      .map((name) => ({
        rowId: row.id,
        column: fieldColumn('departments'),
        message: `部「${name}」は部・課マスタにありません`,
      })),
};

export const sectionInMaster: RowRule = {
  id: 'section-in-master',
  scope: 'row',
  severity: 'error',
  description: '課が部・課マスタにあること',
  tables: ['city'],
  check: (row, context) =>
    withoutBlanks(row.sections)
      .filter((name) => !context.departmentBySection.has(name))
      .map((name) => ({ rowId: row.id, column: fieldColumn('sections'), message: `課「${name}」は部・課マスタにありません` })),
};

export const sectionBelongsToDepartment: RowRule = {
  id: 'section-belongs-to-department',
  scope: 'row',
  severity: 'error',
  description: '各課がその行の部のどれかに属すること',
  tables: ['city'],
  check: (row, context) => {
    const departments = new Set(withoutBlanks(row.departments));
    return withoutBlanks(row.sections).flatMap((section) => {
      const owner = context.departmentBySection.get(section);
      if (owner === undefined || departments.has(owner)) return [];
      return [
        {
          rowId: row.id,
          column: fieldColumn('sections'),
          message: `課「${section}」は部「${owner}」に属しますが、この行の部（${withoutBlanks(row.departments).join('・') || 'なし'}）にありません`,
        },
      ];
    });
  },
};

export const sectionExpected: RowRule = {
  id: 'section-expected',
  scope: 'row',
  severity: 'warning',
  description: '課を持つ部のある行に課があること',
  tables: ['city'],
  check: (row, context) => {
    const departments = withoutBlanks(row.departments);
    const someHaveSections = departments.some((name) => (context.sectionsByDepartment.get(name)?.size ?? 0) > 0);
    return someHaveSections && withoutBlanks(row.sections).length === 0
      ? [{ rowId: row.id, column: fieldColumn('sections'), message: `課が空です（部「${departments.join('・')}」の課を入れてください）` }]
      : [];
  },
};
