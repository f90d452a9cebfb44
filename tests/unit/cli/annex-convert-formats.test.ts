import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import builtinJson from '../../../data/annex-2024.json';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';
import { annex } from '../support/run-annex';



let dir = '';
const at = (name: string): string => join(dir, name);
const json = (name: string): unknown => JSON.parse(readFileSync(at(name), 'utf8'));
const withoutIds = (rows: readonly { id: string }[]) => rows.map(({ id: _id, ...rest }) => rest);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'annex-convert-'));
  expect((await annex('export-default', at('annex.json'))).code).toBe(0);
  expect((await annex('convert', at('annex.json'), at('annex.xlsx'))).code).toBe(0);
});

describe('annex convert between every pair of formats', () => {
  it('json → xlsx → json and xlsx → xlsx keep the document identical', async () => {
    expect((await annex('convert', at('annex.xlsx'), at('back.json'))).code).toBe(0);
    expect(json('back.json')).toEqual(builtinJson);
    expect((await annex('convert', at('annex.xlsx'), at('again.xlsx'))).code).toBe(0);
    expect((await annex('convert', at('again.xlsx'), at('again.json'))).code).toBe(0);
    expect(json('again.json')).toEqual(builtinJson);
  });

  it('reads .xls and .ods saved by LibreOffice back to the same document', async () => {
    const xlsx = new Uint8Array(readFileSync(at('annex.xlsx')));
    for (const target of ['xls', 'ods'] as const) {
      writeFileSync(at(`annex.${target}`), convertWithLibreOffice(xlsx, target));
      const { code, stderr } = await annex('convert', at(`annex.${target}`), at(`from-${target}.json`));
      expect(code, stderr).toBe(0);
      expect(json(`from-${target}.json`)).toEqual(builtinJson);
    }
  });

  it('reads a CSV of the city table against the built-in structure, warning that the council table is absent', async () => {
    const workbook = XLSX.read(readFileSync(at('annex.xlsx')));
    const city = workbook.Sheets[workbook.SheetNames[0] as string] as XLSX.WorkSheet;
    writeFileSync(at('city.csv'), `\uFEFF${XLSX.utils.sheet_to_csv(city)}`);
    const { code, stderr } = await annex('convert', at('city.csv'), at('from-csv.json'), '--base', 'builtin');
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^警告: .*city\.csv/m);
    const converted = json('from-csv.json') as typeof builtinJson;
    expect(withoutIds(converted.tables.city.rows)).toEqual(withoutIds(builtinJson.tables.city.rows));
    expect(converted.tables.council.rows).toEqual([]);
  });

  it('validate takes Excel files', async () => {
    const { code, stdout } = await annex('validate', at('annex.xlsx'), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).tables).toEqual({ city: { rows: 76, marks: 164 }, council: { rows: 11, marks: 33 } });
  });

  it('a header band unlike the structure is refused with the column, or adopted as a new structure on request', async () => {
    const workbook = XLSX.read(readFileSync(at('annex.xlsx')));
    workbook.SheetNames = workbook.SheetNames.filter((name) => name !== '構造');
    let renamed = '';
    for (const name of ['旭川市', '社会福祉協議会']) {
      const sheet = workbook.Sheets[name] as XLSX.WorkSheet;
      const address = Object.keys(sheet).find((key) => sheet[key]?.v === '多様なつながりを育む') as string;
      sheet[address] = { t: 's', v: '多様なつながりを広げる' };
      if (name === '旭川市') renamed = address;
    }
    writeFileSync(at('renamed.xlsx'), XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));

    const refused = await annex('validate', at('renamed.xlsx'), '--base', 'builtin');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('renamed.xlsx');
    expect(refused.stderr).toContain(`シート「旭川市」 セル ${renamed}: 列 ${renamed.replace(/\d+$/, '')}`);
    expect(refused.stderr).toContain('多様なつながりを育む');

    const adopted = await annex('convert', at('renamed.xlsx'), at('adopted.json'), '--base', 'builtin', '--adopt-structure');
    expect(adopted.code, adopted.stderr).toBe(0);
    const document = json('adopted.json') as typeof builtinJson;
    const titles = document.plan.visions.flatMap((vision) => vision.concepts.map((concept) => concept.title));
    expect(titles).toContain('多様なつながりを広げる');
    expect(document.tables.city.rows).toHaveLength(76);
  });

  it('refuses to write a format it cannot write', async () => {
    const { code, stderr } = await annex('convert', at('annex.json'), at('out.ods'));
    expect(code).toBe(2);
    expect(stderr).toContain('この形式では書き出せません');
  });
});
