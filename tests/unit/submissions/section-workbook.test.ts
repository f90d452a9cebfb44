import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { readAnnexWorkbook } from '../../../shared/excel/read-annex-workbook';
import type { LedgerRecipient, LedgerSend } from '../../../shared/model/ledger';
import { mergeReport } from '../../../shared/submissions/report-json';
import { recipientsOf } from '../../../shared/submissions/recipients';
import { reviewSubmissions } from '../../../shared/submissions/review-submissions';
import { sectionFileName, writeSectionWorkbook } from '../../../shared/submissions/section-workbook';
import { createSend, withSend } from '../../../shared/submissions/send';

const annex = builtinAnnex();
let send: LedgerSend;
let health: LedgerRecipient;
let bytes: Uint8Array;

beforeAll(async () => {
  send = await createSend(annex, { by: 'section', id: 's20250401-aaaa', sentAt: '2025-04-01T00:00:00.000Z' });
  health = send.recipients.find((recipient) => recipient.key === '保健所/健康推進課') as LedgerRecipient;
  bytes = await writeSectionWorkbook(annex, send, health);
});

const part = (path: string): string => strFromU8(unzipSync(bytes)[path] as Uint8Array);

describe('who gets which rows', () => {
  it('per 課: each 課 of the master, a 部 for its rows naming none of its 課, the council; a row of several 課 to each', () => {
    const recipients = recipientsOf(annex, 'section');
    expect(recipients.map((recipient) => [recipient.key, recipient.rows.map((sent) => sent.number)])).toEqual([
      ['福祉保険部/福祉保険課', [1, 11, 12, 16, 17, 18, 25, 30, 31, 35, 36, 72, 73, 75, 76]],
      ['福祉保険部/長寿社会課', [2, 12, 20, 21, 23, 37, 56, 59, 61, 65, 66, 69, 71]],
      ['福祉保険部/障害福祉課', [3, 4, 5, 6, 7, 8, 12, 24, 38, 57]],
      ['福祉保険部/保護課', [12]],
      ['福祉保険部/生活支援課', [39, 50, 51, 52, 53, 54, 55]],
      ['保健所/健康推進課', [9, 45, 46, 62, 63]],
      ['学校教育部/教育指導課', [10]],
      ['関係部局', [13, 14, 15, 47, 49]],
      ['市民生活部/地域活動推進課', [19, 26, 28, 29, 32, 60]],
      ['市民生活部/各支所', [29, 48]],
      ['子育て支援部/子育て支援課', [22]],
      ['子育て支援部/おやこ応援課', [33, 40, 58]],
      ['子育て支援部/こども育成課', [41, 42]],
      ['子育て支援部/子ども総合相談センター', [43, 71]],
      ['子育て支援部/子育て助成課', [44]],
      ['社会教育部/公民館事業課', [27, 34]],
      ['建築部/公共建築課', [64]],
      ['土木部/土木総務課', [64]],
      ['土木部/公園みどり課', [64]],
      ['土木部/雪対策課', [66, 67, 68]],
      ['環境部/クリーンセンター', [70]],
      ['防災安全部/防災課', [74]],
      ['社会福祉協議会', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ]);
  });

  it('per 部: every row naming the 部 or one of its 課', () => {
    const recipients = recipientsOf(annex, 'department');
    expect(recipients.map((recipient) => [recipient.key, recipient.rows.length])).toEqual([
      ['福祉保険部', 43],
      ['保健所', 5],
      ['学校教育部', 1],
      ['関係部局', 5],
      ['市民生活部', 7],
      ['子育て支援部', 9],
      ['社会教育部', 2],
      ['建築部', 1],
      ['土木部', 4],
      ['環境部', 1],
      ['防災安全部', 1],
      ['社会福祉協議会', 11],
    ]);
    expect(recipients.find((recipient) => recipient.key === '土木部')?.rows.map((sent) => sent.number)).toEqual([64, 66, 67, 68]);
  });

  it('names the files after the addressee', () => {
    expect(sectionFileName(health)).toBe('取組事業一覧_保健所_健康推進課.xlsx');
    expect(sectionFileName({ key: '関係部局', department: '関係部局', section: '', table: 'city' })).toBe('取組事業一覧_関係部局.xlsx');
    expect(sectionFileName({ key: '社会福祉協議会', department: '', section: '', table: 'council' })).toBe('取組事業一覧_社会福祉協議会.xlsx');
    expect(sectionFileName({ key: 'a/b', department: '部:1', section: '課/2', table: 'city' })).toBe('取組事業一覧_部＿1_課＿2.xlsx');
  });

  it('records the rows as sent and their hash', () => {
    expect(health.rows.map((sent) => [sent.number, sent.row])).toEqual(
      [9, 45, 46, 62, 63].map((number) => [number, annex.tables.city.rows[number - 1]]),
    );
    expect(health.rowsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(withSend(annex, send).ledger).toEqual({ sends: [send], receipts: [] });
  });
});

describe("a section's workbook", () => {
  it('holds the instructions, the table, and the hidden 構造 and fingerprint sheets', () => {
    const book = XLSX.read(bytes, { type: 'array' });
    expect(book.SheetNames).toEqual(['記入のしかた', '旭川市', '構造', '提出情報']);
    expect(book.Workbook?.Sheets?.map((sheet) => sheet.Hidden ?? 0)).toEqual([0, 0, 1, 1]);
  });

  it('shows the rows with their 通し番号 in the annex, then ten empty rows, the id column hidden', () => {
    const sheet = XLSX.read(bytes, { type: 'array' }).Sheets['旭川市'] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null }).slice(9);
    expect(rows.slice(5).map((row) => row.every((cell) => cell === null))).toEqual(Array.from({ length: 10 }, () => true));
    expect(rows.slice(0, 5).map((row) => [row[0], row[3], row[17]])).toEqual([
      [9, 'ゲートキーパー養成研修', 'city-09'],
      [45, 'こころの健康に関する相談窓口の設置', 'city-45'],
      [46, '難病患者等の相談窓口の設置', 'city-46'],
      [62, '健康アプリの運用', 'city-62'],
      [63, '地域における各種がん検診の実施', 'city-63'],
    ]);
    expect(part('xl/worksheets/sheet2.xml')).toContain('<dimension ref="A1:R24"/>');
    expect(part('xl/worksheets/sheet2.xml')).toContain('<col min="18" max="18" width="14" hidden="1" customWidth="1"/>');
  });

  it('is protected with no password, its rows open, ○ offered from a list over the rows only', () => {
    const sheet = part('xl/worksheets/sheet2.xml');
    expect(sheet).toContain('<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0" insertRows="0" deleteRows="0"/>');
    expect(sheet).not.toContain('password');
    expect(sheet).toContain(
      '<dataValidations count="1"><dataValidation type="list" errorStyle="warning" allowBlank="1" showInputMessage="1" showErrorMessage="1" errorTitle="入力の確認" error="○ を選ぶか、空にしてください" sqref="F10:Q24"><formula1>&quot;○&quot;</formula1></dataValidation></dataValidations>',
    );
    // The cells of the rows use unlocked formats; the band, the 通し番号 and the id do not.
    const formats = part('xl/styles.xml').match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g)?.slice(1) ?? [];
    const locked = (ref: string): boolean => {
      const style = Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheet)?.[1]);
      return !(formats[style] ?? '').includes('<protection locked="0"/>');
    };
    expect(['A10', 'R10', 'D2', 'F5'].map(locked)).toEqual([true, true, true, true]);
    expect(['B10', 'D10', 'E10', 'F10', 'Q14', 'A15', 'D24', 'Q24'].map(locked)).toEqual([false, false, false, false, false, false, false, false]);
  });

  it('carries the fingerprint of its send', () => {
    const book = XLSX.read(bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['提出情報'] as XLSX.WorkSheet, { header: 1, raw: true });
    expect(rows).toEqual([
      ['提出情報（このシートは編集しないでください）'],
      ['項目', '値'],
      ['形式', '取組事業一覧 提出用ブック 1'],
      ['送付ID', 's20250401-aaaa'],
      ['送付日', '2025-04-01T00:00:00.000Z'],
      ['単位', '課ごと'],
      ['宛先', '保健所/健康推進課'],
      ['部', '保健所'],
      ['課', '健康推進課'],
      ['表', '旭川市'],
      ['行のハッシュ', health.rowsHash],
    ]);
  });

  it('explains in Japanese what to change, how to add and drop a row, and what not to touch', () => {
    const book = XLSX.read(bytes, { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['記入のしかた'] as XLSX.WorkSheet, { header: 1, raw: true });
    expect(rows.slice(0, 6)).toEqual([
      ['計画に基づく取組事業一覧の照会　記入のしかた'],
      [],
      ['照会の内容', ''],
      ['宛先', '保健所 健康推進課'],
      ['送付日', '2025年4月1日'],
      ['記入するシート', '「旭川市」（貴課の取組 5 件）'],
    ]);
    expect(rows.map((row) => row[0])).toEqual(
      expect.arrayContaining(['内容を変えるとき', '取組を加えるとき', '取組をやめるとき', '変えないでください', '返送のしかた']),
    );
  });

  it('is written alike for the same send, and reads back as the rows sent', async () => {
    expect(Buffer.compare(await writeSectionWorkbook(annex, send, health), bytes)).toBe(0);
    const read = readAnnexWorkbook(bytes, { fileName: 'back.xlsx' });
    expect(read.ok && read.value.document.tables.city.rows).toEqual(health.rows.map((sent) => sent.row));
  });

  it('comes back unchanged as all rows unchanged, nothing to take', async () => {
    const review = await reviewSubmissions(withSend(annex, send), [{ fileName: '取組事業一覧_保健所_健康推進課.xlsx', bytes }]);
    const [file] = mergeReport(review).files;
    expect(file?.status).toBe('ok');
    expect(file?.matched.map((row) => [row.row, row.kind])).toEqual([
      ['city-09', 'unchanged'],
      ['city-45', 'unchanged'],
      ['city-46', 'unchanged'],
      ['city-62', 'unchanged'],
      ['city-63', 'unchanged'],
    ]);
    expect([file?.changes, file?.added, file?.deleted, file?.conflicts, file?.problems]).toEqual([[], [], [], [], []]);
  });
});
