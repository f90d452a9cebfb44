import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '../../../shared/editing/apply-command';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { buildMergeCommand } from '../../../shared/submissions/merge-command';
import type { FileReview, MergeReview, RowReview } from '../../../shared/submissions/merge-review';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { choose, defaultSelection, isCellChosen, isRowChosen, type MergeSelection } from '../../../shared/submissions/selection';
import { buildScenario, OURS, RECEIVED_AT, THEIRS, type Scenario } from './scenario';

let scenario: Scenario;
let review: MergeReview;
let health: FileReview;
let snow: FileReview;

beforeAll(async () => {
  scenario = await buildScenario();
  review = await reviewSubmissions(scenario.annex, [scenario.files.health, scenario.files.snowXls]);
  [health, snow] = review.files as [FileReview, FileReview];
}, 120_000);

const apply = (selection: MergeSelection): AnnexDocument => applyCommand(scenario.annex, buildMergeCommand(review, selection, { receivedAt: RECEIVED_AT }));
const rowOf = (document: AnnexDocument, id: string): AnnexRow | undefined => document.tables.city.rows.find((row) => row.id === id);
const reviewed = (file: FileReview, id: string): RowReview => file.rows.find((row) => row.rowId === id) as RowReview;

describe('choosing what to take', () => {
  it('takes by default the proposed cells and the added rows', () => {
    const selection = defaultSelection(review);
    expect([...selection.accepted].sort()).toEqual(
      [
        `${health.fileHash}|city|city-09|summary`,
        `${health.fileHash}|city|city-45|mark:v1-1`,
        `${health.fileHash}|city|city-45|mark:v2-1`,
        `${health.fileHash}|city|city-46|mark:v3-1`,
        `${health.fileHash}|city|city-s20251001-bbbb-1`,
        `${snow.fileHash}|city|city-67|summary`,
      ].sort(),
    );
    expect(isCellChosen(selection, health, reviewed(health, 'city-62'), 'summary')).toBe(false);
    expect(isRowChosen(selection, health, reviewed(health, 'city-63'))).toBe(false);
  });

  it("takes a conflicting cell's returned value when that cell is chosen", () => {
    const selection = choose(defaultSelection(review), review, { fileHash: health.fileHash, table: 'city', rowId: 'city-62', field: 'summary' }, true);
    expect(rowOf(apply(selection), 'city-62')?.summary).toBe(THEIRS.row62summary);
  });

  it('never takes a conflict by accepting its row or its file', () => {
    let selection = choose(defaultSelection(review), review, { fileHash: health.fileHash, table: 'city', rowId: 'city-62' }, true);
    selection = choose(selection, review, { fileHash: health.fileHash }, true);
    expect(rowOf(apply(selection), 'city-62')?.summary).toBe(OURS.row62summary);
  });

  it('drops a row only when its deletion is chosen; a row added after it keeps its place', () => {
    const selection = choose(defaultSelection(review), review, { fileHash: health.fileHash, table: 'city', rowId: 'city-63' }, true);
    const merged = apply(selection);
    expect(rowOf(merged, 'city-63')).toBeUndefined();
    expect(merged.tables.city.rows.map((row) => row.id).slice(60, 64)).toEqual(['city-61', 'city-62', 'city-s20251001-bbbb-1', 'city-64']);
  });

  it('leaves out one rejected cell, a rejected row, a rejected file', () => {
    let selection = choose(defaultSelection(review), review, { fileHash: health.fileHash, table: 'city', rowId: 'city-45', field: 'mark:v2-1' }, false);
    selection = choose(selection, review, { fileHash: health.fileHash, table: 'city', rowId: 'city-s20251001-bbbb-1' }, false);
    selection = choose(selection, review, { fileHash: snow.fileHash }, false);
    const merged = apply(selection);
    expect(rowOf(merged, 'city-45')?.marks).toEqual(['v1-1', 'v3-1', 'v4-1']);
    expect(rowOf(merged, 'city-s20251001-bbbb-1')).toBeUndefined();
    expect(rowOf(merged, 'city-67')).toEqual(rowOf(scenario.annex, 'city-67'));
    // The file is still received, with nothing taken: taking it in again changes nothing.
    expect(merged.ledger?.receipts.map((receipt) => [receipt.fileName, receipt.applied.length])).toEqual([
      ['取組事業一覧_保健所_健康推進課.xlsx', 3],
      ['取組事業一覧_土木部_雪対策課.xls', 0],
    ]);
  });

  it('rejecting everything still records the files, and changes no row', () => {
    const merged = apply({ accepted: new Set() });
    expect(merged.tables).toEqual(scenario.annex.tables);
    expect(merged.ledger?.receipts).toHaveLength(2);
  });
});
