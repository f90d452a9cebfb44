import { describe, expect, it } from 'vitest';
import type { AnnexRow } from '../../../shared/model/annex-document';
import {
  estimateRowHeight,
  GRID_CELL_PADDING_X_PX,
  GRID_CELL_PADDING_Y_PX,
  GRID_FONT_SIZE_PX,
  GRID_LINE_HEIGHT_PX,
  MIN_ROW_HEIGHT_PX,
  rowHeightCache,
} from '../../../renderer/src/features/grid/row-height';

const row = (fields: Partial<AnnexRow>): AnnexRow => ({ id: 'r', departments: [], sections: [], title: '', summary: '', marks: [], ...fields });
// Columns wide enough for exactly ten full-width characters.
const TEN = 10 * GRID_FONT_SIZE_PX + GRID_CELL_PADDING_X_PX;
const widths = { departments: TEN, sections: TEN, title: TEN, summary: TEN };
const height = (lines: number): number => lines * GRID_LINE_HEIGHT_PX + GRID_CELL_PADDING_Y_PX;

describe('estimateRowHeight (grid)', () => {
  it('gives an empty row one line', () => {
    expect(estimateRowHeight(row({}), widths)).toBe(MIN_ROW_HEIGHT_PX);
  });

  it('counts full-width characters as 1 em and half-width as 0.5 em', () => {
    expect(estimateRowHeight(row({ summary: 'あ'.repeat(10) }), widths)).toBe(height(1));
    expect(estimateRowHeight(row({ summary: 'あ'.repeat(11) }), widths)).toBe(height(2));
    expect(estimateRowHeight(row({ summary: '1'.repeat(20) }), widths)).toBe(height(1));
    expect(estimateRowHeight(row({ summary: 'ab cd '.repeat(4) }), widths)).toBe(height(2));
  });

  it('keeps explicit line breaks', () => {
    expect(estimateRowHeight(row({ title: 'あ\nい\r\nう' }), widths)).toBe(height(3));
  });

  it('puts each 部/課 value on a line of its own and takes the tallest cell', () => {
    expect(estimateRowHeight(row({ sections: ['福祉保険課', '長寿社会課', '障害福祉課', '保護課'] }), widths)).toBe(height(4));
    expect(estimateRowHeight(row({ departments: ['建築部', '土木部'], summary: 'あ'.repeat(25) }), widths)).toBe(height(3));
  });

  it('ignores 部/課 for a table without them', () => {
    expect(estimateRowHeight(row({ sections: ['a', 'b', 'c'] }), { title: TEN, summary: TEN })).toBe(MIN_ROW_HEIGHT_PX);
  });

  it('caches by row object, so an edited row (a new object) is measured again', () => {
    const estimate = rowHeightCache(widths);
    const first = row({ summary: 'あ' });
    expect(estimate(first)).toBe(height(1));
    expect(estimate({ ...first, summary: 'あ'.repeat(30) })).toBe(height(3));
  });
});
