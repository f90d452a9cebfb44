import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { applyCommand } from '../../../shared/editing/apply-command';
import { findMatches, replaceAllCommand, type FindQuery } from '../../../shared/editing/find-replace';

const document = builtinAnnex();
const query = (text: string, options: Partial<FindQuery> = {}): FindQuery => ({
  text,
  fields: ['departments', 'sections', 'title', 'summary'],
  matchCase: false,
  matchWidth: false,
  ...options,
});

describe('find and replace', () => {
  it('finds cells in table, row and field order', () => {
    const matches = findMatches(document, ['city'], query('雪対策課'));
    expect(matches.map((match) => `${match.rowId}:${match.field}`)).toEqual(['city-66:sections', 'city-67:sections', 'city-68:sections']);
    expect(findMatches(document, ['city', 'council'], query('成年後見支援センター')).map((match) => `${match.rowId}:${match.field}`)).toEqual([
      'city-11:title',
      'city-11:summary',
      'council-08:summary',
    ]);
  });

  it('folds width and case unless asked not to', () => {
    expect(findMatches(document, ['city'], query('ICT')).map((match) => match.rowId)).toEqual(['city-31']);
    expect(findMatches(document, ['city'], query('ICT', { matchWidth: true }))).toEqual([]);
    expect(findMatches(document, ['city'], query('cocode')).map((match) => match.rowId)).toEqual(['city-26']);
    expect(findMatches(document, ['city'], query('cocode', { matchCase: true }))).toEqual([]);
  });

  it('replaces every match in one command, inside lists too', () => {
    const replaced = replaceAllCommand(document, 'city', query('雪対策課'), '除雪課');
    expect(replaced?.count).toBe(3);
    const next = applyCommand(document, replaced!.command);
    expect(next.tables.city.rows[65]?.sections).toEqual(['長寿社会課', '除雪課']);
    expect(next.tables.city.rows[66]?.sections).toEqual(['除雪課']);
    expect(next.tables.council).toBe(document.tables.council);
  });

  it('replaces a width-folded match in the original text', () => {
    const replaced = replaceAllCommand(document, 'city', query('ICT・AI', { fields: ['summary'] }), 'デジタル');
    const next = applyCommand(document, replaced!.command);
    expect(next.tables.city.rows[30]?.summary).toMatch(/^デジタル技術を活用した/);
  });

  it('finds nothing for an empty query and returns no command when nothing matches', () => {
    expect(findMatches(document, ['city'], query(''))).toEqual([]);
    expect(replaceAllCommand(document, 'city', query('存在しない語'), 'x')).toBeUndefined();
  });
});
