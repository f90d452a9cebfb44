import { builtinAnnex } from '../../../shared/builtin-annex';
import { updateRow } from '../../../shared/model/document-edits';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import type { LedgerSend } from '../../../shared/model/ledger';
import { createSend, withSend } from '../../../shared/submissions/send';
import type { SubmissionFile } from '../../../shared/submissions/review-submissions';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';
import { editSectionWorkbook, plainCopy, sentWorkbook, truncated, unrelatedWorkbook } from '../../fixtures-src/submission-fixtures';

/**
 * One year of the collection on the built-in 2024 annex. April: a send per 課 (A). Then the secretariat edits row 40.
 * October: a second send per 課 (B). Then the secretariat edits rows 62 and 63. Then the files come back.
 */

export const SEND_A = { id: 's20250401-aaaa', sentAt: '2025-04-01T00:00:00.000Z' } as const;
export const SEND_B = { id: 's20251001-bbbb', sentAt: '2025-10-01T00:00:00.000Z' } as const;
export const RECEIVED_AT = '2025-11-04T01:00:00.000Z';

/** The secretariat's own edits, made in the annex while the files were out. */
export const OURS = {
  row40summary: '妊娠期から子育て期にわたる母子保健や育児の悩みに，保健師等が相談支援を行います。',
  row62summary: 'アプリで歩数やイベント参加にポイントを付与し，健康づくりの習慣化を支援します。',
  row63title: '地域における各種がん検診の実施（巡回検診）',
} as const;

/** What the sections typed. */
export const THEIRS = {
  row9summary: 'ゲートキーパーを養成し，市民の身近で自殺対策に関わる人材を増やします。',
  row62summary: '健康アプリで歩数計測やラジオ体操にポイントを付与し，健康づくりを習慣にする取組を支援します。',
  addedTitle: '特定健診の受診勧奨',
  addedSummary: '国民健康保険の加入者に特定健診の受診を呼びかけ，生活習慣病の予防につなげます。',
  row67summary: '除雪連絡協議会でパトロールや総会を行い，地域の連帯感と冬の安心を高めます。',
  row33summary: '子育て支援人材バンクに登録した方を，児童センターや地域の子育てサロンに派遣します。',
  row41summary: '保護者のニーズを確認しながら施設利用の相談に応じ，保育サービスの情報を発信します。',
  row42title: '教育・保育施設等の利用に関する事務の実施',
} as const;

export interface Scenario {
  readonly sendA: LedgerSend;
  readonly sendB: LedgerSend;
  /** The annex when the files come back: both sends recorded, the secretariat's edits made. */
  readonly annex: AnnexDocument;
  readonly files: Readonly<Record<FileKey, SubmissionFile>>;
}

export type FileKey =
  | 'health'
  | 'snowXls'
  | 'parentsOld'
  | 'wrongSection'
  | 'corrupted'
  | 'plainCopy'
  | 'healthAgain'
  | 'unrelated'
  | 'unknownSection';

const withSummary = (document: AnnexDocument, rowId: string, summary: string): AnnexDocument =>
  updateRow(document, 'city', rowId, (row) => ({ ...row, summary }));

export async function buildScenario(): Promise<Scenario> {
  const start = builtinAnnex();
  const sendA = await createSend(start, { by: 'section', ...SEND_A });
  const afterA = withSummary(withSend(start, sendA), 'city-40', OURS.row40summary);
  const sendB = await createSend(afterA, { by: 'section', ...SEND_B });
  let annex = withSummary(withSend(afterA, sendB), 'city-62', OURS.row62summary);
  annex = updateRow(annex, 'city', 'city-63', (row) => ({ ...row, title: OURS.row63title }));

  // 健康推進課 (send B), in "Excel": cells edited, ○ typed as 〇 and as 1, a ○ cleared, a row added, a row deleted, a conflict.
  const health = editSectionWorkbook(await sentWorkbook(afterA, sendB, '保健所/健康推進課'), annex, 'city', (sheet) =>
    sheet
      .setText('city-09', 'summary', THEIRS.row9summary)
      .setMark('city-45', 'v2-1', '〇')
      .setMark('city-45', 'v1-1', 1)
      .setMark('city-46', 'v3-1', null)
      .setText('city-62', 'summary', THEIRS.row62summary)
      .deleteRow('city-63')
      .addRow({ title: THEIRS.addedTitle, summary: THEIRS.addedSummary }, { 'v4-1': '○' }),
  );
  // 雪対策課 (send B): one summary edited, the rows sorted backwards, the workbook re-saved as .xls by LibreOffice.
  const snow = editSectionWorkbook(await sentWorkbook(afterA, sendB, '土木部/雪対策課'), annex, 'city', (sheet) =>
    sheet.setText('city-67', 'summary', THEIRS.row67summary).reverseRows(),
  );
  // おやこ応援課 answers April's workbook (send A) in November: row 33 edited; row 40 was edited in the annex since.
  const parentsOld = editSectionWorkbook(await sentWorkbook(start, sendA, '子育て支援部/おやこ応援課'), annex, 'city', (sheet) =>
    sheet.setText('city-33', 'summary', THEIRS.row33summary),
  );
  // 教育指導課's workbook (send B) came back holding 雪対策課's rows, pasted whole from the other workbook.
  const snowRows = sendB.recipients.find((recipient) => recipient.key === '土木部/雪対策課')?.rows.slice(1) ?? [];
  const wrongSection = editSectionWorkbook(await sentWorkbook(afterA, sendB, '学校教育部/教育指導課'), annex, 'city', (sheet) => sheet.replaceRows(snowRows));
  // こども育成課 typed its answer into a plain copy of the annex layout: no ids; row 42 first, retitled, its 通し番号 left blank.
  const youthRows = sendB.recipients.find((recipient) => recipient.key === '子育て支援部/こども育成課')?.rows ?? [];
  const [row41, row42] = youthRows.map((sent) => sent.row);
  if (!row41 || !row42) throw new Error('こども育成課 has rows 41 and 42');
  const copy = plainCopy(annex, [
    { number: null, row: { ...row42, title: THEIRS.row42title } },
    { number: 41, row: { ...row41, summary: THEIRS.row41summary } },
  ]);
  const unknownRows = youthRows.map((sent) => ({ number: sent.number, row: { ...sent.row, departments: ['観光スポーツ部'], sections: ['観光課'] } }));

  const files: Record<FileKey, SubmissionFile> = {
    health: { fileName: '取組事業一覧_保健所_健康推進課.xlsx', bytes: health },
    snowXls: { fileName: '取組事業一覧_土木部_雪対策課.xls', bytes: convertWithLibreOffice(snow, 'xls') },
    parentsOld: { fileName: '取組事業一覧_子育て支援部_おやこ応援課.xlsx', bytes: parentsOld },
    wrongSection: { fileName: '取組事業一覧_学校教育部_教育指導課.xlsx', bytes: wrongSection },
    corrupted: { fileName: '取組事業一覧_防災安全部_防災課.xlsx', bytes: truncated(await sentWorkbook(afterA, sendB, '防災安全部/防災課')) },
    plainCopy: { fileName: 'こども育成課_回答.xlsx', bytes: copy },
    healthAgain: { fileName: '取組事業一覧_保健所_健康推進課 (2).xlsx', bytes: health },
    unrelated: { fileName: '名簿.xlsx', bytes: unrelatedWorkbook() },
    unknownSection: { fileName: '観光課.xlsx', bytes: plainCopy(annex, unknownRows) },
  };
  return { sendA, sendB, annex, files };
}
