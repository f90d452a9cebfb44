import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnnexJson } from '../../../shared/codec/annex-json';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { editSectionWorkbook, truncated } from '../../fixtures-src/submission-fixtures';
import { annex } from '../support/run-annex';

/** The `annex template` and `annex merge` commands as a user runs them, on files in a temporary folder. */

let dir = '';
const path = (...parts: string[]): string => join(dir, ...parts);
const readAnnex = (file: string): AnnexDocument => {
  const parsed = parseAnnexJson(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.map((problem) => problem.message).join('\n'));
  return parsed.value;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annex-submissions-'));
  expect((await annex('export-default', path('annex.json'))).code).toBe(0);
});

describe('annex template', () => {
  it('writes one workbook per 課 and records the send in the annex with --record', async () => {
    const { code, stdout, stderr } = await annex('template', path('annex.json'), '--out-dir', path('out'), '--record');
    expect([code, stderr]).toEqual([0, '']);
    const ledger = readAnnex(path('annex.json')).ledger;
    const [send] = ledger?.sends ?? [];
    expect(send?.id).toMatch(/^s\d{8}-[0-9a-f]{8}$/);
    expect(send?.recipients).toHaveLength(23);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`送付ID ${send?.id}（課ごと、23 ファイル）`);
    expect(lines[6]).toBe('  取組事業一覧_保健所_健康推進課.xlsx\t保健所 健康推進課\t5 行');
    expect(lines[24]).toBe(`送付記録を ${path('annex.json')} に書き込みました`);
    expect(readdirSync(path('out'))).toHaveLength(23);
  });

  it('writes one workbook per 部 with --by department, and records nothing without --record', async () => {
    const before = readFileSync(path('annex.json'), 'utf8');
    const { code, stdout } = await annex('template', path('annex.json'), '--out-dir', path('by-department'), '--by', 'department');
    expect(code).toBe(0);
    expect(readdirSync(path('by-department')).sort()).toEqual(
      ['福祉保険部', '保健所', '学校教育部', '関係部局', '市民生活部', '子育て支援部', '社会教育部', '建築部', '土木部', '環境部', '防災安全部', '社会福祉協議会']
        .map((name) => `取組事業一覧_${name}.xlsx`)
        .sort(),
    );
    expect(stdout).toContain('送付記録は書き込んでいません。--record を付けると');
    expect(readFileSync(path('annex.json'), 'utf8')).toBe(before);
  });

  it('refuses a missing folder option, an unknown unit, and a record it cannot write', async () => {
    expect(await annex('template', path('annex.json'))).toMatchObject({ code: 2, stderr: 'annex template: 書き出すフォルダーを --out-dir で指定してください\n' });
    expect(await annex('template', path('annex.json'), '--out-dir', path('x'), '--by', 'team')).toMatchObject({
      code: 2,
      stderr: '--by には section か department を指定してください（指定: team）\n',
    });
    writeFileSync(path('annex.csv'), 'a');
    expect(await annex('template', path('annex.csv'), '--out-dir', path('x'), '--record')).toMatchObject({
      code: 2,
      stderr: `${path('annex.csv')}: この形式には送付記録を書き込めません（書き込める形式: .json, .xlsx）\n`,
    });
  });
});

