import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import type { FileReview } from '../../../shared/submissions/merge-review';
import { mergeReport } from '../../../shared/submissions/report-json';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { createSendBack, type SendBack } from '../../../shared/submissions/send-back';
import { withSend } from '../../../shared/submissions/send';
import { editSectionWorkbook } from '../../fixtures-src/submission-fixtures';
import { buildScenario, OURS, SEND_B, THEIRS, type Scenario } from './scenario';

const original = builtinAnnex();
const sent = (id: string): AnnexRow => original.tables.city.rows.find((row) => row.id === id) as AnnexRow;
const BACK = { id: 's20251105-cccc', sentAt: '2025-11-05T00:00:00.000Z' } as const;

let scenario: Scenario;
let health: FileReview;
let back: SendBack;

beforeAll(async () => {
  scenario = await buildScenario();
  [health] = (await reviewSubmissions(scenario.annex, [scenario.files.health])).files as [FileReview];
  back = await createSendBack(scenario.annex, health, BACK);
}, 120_000);

const sheetRows = (name: string): unknown[][] => {
  const book = XLSX.read(back.bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[name] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });
};

describe('sending an answer back to its section', () => {
  it('goes out as a send of its own, based on the annex as it is now', () => {
    expect(back.fileName).toBe('取組事業一覧_保健所_健康推進課_確認.xlsx');
    expect(back.send).toMatchObject({ ...BACK, by: 'section' });
    const [recipient] = back.send.recipients;
    expect(recipient?.key).toBe('保健所/健康推進課');
    expect(recipient?.rows).toEqual([
      { number: 9, row: sent('city-09') },
      { number: 45, row: sent('city-45') },
      { number: 46, row: sent('city-46') },
      { number: 62, row: { ...sent('city-62'), summary: OURS.row62summary } },
      { number: 63, row: { ...sent('city-63'), title: OURS.row63title } },
    ]);
  });

  it('shows the rows as the section answered them: its dropped row out, its new row last with no 通し番号', () => {
    const rows = sheetRows('旭川市').slice(9, 14);
    expect(rows.map((row) => [row[0], row[3], row[4], row[17]])).toEqual([
      [9, 'ゲートキーパー養成研修', THEIRS.row9summary, 'city-09'],
      [45, 'こころの健康に関する相談窓口の設置', sent('city-45').summary, 'city-45'],
      [46, '難病患者等の相談窓口の設置', sent('city-46').summary, 'city-46'],
      [62, '健康アプリの運用', THEIRS.row62summary, 'city-62'],
      [null, THEIRS.addedTitle, THEIRS.addedSummary, 'city-s20251001-bbbb-1'],
    ]);
  });

  it('explains each problem on its own sheet, after the instructions', () => {
    expect(XLSX.read(back.bytes, { type: 'array' }).SheetNames).toEqual(['記入のしかた', '確認事項', '旭川市', '構造', '提出情報']);
    expect(sheetRows('記入のしかた').slice(0, 4)).toEqual([
      ['計画に基づく取組事業一覧の照会　回答の確認', null],
      [null, null],
      ['確認をお願いしたいこと', ''],
      ['1', 'ご回答に確かめたいところがありました。黄色のセルと、シート「確認事項」に書いた内容を見て、直してから返送してください。'],
    ]);
    expect(sheetRows('確認事項')).toEqual([
      ['確認事項（事務局から）', null, null, null],
      [null, null, null, null],
      ['通し番号', '取組', '項目', '内容'],
      ['46', '難病患者等の相談窓口の設置', '取組概要', '読点はこの表では「，」です'],
      [
        '62',
        '健康アプリの運用',
        '取組概要',
        `事務局の取組事業一覧では「${OURS.row62summary}」になっています（送付したときは「${sent('city-62').summary}」）。どちらにするか確かめてください`,
      ],
      ['追加', THEIRS.addedTitle, '', '部・課が空欄だったため、宛先の部・課を入れました'],
      ['63', '地域における各種がん検診の実施', '', 'ファイルにない行です。送付の後に取組事業一覧で変更された行です'],
    ]);
  });

  it('fills the cells with problems in the highlight colour', () => {
    const files = unzipSync(back.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet3.xml'] as Uint8Array);
    const formats = strFromU8(files['xl/styles.xml'] as Uint8Array).match(/<cellXfs count="\d+">(.*?)<\/cellXfs>/)?.[1]?.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g) ?? [];
    const filled = (ref: string): boolean => (formats[Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1])] ?? '').includes('fillId="2"');
    const cells = ['E12', 'E13', 'D12', 'E10', 'E14', 'D14'];
    expect(cells.map(filled)).toEqual([true, true, false, false, false, false]);
  });

  it('comes back as an answer to the new send; the first file now counts as an older send', async () => {
    const annex: AnnexDocument = withSend(scenario.annex, back.send);
    // The section keeps the annex's wording for row 62 and sends the workbook back.
    const fixed = editSectionWorkbook(back.bytes, annex, 'city', (sheet) => sheet.setText('city-62', 'summary', OURS.row62summary));
    const report = mergeReport(await reviewSubmissions(annex, [{ fileName: back.fileName, bytes: fixed }, scenario.files.health]));
    const [again, first] = report.files;
    expect(again).toMatchObject({ status: 'ok', sendId: BACK.id, olderSend: false, conflicts: [] });
    expect(again?.changes.map((cell) => [cell.row, cell.field])).toEqual([
      ['city-09', 'summary'],
      ['city-45', 'mark:v1-1'],
      ['city-45', 'mark:v2-1'],
      ['city-46', 'mark:v3-1'],
    ]);
    expect(again?.added).toEqual([{ row: 'city-s20251105-cccc-1', after: 'city-63', title: THEIRS.addedTitle }]);
    expect(again?.deleted).toEqual([{ row: 'city-63', number: 63, title: OURS.row63title }]);
    expect(first).toMatchObject({ status: 'ok', sendId: SEND_B.id, olderSend: true });
  });
});
