import type { CellValue } from './sheet-grid';

/** What a cell of the ○ matrix says: a mark, nothing, or something that must not be guessed. */
export type MarkValue = 'mark' | 'none' | 'invalid';

// After NFKC (which turns ﾚ into レ and １ into 1): the forms people use for a check mark.
const MARKS = new Set(['○', '〇', '◯', '●', '◎', '✓', '✔', 'レ', '1', 'TRUE', 'true']);
// A checkbox column stores FALSE when unchecked: that says "no mark", not something unknown.
const NONE = new Set(['', 'FALSE', 'false']);

export function readMark(value: CellValue | undefined): MarkValue {
  if (value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'mark' : 'none';
  if (typeof value === 'number') return value === 1 ? 'mark' : 'invalid';
  if (value === '○') return 'mark'; // by far the commonest: spare it the normalisation
  const text = value.normalize('NFKC').trim();
  if (MARKS.has(text)) return 'mark';
  return NONE.has(text) ? 'none' : 'invalid';
}
