import type { AnnexRow } from '../../../shared/model/annex-document';
import { fieldColumn, type Finding, type ListField } from '../../../shared/validation/issue';
import type { Rule, RowRule, TableRule } from '../../../shared/validation/rule';
import { ALL_RULES } from '../../../shared/validation/rules';
import { printFitRule } from '../../../shared/validation/rules/print-fit';
import { TEXT_CHECKS } from '../../../shared/validation/rules/text-hygiene';
import { textRule } from '../../../shared/validation/rules/text-rule';

/**
 * The rules checked the plain way, as the oracle of the fast ones: the text rules and print-fit with their
 * signs off (every text measured and checked), and the other rules as they read before signs, list facts
 * and cached table keys, each looking at every value itself.
 */

const isBlank = (text: string): boolean => text.trim().length === 0;
const withoutBlanks = (values: readonly string[]): string[] => values.map((value) => value.trim()).filter((value) => value.length > 0);
const LIST_FIELDS: readonly ListField[] = ['departments', 'sections'];

const plainChecks: Record<string, RowRule['check']> = {
  'title-required': (row) => (isBlank(row.title) ? [{ rowId: row.id, column: fieldColumn('title'), message: '主な取組が空です' }] : []),
  'summary-required': (row) => (isBlank(row.summary) ? [{ rowId: row.id, column: fieldColumn('summary'), message: '取組概要が空です' }] : []),
  'department-required': (row) =>
    row.departments.some((name) => !isBlank(name))
      ? []
      : [{ rowId: row.id, column: fieldColumn('departments'), message: '部が空です。担当の部（または「関係部局」）を入れてください' }],
  'blank-list-entry': (row) =>
    LIST_FIELDS.flatMap((field) =>
      row[field].some((value) => isBlank(value))
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
  'department-in-master': (row, context) =>
    withoutBlanks(row.departments)
      .filter((name) => !context.sectionsByDepartment.has(name))
      .map((name) => ({ rowId: row.id, column: fieldColumn('departments'), message: `部「${name}」は部・課マスタにありません` })),
  'section-in-master': (row, context) =>
    withoutBlanks(row.sections)
      .filter((name) => !context.departmentBySection.has(name))
      .map((name) => ({ rowId: row.id, column: fieldColumn('sections'), message: `課「${name}」は部・課マスタにありません` })),
  'section-belongs-to-department': (row, context) => {
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
  'section-expected': (row, context) => {
    const departments = withoutBlanks(row.departments);
    const someHaveSections = departments.some((name) => (context.sectionsByDepartment.get(name)?.size ?? 0) > 0);
    return someHaveSections && withoutBlanks(row.sections).length === 0
      ? [{ rowId: row.id, column: fieldColumn('sections'), message: `課が空です（部「${departments.join('・')}」の課を入れてください）` }]
      : [];
  },
  'text-sentence-end': (row) =>
    /[\p{L}\p{N}]$/u.test(row.summary)
      ? [
          {
            rowId: row.id,
            column: fieldColumn('summary'),
            message: '文末に「。」がありません',
            fix: { label: '文末に「。」を付ける', safe: true, edit: { field: 'summary' as const, value: `${row.summary}。` } },
          },
        ]
      : [],
};

// Table rules: every key made afresh from the texts, compared in a plain map.
const comparable = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');
const wholeKey = (row: AnnexRow): string | undefined =>
  isBlank(row.title) && isBlank(row.summary) ? undefined : `${comparable(row.title)}\u0000${comparable(row.summary)}`;
const titleKey = (row: AnnexRow): string | undefined => (isBlank(row.title) ? undefined : comparable(row.title));

function laterCopies(rows: readonly AnnexRow[], key: (row: AnnexRow) => string | undefined): Map<string, number> {
  const first = new Map<string, number>();
  const copies = new Map<string, number>();
  rows.forEach((row, index) => {
    const value = key(row);
    if (value === undefined) return;
    const number = first.get(value);
    if (number === undefined) first.set(value, index + 1);
    else copies.set(row.id, number);
  });
  return copies;
}

const plainTableChecks: Record<string, TableRule['check']> = {
  'duplicate-row': (table) =>
    [...laterCopies(table.rows, wholeKey)].map(([rowId, first]): Finding => ({ rowId, column: { kind: 'row' }, message: `通し番号 ${first} と同じ取組です（主な取組・取組概要が同じ）` })),
  'duplicate-title': (table) => {
    const wholeCopies = laterCopies(table.rows, wholeKey);
    return [...laterCopies(table.rows, titleKey)]
      .filter(([rowId]) => !wholeCopies.has(rowId))
      .map(([rowId, first]): Finding => ({ rowId, column: fieldColumn('title'), message: `主な取組が通し番号 ${first} と同じです` }));
  },
};

/** ALL_RULES in the same order, each replaced by its plain counterpart where it has one. */
export const PLAIN_RULES: readonly Rule[] = ALL_RULES.map((rule): Rule => {
  const check = TEXT_CHECKS.find((candidate) => candidate.id === rule.id);
  if (check) return textRule(check, { bySigns: false });
  if (rule.id === 'print-fit') return printFitRule({ bySigns: false });
  if (rule.scope === 'table') return { ...rule, check: plainTableChecks[rule.id] ?? rule.check };
  return { ...rule, check: plainChecks[rule.id] ?? rule.check };
});
