import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import builtinJson from '../../../data/annex-2024.json';
import { projectRoot } from '../support/paths';
import { annex } from '../support/run-annex';

const run = promisify(execFile);



let workDir = '';
const file = (name: string, content: unknown): string => {
  const path = join(workDir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'annex-cli-'));
});

describe('annex validate', () => {
  it('validates the built-in annex: exit 0, 76 and 11 rows, warnings only', async () => {
    const { code, stdout } = await annex('validate', '--format', 'json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(report.tables).toEqual({ city: { rows: 76, marks: 164 }, council: { rows: 11, marks: 33 } });
    expect(report.issues).toContainEqual({
      rule: 'text-doubled-chars',
      severity: 'warning',
      table: 'city',
      row: 36,
      column: '取組概要',
      message: '「応応」が重なっています',
    });
  });

  it('prints a readable summary as text', async () => {
    const { code, stdout } = await annex('validate');
    expect(code).toBe(0);
    expect(stdout).toContain('旭川市 76 行・○ 164 個、社会福祉協議会 11 行・○ 33 個。エラー 0 件、警告 13 件');
  });

  it('exits 1 when the file has errors, naming row and column', async () => {
    const json = structuredClone(builtinJson);
    json.tables.city.rows[2]!.marks = [];
    json.tables.city.rows[4]!.sections = ['雪対策課'];
    const { code, stdout } = await annex('validate', file('errors.json', json), '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(false);
    expect(report.issues.filter((issue: { severity: string }) => issue.severity === 'error')).toEqual([
      { rule: 'marks-required', severity: 'error', table: 'city', row: 3, column: '基本的な考え方', message: expect.stringContaining('○が一つもありません') },
      {
        rule: 'section-belongs-to-department',
        severity: 'error',
        table: 'city',
        row: 5,
        column: '課',
        message: '課「雪対策課」は部「土木部」に属しますが、この行の部（福祉保険部）にありません',
      },
    ]);
  });

  it('exits 2 with one Japanese line and no stack trace when the file cannot be read', async () => {
    const cases = [
      [join(workDir, 'missing.json'), 'ファイルが見つかりません'],
      [file('broken.json', '{"schemaVersion": 1,'), 'JSON として読めません'],
      [file('wrong.json', { ...builtinJson, extra: true }), '認識されていないキー'],
      [file('notes.txt', 'hello'), 'この形式は読めません'],
      [workDir, 'この形式は読めません'],
    ] as const;
    for (const [path, expected] of cases) {
      const { code, stdout, stderr } = await annex('validate', path);
      expect(code, path).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n'), path).toHaveLength(1);
      expect(stderr).toContain(path);
      expect(stderr).toContain(expected);
      expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
    }
  });

  it('refuses bytes that are not UTF-8', async () => {
    const path = join(workDir, 'latin1.json');
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    const { code, stderr } = await annex('validate', path);
    expect(code).toBe(2);
    expect(stderr).toContain('UTF-8 として読めない文字');
  });
});

describe('annex convert, export-default and stats', () => {
  it('export-default writes the bundled annex; convert keeps it identical', async () => {
    const exported = join(workDir, 'default.json');
    expect((await annex('export-default', exported)).code).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual(builtinJson);
    const converted = join(workDir, 'converted.json');
    expect((await annex('convert', exported, converted)).code).toBe(0);
    expect(readFileSync(converted, 'utf8')).toBe(readFileSync(exported, 'utf8'));
  });

  it('convert refuses an output format it cannot write, and writes nothing', async () => {
    const { code, stderr } = await annex('convert', file('in.json', builtinJson), join(workDir, 'out.pdf'));
    expect(code).toBe(2);
    expect(stderr).toContain('この形式では書き出せません');
  });

  it('stats counts rows, marks and initiatives per mark column', async () => {
    const { code, stdout } = await annex('stats', '--format', 'json');
    expect(code).toBe(0);
    const { tables } = JSON.parse(stdout);
    expect(tables.city.rows).toBe(76);
    expect(tables.council.marks).toBe(33);
    const perColumn = Object.values(tables.city.marksByColumn as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(perColumn).toBe(tables.city.marks);
    expect(tables.city.marksByColumn['v1-2-reoffending']).toBe(5);
  });

  it('answers an unknown command or option with usage and exit 2', async () => {
    const unknown = await annex('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('「frobnicate」というコマンドはありません');
    const badOption = await annex('validate', '--colour');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr.trim().split('\n')[0]).toMatch(/^annex: /);
  });

  it('runs through npx as the package bin', async () => {
    const { stdout } = await run('npx', ['--no-install', 'annex', 'validate', '--format', 'json'], { cwd: projectRoot });
    expect(JSON.parse(stdout).tables.city.rows).toBe(76);
  });
});
