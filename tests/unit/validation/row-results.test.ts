import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import { withRowsReplaced } from '../../../shared/model/row-lineage';
import { positionsWithIssues, TableChecks } from '../../../shared/validation/checked-rows';
import type { ValidationIssue } from '../../../shared/validation/issue';
import { RowResults, type RowResult } from '../../../shared/validation/row-results';
import { defaultRow } from '../support/document-builder';

const rowsOf = (count: number): AnnexRow[] => Array.from({ length: count }, (_, index) => ({ ...defaultRow('city', index), id: `r${index}` }));
const issueAt = (position: number): readonly ValidationIssue[] => [
  { rule: 'required-title', severity: 'error', table: 'city', rowId: `r${position}`, column: { kind: 'field', field: 'title' }, message: `${position}` },
];

/** One step on the latest results: a row checked (only an unchecked one, as the validator does), or rows edited. */
type Step = { readonly kind: 'check'; readonly at: number; readonly marked: boolean } | { readonly kind: 'edit'; readonly at: readonly number[] };

describe('row results in blocks', () => {
  it('read as one plain array through any checks and edits, and an edit never changes a result the results before it hold', () => {
    // 10,000 positions: three blocks, the last one short.
    const length = 10_000;
    // Anywhere, but often at a block's edge, so checks and edits meet at the same rows.
    const position = fc.oneof(fc.integer({ min: 0, max: length - 1 }), fc.constantFrom(0, 4095, 4096, 8191, 8192, length - 1));
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('check' as const), at: position, marked: fc.boolean() }),
      fc.record({ kind: fc.constant('edit' as const), at: fc.uniqueArray(position, { maxLength: 5 }).map((at) => [...at].sort((a, b) => a - b)) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let results = RowResults.unchecked(length);
        let plain = new Array<RowResult>(length);
        const earlier: { results: RowResults; plain: RowResult[] }[] = [];
        const filled = new Map<number, Set<RowResult>>();
        for (const change of steps) {
          if (change.kind === 'check') {
            if (results.get(change.at)) continue;
            const value = change.marked ? issueAt(change.at) : [];
            results.set(change.at, value);
            plain[change.at] = value;
            filled.set(change.at, (filled.get(change.at) ?? new Set()).add(value));
          } else {
            earlier.push({ results, plain });
            results = results.withUnchecked(change.at);
            plain = plain.slice();
            for (const at of change.at) plain[at] = undefined;
          }
        }
        const wrong: string[] = [];
        for (let at = 0; at < length; at++) if (results.get(at) !== plain[at]) wrong.push(`latest ${at}`);
        earlier.forEach((before, index) => {
          for (let at = 0; at < length; at++) {
            const seen = before.results.get(at);
            // A row checked later through a shared block is the same row there: the result is one made for that position.
            const right = before.plain[at] === undefined && seen !== undefined ? filled.get(at)?.has(seen) === true : seen === before.plain[at];
            if (!right) wrong.push(`before edit ${index + 1}: ${at}`);
          }
        });
        expect(wrong).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a position outside the table instead of growing it', () => {
    const results = RowResults.unchecked(5000);
    expect(() => results.set(5000, [])).toThrow(RangeError);
    expect(() => results.set(-1, [])).toThrow(RangeError);
    expect(() => results.withUnchecked([5000])).toThrow(RangeError);
    expect(results.get(5000)).toBeUndefined();
    expect(results.length).toBe(5000);
  });

  it('after one edit in a 50,000-row table, shares every block of results but the edited row’s, and checks that row alone', () => {
    const rows = rowsOf(50_000);
    const checks = new TableChecks();
    const before = checks.alignedTo(rows);
    positionsWithIssues(before, (position) => (position % 7 === 0 ? issueAt(position) : []));

    const edited = withRowsReplaced(rows, new Map([[30_001, { ...(rows[30_001] as AnnexRow), title: '' }]]));
    const after = checks.alignedTo(edited);
    for (const position of [0, 4095, 4096, 28_671, 32_768, 49_999]) expect(after.issues.sharesBlockWith(before.issues, position)).toBe(true);
    expect(after.issues.sharesBlockWith(before.issues, 30_001)).toBe(false);

    const checkedNow: number[] = [];
    const withIssues = positionsWithIssues(after, (position) => {
      checkedNow.push(position);
      return issueAt(position);
    });
    expect(checkedNow).toEqual([30_001]);
    expect(withIssues).toHaveLength(before.withIssues?.length as number + 1);
    expect(after.issues.get(30_001)).toEqual(issueAt(30_001));
    // The results before the edit keep the row it replaced, for an undo.
    expect(before.issues.get(30_001)).toEqual([]);
    expect(checks.alignedTo(rows)).toBe(before);
  });
});
