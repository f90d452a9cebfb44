import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { TABLE_KINDS } from '../../../shared/model/annex-document';
import { applyFix, applyFixEdit, applySafeFixes } from '../../../shared/validation/apply-fixes';
import type { ValidationIssue } from '../../../shared/validation/issue';
import { createValidator, validateDocument } from '../../../shared/validation/validator';
import { makeDocument } from '../support/document-builder';

const summaryOf = (issues: readonly ValidationIssue[]): string[] =>
  issues.map((issue) => `${issue.table}:${issue.rowId}:${issue.rule}`);

describe('applySafeFixes on the built-in annex', () => {
  const original = builtinAnnex();
  const before = validateDocument(original);
  const { document: fixed, applied } = applySafeFixes(original, createValidator());
  const after = validateDocument(fixed);

  it('starts from the known safe-fixable warnings', () => {
    expect(summaryOf(before.filter((issue) => issue.fix?.safe))).toEqual([
      'city:city-32:text-sentence-end',
      'city:city-36:text-outer-spaces',
      'city:city-38:text-sentence-end',
      'city:city-46:text-punctuation',
      'city:city-60:text-sentence-end',
      'council:council-06:text-outer-spaces',
      'council:council-07:text-outer-spaces',
      'council:council-08:text-outer-spaces',
      'council:council-09:text-outer-spaces',
      'council:council-10:text-outer-spaces',
      'council:council-10:text-sentence-end',
      'council:council-11:text-punctuation',
    ]);
    // council-10 has two safe problems in one cell: fixed over two rounds, one fix each.
    expect(applied).toBe(12);
  });

  it('removes every safe-fixable warning and leaves the unsafe doubled character of city 36', () => {
    expect(after.filter((issue) => issue.fix?.safe)).toEqual([]);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      rule: 'text-doubled-chars',
      severity: 'warning',
      table: 'city',
      rowId: 'city-36',
      column: { kind: 'field', field: 'summary' },
      fix: { safe: false },
    });
  });

  it('writes the fixed values', () => {
    const city = new Map(fixed.tables.city.rows.map((row) => [row.id, row]));
    const council = new Map(fixed.tables.council.rows.map((row) => [row.id, row]));
    expect(city.get('city-36')?.summary).toMatch(/^「介護」，/);
    expect(city.get('city-36')?.summary).toContain('対応応する');
    expect(city.get('city-46')?.summary).toBe(
      '難病患者及び家族等が抱えている療養上の悩みや不安の軽減のため，保健師が難病に関する相談に応じます。また，難病ハンドブックを作成し，各種サービスや相談窓口についての情報提供を行います。',
    );
    for (const id of ['council-06', 'council-07', 'council-08', 'council-09']) {
      const summary = council.get(id)?.summary ?? '';
      expect(summary).not.toMatch(/^[\s　]|[\s　]$/);
      expect(summary).toBe(original.tables.council.rows.find((row) => row.id === id)?.summary.trim());
    }
    expect(council.get('council-10')?.summary).toMatch(/^福祉の職場で.*環境をつくります。$/);
    expect(city.get('city-32')?.summary).toMatch(/「くらしのアプリ」を運用します。$/);
    expect(council.get('council-11')?.summary).not.toContain('，');
    expect(council.get('council-11')?.summary).toContain('担っており、居住支援セミナー');
  });

  it('never touches a row without issues', () => {
    const rowsWithIssues = new Set(before.map((issue) => `${issue.table}:${issue.rowId}`));
    for (const table of TABLE_KINDS) {
      original.tables[table].rows.forEach((row, index) => {
        const next = fixed.tables[table].rows[index];
        expect(next?.id).toBe(row.id);
        if (rowsWithIssues.has(`${table}:${row.id}`)) expect(next).not.toBe(row);
        else expect(next).toBe(row);
      });
    }
    // The input document is not changed.
    expect(validateDocument(original)).toEqual(before);
  });
});

describe('applySafeFixes', () => {
  it('returns the same document when there is nothing to fix', () => {
    const document = makeDocument({ city: [{}], council: [{}] });
    const result = applySafeFixes(document, createValidator());
    expect(result.document).toBe(document);
    expect(result.applied).toBe(0);
  });

  it('fixes one cell in several rounds when it has several safe problems', () => {
    const document = makeDocument({ city: [{ title: '　生活ｻﾎﾟｰﾄ事業' }] });
    expect(summaryOf(validateDocument(document))).toEqual(['city:c1:text-outer-spaces', 'city:c1:text-halfwidth-kana']);
    const result = applySafeFixes(document, createValidator());
    expect(result.applied).toBe(2);
    expect(result.document.tables.city.rows[0]?.title).toBe('生活サポート事業');
    expect(validateDocument(result.document)).toEqual([]);
  });

  it('does not apply unsafe fixes', () => {
    const document = makeDocument({ council: [{ summary: '制度についてについて説明します。' }] });
    const result = applySafeFixes(document, createValidator());
    expect(result.document).toBe(document);
    expect(result.applied).toBe(0);
  });
});

describe('applyFix', () => {
  it('applies the unsafe fix of city 36: 「対応応する」 becomes 「対応する」', () => {
    const document = builtinAnnex();
    const issue = validateDocument(document).find((candidate) => candidate.rule === 'text-doubled-chars');
    expect(issue).toMatchObject({ table: 'city', rowId: 'city-36', fix: { safe: false } });
    if (!issue) return;
    const next = applyFix(document, issue);
    const before = document.tables.city.rows[35];
    const after = next.tables.city.rows[35];
    expect(after?.id).toBe('city-36');
    expect(after?.summary).toContain('事例に対応するとともに');
    expect(after?.summary).not.toContain('対応応');
    expect(after?.summary).toBe(before?.summary.replace('対応応する', '対応する'));
    // Only that row changes; the outer space the fix did not touch is still reported.
    next.tables.city.rows.forEach((row, index) => {
      if (index !== 35) expect(row).toBe(document.tables.city.rows[index]);
    });
    expect(next.tables.council).toBe(document.tables.council);
    expect(summaryOf(validateDocument(next).filter((candidate) => candidate.rowId === 'city-36'))).toEqual([
      'city:city-36:text-outer-spaces',
    ]);
  });

  it('returns the document itself for a problem without a fix', () => {
    const document = makeDocument({ city: [{ marks: [] }] });
    const [issue] = validateDocument(document);
    expect(issue).toMatchObject({ rule: 'marks-required' });
    expect(issue?.fix).toBeUndefined();
    if (!issue) return;
    expect(applyFix(document, issue)).toBe(document);
  });

  it('applyFixEdit replaces a list field', () => {
    const [row] = makeDocument({ city: [{ sections: ['福祉保険課', ''] }] }).tables.city.rows;
    if (!row) throw new Error('no row');
    expect(applyFixEdit(row, { field: 'sections', value: ['福祉保険課'] })).toEqual({ ...row, sections: ['福祉保険課'] });
  });
});
