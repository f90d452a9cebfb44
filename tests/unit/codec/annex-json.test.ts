import { describe, expect, it } from 'vitest';
import builtinJson from '../../../data/annex-2024.json';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { parseAnnexJson, stringifyAnnexJson } from '../../../shared/codec/annex-json';
import type { LoadProblem } from '../../../shared/model/load-problem';

type Json = typeof builtinJson;
const clone = (): Json => structuredClone(builtinJson);

function problemsOf(value: unknown): LoadProblem[] {
  const result = parseAnnexJson(typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error('expected the document to be refused');
  return result.error;
}

describe('the JSON form', () => {
  it('writes the bundled data file byte for byte, and reads back the same document', () => {
    const document = builtinAnnex();
    const text = stringifyAnnexJson(document);
    expect(JSON.parse(text)).toEqual(builtinJson);
    const again = parseAnnexJson(text);
    expect(again.ok && again.value).toEqual(document);
  });

  it('orders marks by column, whatever order the file gives', () => {
    const json = clone();
    json.tables.city.rows[0]!.marks = ['v3-3', 'v1-1', 'v2-1'];
    const result = parseAnnexJson(JSON.stringify(json));
    expect(result.ok && result.value.tables.city.rows[0]?.marks).toEqual(['v1-1', 'v2-1', 'v3-3']);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    expect(parseAnnexJson(`\uFEFF${JSON.stringify(builtinJson)}`).ok).toBe(true);
  });

  it('refuses text that is not JSON, saying where', () => {
    const [problem] = problemsOf('{\n  "schemaVersion": 1,\n  oops\n}');
    expect(problem?.code).toBe('invalid-json');
    expect(problem?.message).toMatch(/^JSON として読めません（3 行 3 文字目/);
  });

  it('refuses a file without schemaVersion, or from a newer version', () => {
    const { schemaVersion: _dropped, ...withoutVersion } = clone();
    expect(problemsOf(withoutVersion)[0]).toMatchObject({ path: 'schemaVersion', message: 'schemaVersion がありません' });
    expect(problemsOf({ ...clone(), schemaVersion: 2 })[0]).toMatchObject({ code: 'unsupported-version' });
    expect(problemsOf([1, 2])[0]?.message).toMatch(/最上位がオブジェクトではありません/);
  });

  it('refuses unknown keys, naming the row as the annex numbers it', () => {
    const json = clone() as unknown as { tables: { council: { rows: Record<string, unknown>[] } } };
    json.tables.council.rows[2]!.number = 3;
    expect(problemsOf(json)[0]).toMatchObject({
      code: 'schema',
      path: 'tables.council.rows[2]（社会福祉協議会 通し番号 3）',
      message: expect.stringContaining('"number"'),
    });
  });

  it('refuses wrong types and missing keys', () => {
    const wrongType = clone() as unknown as { tables: { city: { rows: Record<string, unknown>[] } } };
    wrongType.tables.city.rows[4]!.title = 42;
    expect(problemsOf(wrongType)[0]).toMatchObject({ path: 'tables.city.rows[4]（旭川市 通し番号 5）.title' });
    const missing = clone() as unknown as { plan: Record<string, unknown> };
    delete missing.plan.philosophy;
    expect(problemsOf(missing)[0]).toEqual({ code: 'schema', path: 'plan.philosophy', message: '必須の項目がありません' });
  });

  it('refuses marks that name no mark column, or a concept that has sub-columns', () => {
    const json = clone();
    json.tables.city.rows[9]!.marks = ['v1-1', 'v9-9'];
    expect(problemsOf(json)[0]).toMatchObject({ code: 'structure', path: 'tables.city.rows[9].marks[1]' });
    const concept = clone();
    concept.tables.city.rows[10]!.marks = ['v1-2'];
    expect(problemsOf(concept)[0]?.message).toMatch(/「v1-2」という○の列はありません/);
  });

  it('refuses a mark given twice, a row id used twice, a plan id used twice', () => {
    const twice = clone();
    twice.tables.city.rows[0]!.marks = ['v1-1', 'v1-1'];
    expect(problemsOf(twice)[0]?.message).toMatch(/二度あります/);
    const rowIds = clone();
    rowIds.tables.council.rows[0]!.id = 'city-05';
    expect(problemsOf(rowIds)[0]).toMatchObject({ path: 'tables.council.rows[0].id', message: expect.stringContaining('tables.city.rows[4]') });
    const planIds = clone();
    planIds.plan.visions[1]!.concepts[0]!.id = 'v1-1';
    expect(problemsOf(planIds)[0]?.path).toBe('plan.visions[1].concepts[0]');
  });

  it('refuses a master where a 課 belongs to two 部', () => {
    const json = clone();
    json.masters.departments[1]!.sections.push('福祉保険課');
    expect(problemsOf(json)[0]?.message).toBe('課「福祉保険課」は既に部「福祉保険部」に属しています');
  });

  it('refuses ids that could not be written safely as keys', () => {
    const json = clone();
    json.tables.city.rows[0]!.id = '__proto__';
    expect(problemsOf(json)[0]?.path).toBe('tables.city.rows[0]（旭川市 通し番号 1）.id');
  });
});
