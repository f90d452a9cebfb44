import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import type { PaperGeometry, TablePrintLayout } from '../../../../shared/print/print-geometry';
import { yieldToBrowser } from '../validation/yield-to-browser';
import { AnnexTablePrint } from './AnnexTablePrint';
import { FIRST_CHUNK_ROWS, joinChunks, nextChunk, nextChunkSize, rowsThrough, type MeasureChunk, type MeasureTables, type SheetMeasurement } from './measure-chunks';
import type { MeasureProgressStore } from './measure-progress';
import { measureSheet } from './measure-sheet';
import { loadPrintFonts, nextTask } from './print-fonts';
import { PrintSheet, PrintTitle } from './PrintSheet';

/** The tables of one print to measure, at one paper's widths. */
export interface MeasureJob {
  readonly document: AnnexDocument;
  readonly tables: readonly TableKind[];
  readonly layouts: Readonly<Partial<Record<TableKind, TablePrintLayout>>>;
  readonly geometry: PaperGeometry;
}

export type TableMeasurements = Partial<Record<TableKind, SheetMeasurement>>;

const messageOf = (failure: unknown): string => (failure instanceof Error ? failure.message : String(failure));

/**
 * A hidden sheet that measures every row of the job's tables in the print font and widths, a run of rows
 * per task, giving the browser a turn between runs so the window keeps answering. The print table is
 * fixed-layout at set column widths (print.css), so a row is as tall in a run as in the whole table.
 * Mount it with a new key for a new job; unmounting stops it.
 */
export const RowMeasurer = memo(function RowMeasurer({
  job,
  progress,
  onMeasured,
  onError,
}: {
  readonly job: MeasureJob;
  readonly progress: MeasureProgressStore;
  readonly onMeasured: (tables: TableMeasurements) => void;
  readonly onError: (message: string) => void;
}) {
  const tables: MeasureTables = useMemo(() => job.tables.map((table) => [table, job.document.tables[table].rows.length] as const), [job]);
  const total = tables.reduce((sum, [, rows]) => sum + rows, 0);
  const [chunk, setChunk] = useState<MeasureChunk | null>(null);
  const [startedAt] = useState(() => performance.now());
  const sheet = useRef<HTMLElement | null>(null);
  // Keyed by run, so a run measured twice (React's strict mode) counts once.
  const measured = useRef(new Map<string, readonly [MeasureChunk, SheetMeasurement]>());
  const askedAt = useRef(0);

  useEffect(() => {
    let live = true;
    progress.set({ done: 0, total, startedAt });
    // Every subset of the web font is loaded first: a row laid out in a fallback font has the wrong height.
    loadPrintFonts(job.document)
      .then(nextTask)
      .then(
        () => {
          if (!live) return;
          askedAt.current = performance.now();
          setChunk(nextChunk(tables, null, FIRST_CHUNK_ROWS));
        },
        (failure: unknown) => live && onError(messageOf(failure)),
      );
    return () => {
      live = false;
    };
  }, [job, tables, total, startedAt, progress, onError]);

  useLayoutEffect(() => {
    if (!chunk) return undefined;
    let next: MeasureChunk | null;
    try {
      if (!sheet.current) throw new Error('印刷用の表を測れませんでした');
      measured.current.set(`${chunk.table}:${chunk.start}`, [chunk, measureSheet(sheet.current, job.geometry, chunk.lookahead)]);
      const rows = chunk.end - chunk.start;
      next = nextChunk(tables, chunk, nextChunkSize(rows, performance.now() - askedAt.current));
      if (!next) {
        onMeasured(joinChunks(measured.current.values()));
        return undefined;
      }
    } catch (failure) {
      onError(messageOf(failure));
      return undefined;
    }
    progress.set({ done: rowsThrough(tables, chunk), total, startedAt });
    return yieldToBrowser(() => {
      askedAt.current = performance.now();
      setChunk(next);
      return true;
    });
  }, [chunk, tables, job, total, startedAt, progress, onMeasured, onError]);

  const layout = chunk && job.layouts[chunk.table];
  if (!chunk || !layout) return null;
  const rows = job.document.tables[chunk.table].rows.slice(chunk.start, chunk.lookahead ? chunk.end + 1 : chunk.end);
  return (
    <div className="pv-measure" aria-hidden="true">
      <PrintSheet geometry={job.geometry} sheetRef={sheet}>
        <PrintTitle geometry={job.geometry} text={job.document.tables[chunk.table].title} />
        <AnnexTablePrint layout={layout} rows={rows} firstNumber={chunk.start + 1} />
      </PrintSheet>
    </div>
  );
});
