import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import type { LedgerSend } from '../../../shared/model/ledger';
import type { MergeReview } from '../../../shared/submissions/merge-review';
import { mergeReport } from '../../../shared/submissions/report-json';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { createSend, withSend } from '../../../shared/submissions/send';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';
import { editSectionWorkbook, sentWorkbook } from '../../fixtures-src/submission-fixtures';

/** Cases beside the year's scenario, each on the built-in annex with one send per 課 recorded. */

const original = builtinAnnex();
const row = (id: string, document: AnnexDocument = original): AnnexRow => document.tables.city.rows.find((candidate) => candidate.id === id) as AnnexRow;
const SENT = { by: 'section', id: 's20250401-aaaa', sentAt: '2025-04-01T00:00:00.000Z' } as const;

let send: LedgerSend;
let annex: AnnexDocument;

beforeAll(async () => {
  send = await createSend(original, SENT);
  annex = withSend(original, send);
});

const answer = async (key: string, edit: Parameters<typeof editSectionWorkbook>[3], table: 'city' | 'council' = 'city'): Promise<Uint8Array> =>
  editSectionWorkbook(await sentWorkbook(original, send, key), original, table, edit);

describe('rows dropped and added', () => {
  it('takes a row whose contents were all cleared (its id left) as a deletion', async () => {
    const bytes = await answer('保健所/健康推進課', (sheet) => sheet.emptyRow('city-46'));
    const [file] = (await reviewSubmissions(annex, [{ fileName: 'a.xlsx', bytes }])).files;
    expect(file?.rows.find((candidate) => candidate.rowId === 'city-46')).toEqual({
      table: 'city',
      rowId: 'city-46',
      kind: 'deleted',
      match: 'id',
      numbers: { sent: 46, file: 46, now: 46 },
      base: row('city-46'),
      theirs: null,
      ours: row('city-46'),
      cells: [],
      insertAfter: null,
      problems: ['行の内容がすべて消されています。削除として受け取ります'],
    });
  });

  it("refuses a new row naming another 課, and takes the file's other rows", async () => {
    const bytes = await answer('保健所/健康推進課', (sheet) =>
      sheet
        .setText('city-09', 'title', 'ゲートキーパー養成研修の実施')
        .addRow({ departments: '土木部', sections: '雪対策課', title: '除雪ボランティアの育成', summary: '除雪ボランティアを育成します。' }, { 'v2-2': '○' }),
    );
    const report = mergeReport(await reviewSubmissions(annex, [{ fileName: 'a.xlsx', bytes }]));
    expect(report.files[0]?.status).toBe('ok');
    expect(report.files[0]?.changes.map((cell) => [cell.row, cell.field, cell.theirs])).toEqual([['city-09', 'title', 'ゲートキーパー養成研修の実施']]);
    expect(report.files[0]?.rejected).toEqual([
      { row: '旭川市!15', title: '除雪ボランティアの育成', reason: '課が「雪対策課」の行です。「保健所 健康推進課」の行ではないため取り込みません' },
    ]);
  });
});

describe('files that meet on the same row', () => {
  let review: MergeReview;

  beforeAll(async () => {
    // Row 12 is sent to four 課: two change its summary differently, one drops it.
    const welfare = await answer('福祉保険部/福祉保険課', (sheet) => sheet.setText('city-12', 'summary', '福祉保険課の書いた概要です。'));
    const elderly = await answer('福祉保険部/長寿社会課', (sheet) => sheet.setText('city-12', 'summary', '長寿社会課の書いた概要です。'));
    const disability = await answer('福祉保険部/障害福祉課', (sheet) => sheet.deleteRow('city-12'));
    review = await reviewSubmissions(annex, [
      { fileName: '福祉保険課.xlsx', bytes: welfare },
      { fileName: '長寿社会課.xlsx', bytes: elderly },
      { fileName: '障害福祉課.xlsx', bytes: disability },
    ]);
  }, 60_000);

  it('makes two different changes of one cell a conflict in both files, each naming the other', () => {
    const report = mergeReport(review);
    expect(report.files.map((file) => [file.changes.length, file.conflicts.map((cell) => [cell.row, cell.field, cell.theirs])])).toEqual([
      [0, [['city-12', 'summary', '福祉保険課の書いた概要です。']]],
      [0, [['city-12', 'summary', '長寿社会課の書いた概要です。']]],
      [0, []],
    ]);
    expect(report.files.map((file) => file.problems)).toEqual([
      [
        '福祉保険課.xlsx 通し番号 12: 取組概要を「長寿社会課.xlsx」は「長寿社会課の書いた概要です。」に変更しています',
        '福祉保険課.xlsx 通し番号 12: 「障害福祉課.xlsx」はこの行を削除しています',
      ],
      [
        '長寿社会課.xlsx 通し番号 12: 取組概要を「福祉保険課.xlsx」は「福祉保険課の書いた概要です。」に変更しています',
        '長寿社会課.xlsx 通し番号 12: 「障害福祉課.xlsx」はこの行を削除しています',
      ],
      [
        '障害福祉課.xlsx 通し番号 12: ファイルにない行です',
        '障害福祉課.xlsx 通し番号 12: 「福祉保険課.xlsx」はこの行を変更しています',
        '障害福祉課.xlsx 通し番号 12: 「長寿社会課.xlsx」はこの行を変更しています',
      ],
    ]);
  });
});

