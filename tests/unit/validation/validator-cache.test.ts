import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { createValidator, validateDocument } from '../../../shared/validation/validator';
import { defaultRow, makeDocument } from '../support/document-builder';

/** One change to the city table, as the editor makes them: rows replaced, added, removed, moved; or an undo. */
type Step =
  | { readonly kind: 'replace'; readonly at: number; readonly title: string }
  | { readonly kind: 'insert'; readonly at: number }
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'undo'; readonly back: number }
  | { readonly kind: 'prepare'; readonly budget: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), title: fc.constantFrom('', '　題', '対応応する事業', '地域見守り事業1', '新しい事業') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('prepare' as const), budget: fc.integer({ min: 0, max: 3 }) }),
);

const withCityRows = (document: AnnexDocument, rows: readonly AnnexRow[]): AnnexDocument => ({
  ...document,
  tables: { ...document.tables, city: { ...document.tables.city, rows } },
});

let added = 0;

function apply(history: AnnexDocument[], change: Step): AnnexDocument {
  const document = history[history.length - 1] as AnnexDocument;
  const rows = [...document.tables.city.rows];
  const at = (index: number): number => (rows.length === 0 ? 0 : index % rows.length);
  switch (change.kind) {
    case 'replace':
      if (rows.length > 0) rows[at(change.at)] = { ...(rows[at(change.at)] as AnnexRow), title: change.title };
      break;
    case 'insert':
      rows.splice(at(change.at), 0, { ...defaultRow('city', 0), id: `added${(added += 1)}` });
      break;
    case 'remove':
      rows.splice(at(change.at), 1);
      break;
    case 'move': {
      const [moved] = rows.splice(at(change.from), 1);
      if (moved) rows.splice(at(change.to), 0, moved);
      break;
    }
    case 'undo':
      return history[Math.max(history.length - 1 - change.back, 0)] as AnnexDocument;
    case 'prepare':
      return document;
  }
  return withCityRows(document, rows);
}

describe('the validator’s row results, kept by position', () => {
  it('give what a fresh validation gives after any run of edits, undos and slices', () => {
    const start = makeDocument({
      city: Array.from({ length: 40 }, (_, index) => (index % 7 === 0 ? { title: '地域見守り事業1', summary: '　複雑化した事例に対応応します。' } : {})),
      council: [{}, { summary: '見守りを支援し，住民を増やします。' }],
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const validator = createValidator();
        const history = [start];
        validator.validate(start);
        for (const change of steps) {
          const document = apply(history, change);
          history.push(document);
          if (change.kind === 'prepare') {
            let budget = change.budget;
            validator.prepare(document, () => (budget -= 1) < 0);
          }
          expect(validator.validate(document)).toEqual(validateDocument(document));
        }
      }),
      { seed: 20250303, numRuns: 200 },
    );
  });
});
