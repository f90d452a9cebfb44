import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow, PaperSize } from '../../../shared/model/annex-document';
import { markColumns } from '../../../shared/model/plan';
import { ALL_RULES } from '../../../shared/validation/rules';
import { validateDocument } from '../../../shared/validation/validator';
import { PLAIN_RULES } from './plain-rules';
import { trickyText } from './tricky-text';

const builtin = builtinAnnex();
const markIds = markColumns(builtin.plan).map((column) => column.id);
const departmentNames = builtin.masters.departments.map((department) => department.name);
const sectionNames = builtin.masters.departments.flatMap((department) => department.sections);

/** 部・課 values as typed: names of the master (some padded), names of the wrong 部, blanks, unknown names, any text. */
const listValue = (names: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('', ' ', '　', '\t', '\n'), fc.constantFrom(...names), fc.constantFrom('', ' ', '　')).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '　', '存在しない部', '存在しない課', ...departmentNames.slice(0, 3), ...sectionNames.slice(0, 3)) },
    { weight: 1, arbitrary: trickyText },
  );

const row = (id: string): fc.Arbitrary<AnnexRow> =>
  fc.record({
    id: fc.constant(id),
    departments: fc.array(listValue(departmentNames), { maxLength: 3 }),
    sections: fc.array(listValue(sectionNames), { maxLength: 3 }),
    title: fc.oneof(trickyText, fc.constantFrom('配食サービス事業', '')),
    summary: fc.oneof(trickyText, fc.constant('地域の見守り活動を支援し，参加する住民を増やします。')),
    marks: fc.subarray(markIds),
  });

const rows = (prefix: string, maxLength: number): fc.Arbitrary<AnnexRow[]> =>
  fc.integer({ min: 0, max: maxLength }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => row(`${prefix}${index + 1}`))));

const documentArbitrary: fc.Arbitrary<AnnexDocument> = fc
  .record({ city: rows('c', 8), council: rows('k', 4), paperSize: fc.constantFrom<PaperSize | undefined>(undefined, 'A3', 'A4') })
  // Copies of rows make the duplicate rules speak.
  .map(({ city, council, paperSize }) => ({
    ...builtin,
    tables: {
      city: { ...builtin.tables.city, rows: [...city, ...city.slice(0, 2).map((copy, index) => ({ ...copy, id: `copy${index}` }))] },
      council: { ...builtin.tables.council, rows: council },
    },
    ...(paperSize ? { settings: { paperSize } } : {}),
  }));

describe('the fast rules (signs, list facts, cached keys) against the plain ones', () => {
  it('report exactly the same issues, in the same order, for tricky documents', () => {
    const reported = new Set<string>();
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        const issues = validateDocument(document, ALL_RULES);
        expect(issues).toEqual(validateDocument(document, PLAIN_RULES));
        for (const issue of issues) reported.add(issue.rule);
      }),
      { seed: 20250302, numRuns: 400 },
    );
    // Every rule found something somewhere, so no rule agreed by finding nothing at all.
    expect(ALL_RULES.map((rule) => rule.id).filter((id) => !reported.has(id))).toEqual([]);
  });

  it('report exactly the same issues for the built-in annex', () => {
    expect(validateDocument(builtin)).toEqual(validateDocument(builtin, PLAIN_RULES));
  });
});
