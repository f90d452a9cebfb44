import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { applyCommand } from '../../../shared/editing/apply-command';
import { execute, startHistory, undo } from '../../../shared/editing/history';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { buildMergeCommand } from '../../../shared/submissions/merge-command';
import type { MergeReview } from '../../../shared/submissions/merge-review';
import { previewMerge } from '../../../shared/submissions/merge-validation';
import type { RowRule } from '../../../shared/validation/rule';
import { ALL_RULES } from '../../../shared/validation/rules';
import { createValidator } from '../../../shared/validation/validator';
import { mergeReport, type FileReport } from '../../../shared/submissions/report-json';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { defaultSelection } from '../../../shared/submissions/selection';
import { buildScenario, OURS, RECEIVED_AT, SEND_A, SEND_B, THEIRS, type Scenario } from './scenario';

/** The rows as the built-in annex has them: the input the scenario starts from, not anything the review computed. */
const original = builtinAnnex();
const sent = (id: string): AnnexRow => {
  const row = original.tables.city.rows.find((candidate) => candidate.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

const empty = { matched: [], changes: [], added: [], deleted: [], conflicts: [], rejected: [] };
const setAside = (file: string, status: FileReport['status'], problem: string): FileReport => ({
  file,
  status,
  section: null,
  table: null,
  sendId: null,
  olderSend: false,
  matchMethod: null,
  base: null,
  ...empty,
  problems: [problem],
});
const fingerprinted = { table: 'city', olderSend: false, matchMethod: 'fingerprint', base: 'sent' } as const;

const EXPECTED_REPORT: FileReport[] = [
  {
    file: '取組事業一覧_保健所_健康推進課.xlsx',
    status: 'ok',
    section: '保健所/健康推進課',
    sendId: SEND_B.id,
    ...fingerprinted,
    matched: [
      { row: 'city-09', number: 9, match: 'id', kind: 'changed' },
      { row: 'city-45', number: 45, match: 'id', kind: 'changed' },
      { row: 'city-46', number: 46, match: 'id', kind: 'changed' },
      { row: 'city-62', number: 62, match: 'id', kind: 'changed' },
    ],
    changes: [
      { row: 'city-09', number: 9, field: 'summary', base: sent('city-09').summary, theirs: THEIRS.row9summary, ours: sent('city-09').summary },
      // Typed as 1 and as 〇: both are ○.
      { row: 'city-45', number: 45, field: 'mark:v1-1', base: false, theirs: true, ours: false },
      { row: 'city-45', number: 45, field: 'mark:v2-1', base: false, theirs: true, ours: false },
      { row: 'city-46', number: 46, field: 'mark:v3-1', base: true, theirs: false, ours: true },
    ],
    added: [{ row: 'city-s20251001-bbbb-1', after: 'city-63', title: '特定健診の受診勧奨' }],
    deleted: [{ row: 'city-63', number: 63, title: '地域における各種がん検診の実施' }],
    conflicts: [{ row: 'city-62', number: 62, field: 'summary', base: sent('city-62').summary, theirs: THEIRS.row62summary, ours: OURS.row62summary }],
    rejected: [],
    problems: [
      '取組事業一覧_保健所_健康推進課.xlsx 通し番号 63: ファイルにない行です。送付の後に取組事業一覧で変更された行です',
      '取組事業一覧_保健所_健康推進課.xlsx 追加の行「特定健診の受診勧奨」: 部・課が空欄だったため、宛先の部・課を入れました',
    ],
  },
  {
    file: '取組事業一覧_土木部_雪対策課.xls',
    status: 'ok',
    section: '土木部/雪対策課',
    sendId: SEND_B.id,
    ...fingerprinted,
    // Sorted backwards in the file, matched by id all the same.
    matched: [
      { row: 'city-66', number: 66, match: 'id', kind: 'unchanged' },
      { row: 'city-67', number: 67, match: 'id', kind: 'changed' },
      { row: 'city-68', number: 68, match: 'id', kind: 'unchanged' },
    ],
    ...{ added: [], deleted: [], conflicts: [], rejected: [] },
    changes: [{ row: 'city-67', number: 67, field: 'summary', base: sent('city-67').summary, theirs: THEIRS.row67summary, ours: sent('city-67').summary }],
    problems: [],
  },
  {
    file: '取組事業一覧_子育て支援部_おやこ応援課.xlsx',
    status: 'ok',
    section: '子育て支援部/おやこ応援課',
    sendId: SEND_A.id,
    ...fingerprinted,
    olderSend: true,
    matched: [
      { row: 'city-33', number: 33, match: 'id', kind: 'changed' },
      // Edited in the annex since April, untouched by the section: nothing to take.
      { row: 'city-40', number: 40, match: 'id', kind: 'unchanged' },
      { row: 'city-58', number: 58, match: 'id', kind: 'unchanged' },
    ],
    ...{ added: [], deleted: [], conflicts: [], rejected: [] },
    changes: [{ row: 'city-33', number: 33, field: 'summary', base: sent('city-33').summary, theirs: THEIRS.row33summary, ours: sent('city-33').summary }],
    problems: [
      '取組事業一覧_子育て支援部_おやこ応援課.xlsx: 2025年4月1日の送付のファイルです。2025年10月1日に新しい送付があります。このファイルは送付したときの行と比べます',
    ],
  },
  {
    file: '取組事業一覧_学校教育部_教育指導課.xlsx',
    status: 'wrong-section',
    section: '学校教育部/教育指導課',
    sendId: SEND_B.id,
    ...fingerprinted,
    ...empty,
    rejected: [
      {
        row: 'city-67',
        title: '地域除雪活動の推進',
        reason: 'この行（旭川市 通し番号 67「地域除雪活動の推進」）は土木部 雪対策課の行で、「学校教育部 教育指導課」に送付した行ではありません。取り込みません',
      },
      {
        row: 'city-68',
        title: '小型除雪機・移動式小型融雪機の貸出し',
        reason: 'この行（旭川市 通し番号 68「小型除雪機・移動式小型融雪機の貸出し」）は土木部 雪対策課の行で、「学校教育部 教育指導課」に送付した行ではありません。取り込みません',
      },
    ],
    problems: ['取組事業一覧_学校教育部_教育指導課.xlsx: 「学校教育部 教育指導課」あてのファイルですが、行はすべてほかの宛先（土木部 雪対策課）のものです。取り込みません'],
  },
  setAside(
    '取組事業一覧_防災安全部_防災課.xlsx',
    'unreadable',
    '取組事業一覧_防災安全部_防災課.xlsx: ZIP 形式のファイルとして壊れています（終わりにある中央ディレクトリが見つかりません）。ファイルが途中で切れていないか確かめてください',
  ),
  {
    file: 'こども育成課_回答.xlsx',
    status: 'ok',
    section: '子育て支援部/こども育成課',
    table: 'city',
    sendId: SEND_B.id,
    olderSend: false,
    matchMethod: 'plain-copy',
    base: 'sent',
    matched: [
      { row: 'city-41', number: 41, match: 'number+title 1.00', kind: 'changed' },
      // No 通し番号 and a reworded title: found by the title alone.
      { row: 'city-42', number: 42, match: 'title-similarity 0.76', kind: 'changed' },
    ],
    changes: [
      { row: 'city-41', number: 41, field: 'summary', base: sent('city-41').summary, theirs: THEIRS.row41summary, ours: sent('city-41').summary },
      { row: 'city-42', number: 42, field: 'title', base: '教育・保育施設等の利用に係る事務を実施', theirs: THEIRS.row42title, ours: '教育・保育施設等の利用に係る事務を実施' },
    ],
    ...{ added: [], deleted: [], conflicts: [], rejected: [] },
    problems: [],
  },
  setAside('取組事業一覧_保健所_健康推進課 (2).xlsx', 'duplicate', '取組事業一覧_保健所_健康推進課 (2).xlsx: 「取組事業一覧_保健所_健康推進課.xlsx」と同じファイルです。一度だけ取り込みます'),
  setAside(
    '名簿.xlsx',
    'not-submission',
    '名簿.xlsx: 取組事業一覧の見出し（「主な取組」と「取組概要」の並んだ行）がどのシートにも見つかりません。取組事業一覧のファイルか確かめてください',
  ),
  setAside('観光課.xlsx', 'unknown-section', '観光課.xlsx: どの課の行か分かりません（課: 観光課）。部・課マスタにある課の行ではありません'),
];

let scenario: Scenario;
let review: MergeReview;

beforeAll(async () => {
  scenario = await buildScenario();
  review = await reviewSubmissions(scenario.annex, Object.values(scenario.files));
}, 120_000);

describe('taking in the returned files', () => {
  it('reports each file: section, matched rows, changes, additions, deletions, conflicts, rows not taken, problems', () => {
    expect(mergeReport(review).files).toEqual(EXPECTED_REPORT);
  });

  it('shows each row three ways for review: as sent, as returned, as in the annex now', () => {
    const health = review.files[0];
    const row62 = health?.rows.find((row) => row.rowId === 'city-62');
    expect(row62).toEqual({
      table: 'city',
      rowId: 'city-62',
      kind: 'changed',
      match: 'id',
      numbers: { sent: 62, file: 62, now: 62 },
      base: sent('city-62'),
      theirs: { ...sent('city-62'), summary: THEIRS.row62summary },
      ours: { ...sent('city-62'), summary: OURS.row62summary },
      cells: [{ field: 'summary', base: sent('city-62').summary, theirs: THEIRS.row62summary, ours: OURS.row62summary, state: 'conflict' }],
      insertAfter: null,
      problems: [],
    });
    const row40 = review.files[2]?.rows.find((row) => row.rowId === 'city-40');
    expect(row40?.cells).toEqual([{ field: 'summary', base: sent('city-40').summary, theirs: sent('city-40').summary, ours: OURS.row40summary, state: 'same' }]);
  });
});

describe('applying the proposed changes', () => {
  let merged: AnnexDocument;
  let command: ReturnType<typeof buildMergeCommand>;

  beforeAll(() => {
    command = buildMergeCommand(review, defaultSelection(review), { receivedAt: RECEIVED_AT });
    merged = applyCommand(scenario.annex, command);
  });

  it('takes every proposed cell and added row, never a conflict or a deletion unchosen', () => {
    const row = (id: string): AnnexRow | undefined => merged.tables.city.rows.find((candidate) => candidate.id === id);
    expect(row('city-09')).toEqual({ ...sent('city-09'), summary: THEIRS.row9summary });
    expect(row('city-45')?.marks).toEqual(['v1-1', 'v2-1', 'v3-1', 'v4-1']);
    expect(row('city-46')?.marks).toEqual(['v4-1']);
    expect(row('city-62')?.summary).toBe(OURS.row62summary);
    expect(row('city-63')).toEqual({ ...sent('city-63'), title: OURS.row63title });
    expect(row('city-67')?.summary).toBe(THEIRS.row67summary);
    expect(row('city-33')?.summary).toBe(THEIRS.row33summary);
    expect(row('city-40')?.summary).toBe(OURS.row40summary);
    expect(row('city-41')?.summary).toBe(THEIRS.row41summary);
    expect(row('city-42')?.title).toBe(THEIRS.row42title);
    // The new row in the section's place: after its last row, 63.
    const ids = merged.tables.city.rows.map((candidate) => candidate.id);
    expect(ids.slice(61, 65)).toEqual(['city-62', 'city-63', 'city-s20251001-bbbb-1', 'city-64']);
    expect(row('city-s20251001-bbbb-1')).toEqual({
      id: 'city-s20251001-bbbb-1',
      departments: ['保健所'],
      sections: ['健康推進課'],
      title: THEIRS.addedTitle,
      summary: THEIRS.addedSummary,
      marks: ['v4-1'],
    });
    expect(merged.tables.city.rows).toHaveLength(77);
    expect(merged.tables.council).toBe(scenario.annex.tables.council);
  });

  it('records in the ledger what came from which file', () => {
    expect(merged.ledger?.sends.map((send) => send.id)).toEqual([SEND_A.id, SEND_B.id]);
    const receipt = (fileName: string, sendId: string, recipient: string, applied: unknown[]): unknown => ({
      fileName,
      fileHash: review.files.find((file) => file.fileName === fileName)?.fileHash,
      receivedAt: RECEIVED_AT,
      sendId,
      recipient,
      applied,
    });
    expect(merged.ledger?.receipts).toEqual([
      receipt('取組事業一覧_保健所_健康推進課.xlsx', SEND_B.id, '保健所/健康推進課', [
        { table: 'city', rowId: 'city-09', kind: 'changed', fields: ['summary'] },
        { table: 'city', rowId: 'city-45', kind: 'changed', fields: ['mark:v1-1', 'mark:v2-1'] },
        { table: 'city', rowId: 'city-46', kind: 'changed', fields: ['mark:v3-1'] },
        { table: 'city', rowId: 'city-s20251001-bbbb-1', kind: 'added', fields: [] },
      ]),
      receipt('取組事業一覧_土木部_雪対策課.xls', SEND_B.id, '土木部/雪対策課', [{ table: 'city', rowId: 'city-67', kind: 'changed', fields: ['summary'] }]),
      receipt('取組事業一覧_子育て支援部_おやこ応援課.xlsx', SEND_A.id, '子育て支援部/おやこ応援課', [
        { table: 'city', rowId: 'city-33', kind: 'changed', fields: ['summary'] },
      ]),
      receipt('こども育成課_回答.xlsx', SEND_B.id, '子育て支援部/こども育成課', [
        { table: 'city', rowId: 'city-41', kind: 'changed', fields: ['summary'] },
        { table: 'city', rowId: 'city-42', kind: 'changed', fields: ['title'] },
      ]),
    ]);
    expect(review.files[0]?.fileHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is one undoable step', () => {
    const history = execute(startHistory(scenario.annex), command);
    expect(history.present).toEqual(merged);
    expect(history.past.map((step) => step.label)).toEqual(['提出の取り込み（4 ファイル・8 行）']);
    expect(undo(history).present).toBe(scenario.annex);
  });

  it('shows the problems of the rows it touches before it is applied', () => {
    const preview = previewMerge(scenario.annex, command);
    expect(preview.document).toEqual(merged);
    expect(preview.issues.map((issue) => [issue.rule, issue.severity, issue.rowId])).toEqual([['text-punctuation', 'warning', 'city-46']]);
    expect([preview.errors, preview.warnings]).toEqual([0, 1]);
  });

  it('checks again only the rows the merge touches, with the review’s validator', () => {
    const rowsOf = (document: AnnexDocument): number => document.tables.city.rows.length + document.tables.council.rows.length;
    const checked: string[] = [];
    const counting: RowRule = { id: 'counting', scope: 'row', severity: 'warning', description: '数える', check: (row) => (checked.push(row.id), []) };
    const validator = createValidator([...ALL_RULES, counting]);
    validator.validate(scenario.annex);
    checked.length = 0;
    const preview = previewMerge(scenario.annex, command, validator);
    expect(preview.issues).toEqual(previewMerge(scenario.annex, command).issues.map((issue) => expect.objectContaining(issue)));
    const touched = Object.values(command.tables).flatMap((merge) => [
      ...(merge?.updates.map((change) => change.rowId) ?? []),
      ...(merge?.inserts.flatMap((insert) => insert.rows.map((row) => row.id)) ?? []),
    ]);
    expect(new Set(checked)).toEqual(new Set([...checked, ...touched]));
    // Besides the touched rows, at most the 32 rows an insert moves are checked again (see checked-rows), not all 87.
    expect(checked.length).toBeLessThanOrEqual(touched.length + 32);
    expect(checked.length).toBeLessThan(rowsOf(scenario.annex) / 2);
  });

  it('changes nothing when the same file is taken in again', async () => {
    const again = await reviewSubmissions(merged, [scenario.files.health]);
    expect(mergeReport(again).files).toEqual([
      setAside(
        '取組事業一覧_保健所_健康推進課.xlsx',
        'duplicate',
        '取組事業一覧_保健所_健康推進課.xlsx: 2025年11月4日に「取組事業一覧_保健所_健康推進課.xlsx」として取り込み済みのファイルです。何も変えません',
      ),
    ]);
    const nothing = buildMergeCommand(again, defaultSelection(again), { receivedAt: RECEIVED_AT });
    expect(applyCommand(merged, nothing)).toBe(merged);
  });
});
