import type { TableKind } from '../../../../shared/model/annex-document';

/** Rows of the first run; later runs are sized by how long the last one took. */
export const FIRST_CHUNK_ROWS = 25;
/** A run's drawing and layout should take about this long: well under a long task (50 ms), so input is answered between runs. */
const CHUNK_TASK_MS = 35;
const MIN_CHUNK_ROWS = 20;
const MAX_CHUNK_ROWS = 500;

/** What a measuring sheet gives (measure-sheet.ts). */
export interface SheetMeasurement {
  /** Each row's height in CSS pixels, borders shared with the next row included. */
  readonly rowHeights: number[];
  /** The room for rows on a page: from the first row's top to the foot of the printable area. */
  readonly capacity: number;
}

/** Rows start..end-1 of a table, measured in one sheet. */
export interface MeasureChunk {
  readonly table: TableKind;
  readonly start: number;
  readonly end: number;
  /** Row `end` is drawn too, so row end-1 is measured to the next row's top as in the whole table. */
  readonly lookahead: boolean;
}

/** Each table to measure and its row count, in print order. */
export type MeasureTables = readonly (readonly [TableKind, number])[];

/**
 * The run of up to `size` rows after `previous` (the first when null), table after table; an empty table is
 * one empty run (its band sets the room). Null when every row is measured.
 */
export function nextChunk(tables: MeasureTables, previous: MeasureChunk | null, size: number): MeasureChunk | null {
  let index = previous ? tables.findIndex(([table]) => table === previous.table) : 0;
  let start = previous ? previous.end : 0;
  for (let entry = tables[index]; entry; entry = tables[++index], start = 0) {
    const [table, rows] = entry;
    if (start < rows || (start === 0 && previous?.table !== table)) {
      const end = Math.min(rows, start + Math.max(1, size));
      return { table, start, end, lookahead: end < rows };
    }
  }
  return null;
}

/** Rows measured once `chunk` is: every row of the tables before its own, and its own up to its end. */
export function rowsThrough(tables: MeasureTables, chunk: MeasureChunk): number {
  const index = tables.findIndex(([table]) => table === chunk.table);
  return tables.slice(0, index).reduce((sum, [, rows]) => sum + rows, 0) + chunk.end;
}

/** The next run's rows: as many as fit the time a run should take at the last run's pace, at most twice as many. */
export function nextChunkSize(rows: number, elapsedMs: number): number {
  const fitting = elapsedMs > 0 ? (rows * CHUNK_TASK_MS) / elapsedMs : MAX_CHUNK_ROWS;
  return Math.round(Math.min(Math.max(Math.min(fitting, rows * 2), MIN_CHUNK_ROWS), MAX_CHUNK_ROWS));
}

/** The runs' measurements (in the order measured) joined per table, as one measurement of the whole table reads. */
export function joinChunks(runs: Iterable<readonly [MeasureChunk, SheetMeasurement]>): Partial<Record<TableKind, SheetMeasurement>> {
  const tables: Partial<Record<TableKind, { rowHeights: number[]; capacity: number }>> = {};
  for (const [chunk, run] of runs) {
    // The room is the same in every run (same title and band); the first run's is taken.
    const table = (tables[chunk.table] ??= { rowHeights: [], capacity: run.capacity });
    if (run.rowHeights.length !== chunk.end - chunk.start || table.rowHeights.length !== chunk.start) throw new Error('印刷用の表を測れませんでした');
    for (const height of run.rowHeights) table.rowHeights.push(height);
  }
  return tables;
}
