import { describe, expect, it } from 'vitest';
import { joinListText, splitListText } from '../../../shared/clipboard/list-text';
import { readMark } from '../../../shared/excel/mark-values';

describe('mark text (the importer readMark, reused by paste)', () => {
  it.each(['○', '〇', '◯', '●', '◎', '✓', '✔', 'レ', 'ﾚ', '1', '１', 'TRUE', ' ○ '])('reads %j as a mark', (text) => {
    expect(readMark(text)).toBe('mark');
  });

  it.each(['', 'FALSE'])('reads %j as no mark', (text) => {
    expect(readMark(text)).toBe('none');
  });

  it.each(['×', 'x', '2', '○○'])('does not guess %j', (text) => {
    expect(readMark(text)).toBe('invalid');
  });
});

describe('list text', () => {
  it('splits 部/課 on line breaks and 「・」, trimming and dropping blanks', () => {
    expect(splitListText('福祉保険課・長寿社会課\r\n障害福祉課\n\n 保護課 ')).toEqual(['福祉保険課', '長寿社会課', '障害福祉課', '保護課']);
    expect(splitListText('')).toEqual([]);
  });

  it('joins one value a line, so a copied cell reads back', () => {
    expect(splitListText(joinListText(['建築部', '土木部']))).toEqual(['建築部', '土木部']);
  });
});
