import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import builtinJson from '../../../data/annex-2024.json';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { TABLE_KINDS } from '../../../shared/model/annex-document';
import { markColumns } from '../../../shared/model/plan';
import { validateDocument } from '../../../shared/validation/validator';
import { seedPath } from '../support/paths';

const document = builtinAnnex();
// The text layer separates cells by spaces and wraps lines; neither is part of the text.
const seed = readFileSync(seedPath, 'utf8').replace(/[ \n]/g, '');

/** Where the printed row begins in the seed, and how many ○ follow its text. */
function findInSeed(printed: string, from: number): { index: number; marks: number } {
  const index = seed.indexOf(printed, from);
  if (index < 0) return { index, marks: -1 };
  const rest = seed.slice(index + printed.length);
  return { index, marks: /^○*/.exec(rest)?.[0].length ?? 0 };
}

describe('the built-in 2024 annex', () => {
  it('has 76 city rows and 11 council rows', () => {
    expect(document.tables.city.rows).toHaveLength(76);
    expect(document.tables.council.rows).toHaveLength(11);
  });

  it('has the 2024 header tree: 4 visions, 11 concepts, 12 mark columns', () => {
    expect(document.plan.visions).toHaveLength(4);
    expect(document.plan.visions.flatMap((vision) => vision.concepts)).toHaveLength(11);
    const columns = markColumns(document.plan);
    expect(columns).toHaveLength(12);
    expect(columns.filter((column) => column.subColumn).map((column) => column.title)).toEqual([
      '旭川市成年後見制度利用促進計画関係',
      '旭川市再犯防止推進計画関係',
    ]);
  });

  for (const table of TABLE_KINDS) {
    it(`keeps every ${table} row's text and ○ count exactly as in the source, in the printed order`, () => {
      let from = 0;
      document.tables[table].rows.forEach((row, index) => {
        const left = table === 'city' ? `${row.departments.join('・')}${row.sections.join('・')}` : '';
        const printed = `${index + 1}${left}${row.title}${row.summary}`;
        const found = findInSeed(printed, from);
        expect(found.index, `${table} 通し番号 ${index + 1} not found in the seed as printed`).toBeGreaterThanOrEqual(0);
        expect(found.marks, `${table} 通し番号 ${index + 1}: ○ count`).toBe(row.marks.length);
        from = found.index + printed.length;
      });
    });
  }

  it('has no line breaks and no cell-separating spaces left in its text', () => {
    for (const table of TABLE_KINDS) {
      for (const row of document.tables[table].rows) {
        for (const text of [row.title, row.summary, ...row.departments, ...row.sections]) {
          expect(text).not.toMatch(/[\n ]/);
        }
      }
    }
  });

  it('splits multi-valued 部 and 課 and leaves 関係部局 without a 課', () => {
    const city = document.tables.city.rows;
    expect(city[11]?.sections).toEqual(['福祉保険課', '長寿社会課', '障害福祉課', '保護課']);
    expect(city[63]?.departments).toEqual(['建築部', '土木部']);
    expect(city[63]?.sections).toEqual(['公共建築課', '土木総務課', '公園みどり課']);
    expect(city[70]?.sections).toEqual(['長寿社会課', '子ども総合相談センター']);
    for (const number of [13, 14, 15, 47, 49]) {
      expect(city[number - 1]?.departments).toEqual(['関係部局']);
      expect(city[number - 1]?.sections).toEqual([]);
    }
  });

  it('marks the rows of 地域像１（２） under its sub-columns, row 16 under 再犯防止 alone', () => {
    const city = document.tables.city.rows;
    for (const number of [11, 12, 13]) expect(city[number - 1]?.marks).toContain('v1-2-guardianship');
    for (const number of [14, 15, 16, 17, 18]) expect(city[number - 1]?.marks).toContain('v1-2-reoffending');
    expect(city[15]?.marks).toEqual(['v1-2-reoffending']);
  });

  it('says in the data file that the mark positions are reconstructed', () => {
    expect(builtinJson.provenance.reconstructed).toEqual(['marks']);
    expect(builtinJson.provenance.notes.join('\n')).toMatch(/再構成/);
    expect(builtinJson.provenance.notes.join('\n')).toMatch(/reconstructed/);
  });

  it('validates without errors; its warnings are the ones the README lists', () => {
    const issues = validateDocument(document);
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    const numbers = new Map(
      TABLE_KINDS.flatMap((table) => document.tables[table].rows.map((row, index) => [row.id, `${table} ${index + 1}`])),
    );
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const issue of issues) {
      const where = numbers.get(issue.rowId) ?? '';
      const [table, number] = where.split(' ');
      const label = table === 'city' ? '旭川市' : '社会福祉協議会';
      expect(readme, `README lists ${issue.rule} at ${where}`).toContain(`| ${label} ${number} | ${issue.rule} |`);
    }
    expect(issues.map((issue) => `${numbers.get(issue.rowId)} ${issue.rule}`)).toEqual([
      'city 32 text-sentence-end',
      'city 36 text-outer-spaces',
      'city 36 text-doubled-chars',
      'city 38 text-sentence-end',
      'city 46 text-punctuation',
      'city 60 text-sentence-end',
      'council 6 text-outer-spaces',
      'council 7 text-outer-spaces',
      'council 8 text-outer-spaces',
      'council 9 text-outer-spaces',
      'council 10 text-outer-spaces',
      'council 10 text-sentence-end',
      'council 11 text-punctuation',
    ]);
  });
});
