import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { updateRow } from '../../../shared/model/document-edits';
import { createValidator, validateDocument } from '../../../shared/validation/validator';
import { PLAIN_RULES } from './plain-rules';
import { defaultRow, makeDocument } from '../support/document-builder';

/**
 * One change to the city table, as the editor makes them: rows replaced, copied, added, removed, moved, sorted; or an
 * undo. Or another document of the same size checked in between, as an incoming file is.
 */
type Step =
  | { readonly kind: 'replace'; readonly at: number; readonly title: string }
  | { readonly kind: 'copy'; readonly from: number; readonly to: number }
  | { readonly kind: 'reverse' }
  | { readonly kind: 'other' }
  | { readonly kind: 'insert'; readonly at: number }
  | { readonly kind: 'remove'; readonly at: number }
  | { readonly kind: 'move'; readonly from: number; readonly to: number }
  | { readonly kind: 'undo'; readonly back: number }
  | { readonly kind: 'prepare'; readonly budget: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), title: fc.constantFrom('', '　題', '対応応する事業', '地域見守り事業1', '新しい事業') }),
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('reverse' as const) }),
  fc.record({ kind: fc.constant('other' as const) }),
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
    case 'replace': {
      // As the editor replaces a row: the new rows array remembers which position it replaced (row-lineage).
      const target = rows[at(change.at)];
      return target ? updateRow(document, 'city', target.id, (row) => ({ ...row, title: change.title })) : document;
    }
    case 'copy':
      if (rows.length > 0) {
        const { title, summary } = rows[at(change.from)] as AnnexRow;
        rows[at(change.to)] = { ...(rows[at(change.to)] as AnnexRow), title, summary };
      }
      break;
    case 'reverse':
      rows.reverse();
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
    case 'other':
      return document;
  }
  return withCityRows(document, rows);
}

describe('the validator’s row results and key places, kept by position', () => {
  it('give what a fresh validation by the plain rules gives after any run of edits, undos and slices', () => {
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
          // The same rows in another document: the duplicate rules' kept key places must tell the tables apart.
          if (change.kind === 'other') validateDocument(withCityRows(document, document.tables.city.rows.map((row) => ({ ...row, title: `${row.title}別` }))));
          expect(validator.validate(document)).toEqual(validateDocument(document, PLAIN_RULES));
        }
      }),
      { seed: 20250303, numRuns: 200 },
    );
  });
});
