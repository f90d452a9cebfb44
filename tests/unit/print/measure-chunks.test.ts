import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../../shared/model/annex-document';
import { joinChunks, nextChunk, nextChunkSize, rowsThrough, type MeasureChunk, type MeasureTables } from '../../../renderer/src/features/print/measure-chunks';

/** Every run of a job, each sized by `size(index)`. */
function runs(tables: MeasureTables, size: (index: number) => number): MeasureChunk[] {
  const chunks: MeasureChunk[] = [];
  for (let chunk = nextChunk(tables, null, size(0)); chunk; chunk = nextChunk(tables, chunk, size(chunks.length))) chunks.push(chunk);
  return chunks;
}

describe('runs of rows to measure', () => {
  it('cover every row of each table once, in order, the last row of a run drawn with the next one below it', () => {
    expect(runs([['city', 5], ['council', 2]], () => 2)).toEqual([
      { table: 'city', start: 0, end: 2, lookahead: true },
      { table: 'city', start: 2, end: 4, lookahead: true },
      { table: 'city', start: 4, end: 5, lookahead: false },
      { table: 'council', start: 0, end: 2, lookahead: false },
    ]);
  });

  it('measure an empty table as one empty run: its band sets the room of its one page', () => {
    expect(runs([['city', 0], ['council', 0]], () => 100)).toEqual([
      { table: 'city', start: 0, end: 0, lookahead: false },
      { table: 'council', start: 0, end: 0, lookahead: false },
    ]);
  });

  it('join into the rows of each whole table whatever the sizes of the runs', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(40), fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1 }), (city, council, sizes) => {
        const tables: MeasureTables = [
          ['city', city],
          ['council', council],
        ];
        const chunks = runs(tables, (index) => sizes[index % sizes.length] as number);
        // A row's height is its table's initial and its number: any slip or double shows.
        const height = (table: TableKind, row: number): number => (table === 'city' ? 1_000 : 2_000) + row;
        const joined = joinChunks(
          chunks.map((chunk) => [chunk, { rowHeights: Array.from({ length: chunk.end - chunk.start }, (_, index) => height(chunk.table, chunk.start + index)), capacity: 500 }] as const),
        );
        expect(joined.city?.rowHeights).toEqual(Array.from({ length: city }, (_, row) => height('city', row)));
        expect(joined.council?.rowHeights).toEqual(Array.from({ length: council }, (_, row) => height('council', row)));
        const last = chunks.at(-1);
        expect(last && rowsThrough(tables, last)).toBe(city + council);
      }),
    );
  });

  it('refuse a run that did not measure its rows', () => {
    const chunk: MeasureChunk = { table: 'city', start: 0, end: 3, lookahead: true };
    expect(() => joinChunks([[chunk, { rowHeights: [10, 10], capacity: 500 }]])).toThrow('印刷用の表を測れませんでした');
  });

  it('grow towards the rows that fit a short task, at most doubling, within bounds', () => {
    expect(nextChunkSize(25, 5)).toBe(50);
    expect(nextChunkSize(100, 70)).toBe(50);
    expect(nextChunkSize(100, 10_000)).toBe(20);
    expect(nextChunkSize(400, 1)).toBe(500);
    expect(nextChunkSize(100, 0)).toBe(200);
  });
});
