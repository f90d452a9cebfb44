import { describe, expect, it } from 'vitest';
import { paginateFixedRows, paginateRows, planPages, summarizePages } from '../../../shared/print/paginate';
import type { PrintOptions } from '../../../shared/print/print-options';
import fc from 'fast-check';

const OPTIONS: PrintOptions = { tables: ['city', 'council'], paper: 'A3', startPage: 1, overview: false };

describe('paginateRows', () => {
  it('fills each page with the rows that fit, in order', () => {
    expect(paginateRows([30, 30, 30, 30, 30], 100)).toEqual([
      { start: 0, end: 3, oversize: false },
      { start: 3, end: 5, oversize: false },
    ]);
  });

  it('takes a row that exactly fills the room, and one that rounds a hair over', () => {
    expect(paginateRows([50, 50, 50], 100)).toEqual([
      { start: 0, end: 2, oversize: false },
      { start: 2, end: 3, oversize: false },
    ]);
    expect(paginateRows([50, 50.005], 100)).toEqual([{ start: 0, end: 2, oversize: false }]);
  });

  it('gives a row taller than a page a page of its own, marked oversize', () => {
    expect(paginateRows([40, 250, 40, 40, 300], 100)).toEqual([
      { start: 0, end: 1, oversize: false },
      { start: 1, end: 2, oversize: true },
      { start: 2, end: 4, oversize: false },
      { start: 4, end: 5, oversize: true },
    ]);
  });

  it('prints an empty table as one page (its title and band)', () => {
    expect(paginateRows([], 100)).toEqual([{ start: 0, end: 0, oversize: false }]);
  });

  it('places every row on exactly one page, never splits one, and never overfills a page', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 150, noNaN: true }), { maxLength: 200 }), fc.double({ min: 20, max: 120, noNaN: true }), (heights, capacity) => {
        const pages = paginateRows(heights, capacity);
        const covered = pages.flatMap((page) => Array.from({ length: page.end - page.start }, (_, i) => page.start + i));
        expect(covered).toEqual(heights.map((_, index) => index));
        for (const page of pages) {
          const used = heights.slice(page.start, page.end).reduce((sum, height) => sum + height, 0);
          if (page.oversize) expect(page.end - page.start).toBe(1);
          else expect(used).toBeLessThanOrEqual(capacity + 0.01);
        }
        // Greedy: the next page's first row would not have fitted on the page before.
        pages.slice(1).forEach((page, index) => {
          const before = pages[index];
          if (!before || before.oversize || page.start >= heights.length) return;
          const used = heights.slice(before.start, before.end).reduce((sum, height) => sum + height, 0);
          expect(used + (heights[page.start] ?? 0)).toBeGreaterThan(capacity + 0.01);
        });
      }),
    );
  });
});

describe('paginateFixedRows', () => {
  it('deals lines of one height into pages of a fixed number', () => {
    expect(paginateFixedRows(5, 2)).toEqual([
      { start: 0, end: 2, oversize: false },
      { start: 2, end: 4, oversize: false },
      { start: 4, end: 5, oversize: false },
    ]);
    expect(paginateFixedRows(0, 10)).toEqual([{ start: 0, end: 0, oversize: false }]);
    expect(paginateFixedRows(3, 0)).toHaveLength(3);
  });
});

describe('planPages and summarizePages', () => {
  const city = [
    { start: 0, end: 10, oversize: false },
    { start: 10, end: 12, oversize: true },
  ];
  const council = [{ start: 0, end: 11, oversize: false }];

  it('numbers pages on from the start page, city first, the overview last', () => {
    const pages = planPages({ ...OPTIONS, tables: ['council', 'city'], startPage: 5, overview: true }, { city, council }, [{ start: 0, end: 13, oversize: false }]);
    expect(pages.map((page) => [page.kind === 'table' ? page.table : 'overview', page.number])).toEqual([
      ['city', 5],
      ['city', 6],
      ['council', 7],
      ['overview', 8],
    ]);
    expect(summarizePages(pages)).toEqual({
      pages: 4,
      parts: [
        { part: 'city', firstPage: 5, pages: 2 },
        { part: 'council', firstPage: 7, pages: 1 },
        { part: 'overview', firstPage: 8, pages: 1 },
      ],
      oversizeRows: [{ table: 'city', number: 11 }],
    });
  });

  it('prints only the chosen tables, and no overview unless asked', () => {
    const pages = planPages({ ...OPTIONS, tables: ['council'] }, { city, council }, [{ start: 0, end: 3, oversize: false }]);
    expect(pages).toEqual([{ kind: 'table', table: 'council', slice: council[0], number: 1 }]);
  });
});