describe('annex merge', () => {
  let merged: AnnexDocument;
  let result: Awaited<ReturnType<typeof annex>>;

  beforeAll(async () => {
    const document = readAnnex(path('annex.json'));
    const health = readFileSync(path('out', '取組事業一覧_保健所_健康推進課.xlsx'));
    mkdirSync(path('returns'));
    writeFileSync(
      path('returns', '取組事業一覧_保健所_健康推進課.xlsx'),
      editSectionWorkbook(health, document, 'city', (sheet) => sheet.setText('city-62', 'title', '健康アプリの運用と普及').setMark('city-09', 'v2-1', 1)),
    );
    writeFileSync(path('returns', '取組事業一覧_防災安全部_防災課.xlsx'), truncated(readFileSync(path('out', '取組事業一覧_防災安全部_防災課.xlsx'))));
    result = await annex('merge', path('annex.json'), path('returns'), path('out', '取組事業一覧_土木部_雪対策課.xlsx'), '--report', path('report.json'), '--apply', path('merged.json'));
    merged = readAnnex(path('merged.json'));
  });

  it('says per file what it found, and exits 1 when a file cannot be taken', () => {
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split('\n')).toEqual([
      '取組事業一覧_保健所_健康推進課.xlsx\t取り込めます（保健所/健康推進課）\t変更 2・追加 0・削除 0・競合 0・取り込まない行 0',
      '取組事業一覧_防災安全部_防災課.xlsx\t読めません',
      '  取組事業一覧_防災安全部_防災課.xlsx: ZIP 形式のファイルとして壊れています（終わりにある中央ディレクトリが見つかりません）。ファイルが途中で切れていないか確かめてください',
      '取組事業一覧_土木部_雪対策課.xlsx\t取り込めます（土木部/雪対策課）\t変更 0・追加 0・削除 0・競合 0・取り込まない行 0',
      `${path('merged.json')}: 提出の取り込み（2 ファイル・2 行）。取り込んだ行の検証: エラー 0 件、警告 0 件`,
    ]);
  });

  it('writes the report as JSON', () => {
    const report = JSON.parse(readFileSync(path('report.json'), 'utf8'));
    const sendId = readAnnex(path('annex.json')).ledger?.sends[0]?.id;
    expect(report.files.map((file: { file: string; status: string; sendId: string | null }) => [file.file, file.status, file.sendId])).toEqual([
      ['取組事業一覧_保健所_健康推進課.xlsx', 'ok', sendId],
      ['取組事業一覧_防災安全部_防災課.xlsx', 'unreadable', null],
      ['取組事業一覧_土木部_雪対策課.xlsx', 'ok', sendId],
    ]);
    expect(report.files[0].changes).toEqual([
      { row: 'city-09', number: 9, field: 'mark:v2-1', base: false, theirs: true, ours: false },
      { row: 'city-62', number: 62, field: 'title', base: '健康アプリの運用', theirs: '健康アプリの運用と普及', ours: '健康アプリの運用' },
    ]);
    expect(report.applied.map((receipt: { fileName: string; applied: unknown[] }) => [receipt.fileName, receipt.applied])).toEqual([
      [
        '取組事業一覧_保健所_健康推進課.xlsx',
        [
          { table: 'city', rowId: 'city-09', kind: 'changed', fields: ['mark:v2-1'] },
          { table: 'city', rowId: 'city-62', kind: 'changed', fields: ['title'] },
        ],
      ],
      ['取組事業一覧_土木部_雪対策課.xlsx', []],
    ]);
  });

  it('writes the annex with the changes and the receipts, the input untouched', () => {
    expect(merged.tables.city.rows[8]?.marks).toEqual(['v1-1', 'v2-1']);
    expect(merged.tables.city.rows[61]?.title).toBe('健康アプリの運用と普及');
    expect(merged.ledger?.receipts.map((receipt) => [receipt.fileName, receipt.recipient])).toEqual([
      ['取組事業一覧_保健所_健康推進課.xlsx', '保健所/健康推進課'],
      ['取組事業一覧_土木部_雪対策課.xlsx', '土木部/雪対策課'],
    ]);
    expect(readAnnex(path('annex.json')).ledger?.receipts).toEqual([]);
  });

  it('prints the report on stdout without --report; files taken in before change nothing and need no attention', async () => {
    const again = await annex('merge', path('merged.json'), path('returns', '取組事業一覧_保健所_健康推進課.xlsx'));
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.files.map((file: { status: string }) => file.status)).toEqual(['duplicate']);
    expect(report.applied).toBeUndefined();
  });

  it('refuses a file that is not there', async () => {
    expect(await annex('merge', path('annex.json'), path('nothing.xlsx'))).toMatchObject({ code: 2, stderr: `${path('nothing.xlsx')}: ファイルが見つかりません\n` });
  });
});