describe('what a file is compared with', () => {
  it('compares a workbook of a send the annex has no record of with the annex as it is, and says so', async () => {
    const bytes = await answer('保健所/健康推進課', (sheet) => sheet.setText('city-62', 'title', '健康アプリの運用と普及'));
    const [file] = mergeReport(await reviewSubmissions(original, [{ fileName: 'a.xlsx', bytes }])).files;
    expect(file).toMatchObject({ status: 'ok', section: '保健所/健康推進課', sendId: null, matchMethod: 'fingerprint', base: 'annex' });
    expect(file?.changes).toEqual([{ row: 'city-62', number: 62, field: 'title', base: '健康アプリの運用', theirs: '健康アプリの運用と普及', ours: '健康アプリの運用' }]);
    expect(file?.problems).toEqual(['a.xlsx: 送付ID「s20250401-aaaa」の送付記録がこの取組事業一覧にありません。今の取組事業一覧と比べます']);
  });

  it('shows a change to a row deleted from the annex since as a conflict with nothing, never taken', async () => {
    const bytes = await answer('保健所/健康推進課', (sheet) => sheet.setText('city-62', 'title', '健康アプリの運用と普及'));
    const without: AnnexDocument = { ...annex, tables: { ...annex.tables, city: { ...annex.tables.city, rows: annex.tables.city.rows.filter((candidate) => candidate.id !== 'city-62') } } };
    const [file] = (await reviewSubmissions(without, [{ fileName: 'a.xlsx', bytes }])).files;
    const changed = file?.rows.find((candidate) => candidate.rowId === 'city-62');
    expect(changed).toMatchObject({ kind: 'changed', numbers: { sent: 62, file: 62, now: null }, ours: null, problems: ['この行は送付の後に取組事業一覧から削除されています'] });
    expect(changed?.cells).toEqual([{ field: 'title', base: '健康アプリの運用', theirs: '健康アプリの運用と普及', ours: null, state: 'conflict' }]);
  });

  it('knows a workbook re-saved by LibreOffice as .ods by its fingerprint and ids', async () => {
    const edited = await answer('土木部/雪対策課', (sheet) => sheet.setMark('city-68', 'v2-1', '〇'));
    const [file] = mergeReport(await reviewSubmissions(annex, [{ fileName: '雪対策課.ods', bytes: convertWithLibreOffice(edited, 'ods') }])).files;
    expect(file).toMatchObject({ status: 'ok', section: '土木部/雪対策課', sendId: SENT.id, matchMethod: 'fingerprint', problems: [] });
    expect(file?.matched.map((matched) => matched.match)).toEqual(['id', 'id', 'id']);
    expect(file?.changes).toEqual([{ row: 'city-68', number: 68, field: 'mark:v2-1', base: false, theirs: true, ours: false }]);
  });

  it('reads a send per 部 and the council’s own table', async () => {
    const byDepartment = await createSend(original, { by: 'department', id: 's20250402-dddd', sentAt: '2025-04-02T00:00:00.000Z' });
    const withBoth = withSend(annex, byDepartment);
    const civil = editSectionWorkbook(await sentWorkbook(original, byDepartment, '土木部'), original, 'city', (sheet) =>
      sheet.setMark('city-64', 'v4-3', '○'),
    );
    const council = editSectionWorkbook(await sentWorkbook(original, byDepartment, '社会福祉協議会'), original, 'council', (sheet) =>
      sheet.setText('council-03', 'title', '地域福祉の学びの場づくり'),
    );
    const report = mergeReport(await reviewSubmissions(withBoth, [{ fileName: '土木部.xlsx', bytes: civil }, { fileName: '社協.xlsx', bytes: council }]));
    expect(report.files.map((file) => [file.section, file.table, file.sendId, file.matched.length, file.changes.map((cell) => [cell.row, cell.field, cell.theirs])])).toEqual([
      ['土木部', 'city', 's20250402-dddd', 4, [['city-64', 'mark:v4-3', true]]],
      ['社会福祉協議会', 'council', 's20250402-dddd', 11, [['council-03', 'title', '地域福祉の学びの場づくり']]],
    ]);
  });
});
