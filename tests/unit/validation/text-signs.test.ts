import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { wrappedLineCount, wrappedLineCountBound } from '../../../shared/excel/row-height';
import { TABLE_KINDS } from '../../../shared/model/annex-document';
import { findDoubledRuns } from '../../../shared/text/doubled-chars';
import { endsOnLetter } from '../../../shared/text/sentence-end';
import { trimText } from '../../../shared/text/trim';
import type { RowField } from '../../../shared/validation/issue';
import { ruleContext } from '../../../shared/validation/rule-context';
import { TEXT_CHECKS } from '../../../shared/validation/rules/text-hygiene';
import { countHalfWidthUnits, scanListEntry, scanText, SIGN } from '../../../shared/validation/rules/text-signs';
import { trickyText } from './tricky-text';

const document = builtinAnnex();
const RUNS = { seed: 20250301, numRuns: 3000 };

describe('a text without a rule’s sign is a text the rule leaves as it is', () => {
  it('holds for every text rule, in both tables, for 主な取組・取組概要 and for 部・課 entries', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const signs: Record<RowField, number> = { title: scanText(text), summary: scanText(text), departments: scanListEntry(text), sections: scanListEntry(text) };
        for (const table of TABLE_KINDS) {
          const context = ruleContext(document, table);
          for (const check of TEXT_CHECKS) {
            const fields: RowField[] = check.appliesToLists ? ['title', 'summary', 'departments', 'sections'] : ['title', 'summary'];
            for (const field of fields) {
              if ((signs[field] & check.signs[table]) !== 0) continue;
              expect(check.correct(text, field, context), `${check.id} ${table} ${field} ${JSON.stringify(text)}`).toBe(text);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('finds no doubled run without the doubled sign', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        if ((scanText(text) & SIGN.doubled) === 0) expect(findDoubledRuns(text), JSON.stringify(text)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('gives the sign to a run repeated at every length the rule looks for, anywhere in a text', () => {
    fc.assert(
      fc.property(trickyText, trickyText, fc.integer({ min: 3, max: 12 }), (before, after, length) => {
        const unit = '設備計画地域福祉見守り活動'.slice(0, length);
        const text = `${before}${unit}${unit}${after}`;
        if (findDoubledRuns(text).length > 0) expect(scanText(text) & SIGN.doubled).not.toBe(0);
      }),
      RUNS,
    );
  });

  it('counts half-width units as charWidthEm does', () => {
    expect(countHalfWidthUnits('ab１２ｶﾞ,　😀')).toBe(5);
  });
});

describe('the shortcuts the rules take', () => {
  it('bounds the wrapped lines of any text without line breaks, at any width', () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 1, max: 60 }), (raw, capacityEm) => {
        const text = raw.replace(/[\r\n]/g, '');
        const halfWidth = countHalfWidthUnits(text);
        const lines = wrappedLineCount(text, capacityEm * 9, 9);
        expect(wrappedLineCountBound(text.length - halfWidth / 2, halfWidth / 2, capacityEm * 9, 9)).toBeGreaterThanOrEqual(lines);
        expect(wrappedLineCountBound(text.length, text.length / 2, capacityEm * 9, 9)).toBeGreaterThanOrEqual(lines);
      }),
      RUNS,
    );
  });

  it('tells a text ending on a letter as the whole-text pattern does', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(endsOnLetter(text)).toBe(/[\p{L}\p{N}]$/u.test(text));
      }),
      RUNS,
    );
  });

  it('trims as String.prototype.trim does', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(trimText(text)).toBe(text.trim());
      }),
      RUNS,
    );
  });
});
