import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { TABLE_KINDS, type AnnexDocument, type Masters } from '../../../shared/model/annex-document';
import { updateRow } from '../../../shared/model/document-edits';
import type { ValidationIssue } from '../../../shared/validation/issue';
import type { RowRule } from '../../../shared/validation/rule';
import { ALL_RULES } from '../../../shared/validation/rules';
import { createValidator, validateDocument } from '../../../shared/validation/validator';
import { makeDocument } from '../support/document-builder';

/** A row rule that finds nothing and records which rows it looked at. */
function countingRule(): { rule: RowRule; calls: string[] } {
  const calls: string[] = [];
  const rule: RowRule = {
    id: 'counting',
    scope: 'row',
    severity: 'warning',
    description: '呼び出しを数える',
    check: (row, context) => {
      calls.push(`${context.table}:${row.id}`);
      return [];
    },
  };
  return { rule, calls };
}

const rowCount = (document: AnnexDocument): number =>
  TABLE_KINDS.reduce((sum, table) => sum + document.tables[table].rows.length, 0);

const summaryOf = (issues: readonly ValidationIssue[]): string[] =>
  issues.map((issue) => `${issue.table}:${issue.rowId}:${issue.rule}`);

describe('the built-in annex', () => {
  const document = builtinAnnex();
  const issues = validateDocument(document);

  it('has no error', () => {
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('incremental validation', () => {
  it('re-runs the row rules only for the changed row, with the same result as a fresh validation', () => {
    const { rule, calls } = countingRule();
    const validator = createValidator([...ALL_RULES, rule]);
    const document = builtinAnnex();

    expect(validator.validate(document)).toEqual(validateDocument(document));
    expect(calls).toHaveLength(rowCount(document));
    expect(rowCount(document)).toBe(87);

    calls.length = 0;
    const edited = updateRow(document, 'city', 'city-36', (row) => ({ ...row, summary: row.summary.trim() }));
    const second = validator.validate(edited);
    expect(second).toEqual(validateDocument(edited));
    expect(summaryOf(second)).not.toContain('city:city-36:text-outer-spaces');
    expect(summaryOf(second)).toContain('city:city-36:text-doubled-chars');
    expect(calls).toEqual(['city:city-36']);
  });

  it('runs no row rule for an unchanged document and returns the same issues', () => {
    const { rule, calls } = countingRule();
    const validator = createValidator([...ALL_RULES, rule]);
    const document = builtinAnnex();
    const first = validator.validate(document);
    calls.length = 0;
    expect(validator.validate(document)).toEqual(first);
    expect(calls).toEqual([]);
  });

  it('still runs the table rules over unchanged rows: a copied title shows on the changed row', () => {
    const { rule, calls } = countingRule();
    const validator = createValidator([...ALL_RULES, rule]);
    const document = builtinAnnex();
    validator.validate(document);
    calls.length = 0;

    const firstTitle = document.tables.council.rows[0]?.title ?? '';
    const edited = updateRow(document, 'council', 'council-03', (row) => ({ ...row, title: firstTitle }));
    const issues = validator.validate(edited);
    expect(issues).toEqual(validateDocument(edited));
    expect(issues.filter((issue) => issue.rule === 'duplicate-title')).toMatchObject([
      { table: 'council', rowId: 'council-03', severity: 'warning', message: expect.stringContaining('通し番号 1') },
    ]);
    expect(calls).toEqual(['council:council-03']);

    // Undoing the edit brings back the old row object: no rule runs, the duplicate is gone.
    calls.length = 0;
    expect(validator.validate(document)).toEqual(validateDocument(document));
    expect(calls).toEqual([]);
  });

  it('re-runs every row when the masters are replaced by a new object', () => {
    const { rule, calls } = countingRule();
    const validator = createValidator([...ALL_RULES, rule]);
    const document = builtinAnnex();
    validator.validate(document);

    calls.length = 0;
    const sameContent: AnnexDocument = { ...document, masters: { departments: [...document.masters.departments] } };
    expect(validator.validate(sameContent)).toEqual(validateDocument(document));
    expect(calls).toHaveLength(rowCount(document));

    // A master without 雪対策課: rows 66–68 now name an unknown 課.
    calls.length = 0;
    const masters: Masters = {
      departments: document.masters.departments.map((department) =>
        department.name === '土木部' ? { ...department, sections: department.sections.filter((name) => name !== '雪対策課') } : department,
      ),
    };
    const withoutSection: AnnexDocument = { ...document, masters };
    const issues = validator.validate(withoutSection);
    expect(issues).toEqual(validateDocument(withoutSection));
    expect(summaryOf(issues.filter((issue) => issue.severity === 'error'))).toEqual(
      ['city-66', 'city-67', 'city-68'].map((id) => `city:${id}:section-in-master`),
    );
    expect(calls).toHaveLength(rowCount(document));
  });

  it('re-runs every row when the plan is replaced by a new object', () => {
    const { rule, calls } = countingRule();
    const validator = createValidator([...ALL_RULES, rule]);
    const document = builtinAnnex();
    validator.validate(document);
    calls.length = 0;
    validator.validate({ ...document, plan: { ...document.plan } });
    expect(calls).toHaveLength(rowCount(document));
  });
});

describe('issue order', () => {
  const document = makeDocument({
    city: [
      { title: '配食サービス事業' },
      // marks-required, duplicate-title (a table rule), text-outer-spaces, text-doubled-chars
      { title: '配食サービス事業', marks: [], summary: '　複雑化した事例に対応応します。' },
      { departments: ['総務部'], sections: [] },
    ],
    council: [{ title: '' }, { summary: '見守りを支援し，住民を増やします。' }],
  });
  const expected = [
    'city:c2:marks-required',
    'city:c2:duplicate-title',
    'city:c2:text-outer-spaces',
    'city:c2:text-doubled-chars',
    'city:c3:department-in-master',
    'council:k1:title-required',
    'council:k2:text-punctuation',
  ];

  it('lists issues in table order, then row order, then rule order', () => {
    const issues = validateDocument(document);
    expect(summaryOf(issues)).toEqual(expected);

    const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]));
    const position = (issue: ValidationIssue): number[] => [
      TABLE_KINDS.indexOf(issue.table),
      document.tables[issue.table].rows.findIndex((row) => row.id === issue.rowId),
      ruleIndex.get(issue.rule) ?? -1,
    ];
    for (let i = 1; i < issues.length; i++) {
      const [previous, current] = [position(issues[i - 1] as ValidationIssue), position(issues[i] as ValidationIssue)];
      const compared = previous.findIndex((value, index) => value !== current[index]);
      expect(compared === -1 || (previous[compared] as number) < (current[compared] as number)).toBe(true);
    }
  });

  it('keeps the order on a second, cached validation', () => {
    const validator = createValidator();
    validator.validate(document);
    const edited = updateRow(document, 'city', 'c3', (row) => ({ ...row, departments: ['関係部局'] }));
    expect(summaryOf(validator.validate(edited))).toEqual(expected.filter((entry) => entry !== 'city:c3:department-in-master'));
    expect(summaryOf(validator.validate(document))).toEqual(expected);
  });
});

describe('prepare: checking a large document in slices', () => {
  it('stops when told, goes on where it stopped, and leaves validate() nothing to check again', () => {
    const document = builtinAnnex();
    const { rule, calls } = countingRule();
    const validator = createValidator([rule]);
    let budget = 1;
    // The clock is read once per 32 rows checked: a budget of one read lets a slice check 64 rows.
    const slice = (): boolean => validator.prepare(document, () => (budget -= 1) < 0);
    expect(slice()).toBe(false);
    const firstSlice = calls.length;
    expect(firstSlice).toBe(64);
    budget = 1;
    // 76 + 11 rows: the second slice checks the other 23.
    expect(slice()).toBe(true);
    // Every row checked exactly once over the slices.
    expect(new Set(calls).size).toBe(rowCount(document));
    expect(calls).toHaveLength(rowCount(document));
    validator.validate(document);
    expect(calls).toHaveLength(rowCount(document));
  });

  it('gives the same issues as a validation done in one go', () => {
    const document = builtinAnnex();
    const sliced = createValidator();
    let reads = 0;
    while (!sliced.prepare(document, () => (reads += 1) % 2 === 0)) {
      // Every other clock read says stop: many small slices.
    }
    expect(sliced.validate(document)).toEqual(validateDocument(document));
  });
});
