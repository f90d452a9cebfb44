import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import { overviewLines, overviewOf, type Overview, type OverviewLine } from '../../../../shared/print/overview';
import { overviewLinesPerPage } from '../../../../shared/print/overview-layout';
import { paginateFixedRows, paginateRows, planPages, summarizePages, type PageSlice, type PrintPage } from '../../../../shared/print/paginate';
import { PAPER_GEOMETRY, tablePrintLayout, type PaperGeometry, type TablePrintLayout } from '../../../../shared/print/print-geometry';
import { tablesInPrintOrder, type PrintOptions, type PrintSummary } from '../../../../shared/print/print-options';
import { createMeasureProgress, type MeasureProgressStore } from './measure-progress';
import { RowMeasurer, type MeasureJob, type TableMeasurements } from './RowMeasurer';

/** Everything needed to draw the pages of one print. */
export interface PrintLayout {
  readonly document: AnnexDocument;
  readonly options: PrintOptions;
  readonly geometry: PaperGeometry;
  readonly tables: Readonly<Partial<Record<TableKind, TablePrintLayout>>>;
  readonly overview: Overview;
  readonly overviewLines: readonly OverviewLine[];
  readonly pages: readonly PrintPage[];
  readonly summary: PrintSummary;
}

export interface PrintLayoutState {
  /** The latest finished layout (possibly of earlier inputs while a new one is measured). */
  readonly layout: PrintLayout | null;
  /** True when `layout` is of the current document and options. */
  readonly current: boolean;
  readonly error: string | null;
  /** The hidden measuring sheet; render it while `current` is false. */
  readonly measurer: ReactNode;
  /** Rows measured so far of the layout under way, for a progress bar. */
  readonly progress: MeasureProgressStore;
}

/** One print's inputs: the layout is measured once per job. */
interface LayoutJob extends MeasureJob {
  readonly options: PrintOptions;
  readonly key: string;
}

const optionsKey = (options: PrintOptions): string => JSON.stringify(options);

/** The pages from the rows' measured heights: dealt into pages that never split a row. */
function layoutOf(job: LayoutJob, measured: TableMeasurements): PrintLayout {
  const { document, options, tables } = job;
  const slices: Partial<Record<TableKind, PageSlice[]>> = {};
  for (const table of tables) {
    const sheet = measured[table];
    if (!sheet) throw new Error('印刷用の表を測れませんでした');
    slices[table] = paginateRows(sheet.rowHeights, sheet.capacity);
  }
  const overview = overviewOf(document, tables);
  const lines = overviewLines(overview);
  const overviewSlices = options.overview ? paginateFixedRows(lines.length, overviewLinesPerPage(document.plan, options.paper)) : [];
  const pages = planPages(options, slices, overviewSlices);
  return { document, options, geometry: job.geometry, tables: job.layouts, overview, overviewLines: lines, pages, summary: summarizePages(pages) };
}

let jobCount = 0;

/**
 * Explicit pagination: every row of each table is laid out in a hidden sheet with the print font and
 * widths (a run of rows at a time, RowMeasurer), its height read from the DOM, and the rows are then dealt
 * into pages that never split a row (shared/print/paginate.ts). Page numbers and the pages of each 通し番号
 * are known before anything prints.
 */
export function usePrintLayout(document: AnnexDocument, options: PrintOptions): PrintLayoutState {
  const key = optionsKey(options);
  const job = useMemo((): LayoutJob & { readonly id: number } => {
    const tables = tablesInPrintOrder(options.tables);
    const layouts: Partial<Record<TableKind, TablePrintLayout>> = {};
    for (const table of tables) layouts[table] = tablePrintLayout(document.plan, table, document.tables[table].title, options.paper);
    return { id: ++jobCount, document, options, key, tables, layouts, geometry: PAPER_GEOMETRY[options.paper] };
    // `options` is keyed by its JSON: a new object with the same choices needs no new layout.
  }, [document, key]);
  const [state, setState] = useState<{ document: AnnexDocument; key: string; layout: PrintLayout } | null>(null);
  const [failed, setFailed] = useState<{ job: LayoutJob; message: string } | null>(null);
  const [progress] = useState(createMeasureProgress);
  const current = state !== null && state.document === document && state.key === key;
  const error = failed?.job === job ? failed.message : null;

  const onMeasured = useCallback(
    (measured: TableMeasurements) => {
      progress.set(null);
      try {
        setState({ document: job.document, key: job.key, layout: layoutOf(job, measured) });
      } catch (failure) {
        setFailed({ job, message: failure instanceof Error ? failure.message : String(failure) });
      }
    },
    [job, progress],
  );
  const onError = useCallback(
    (message: string) => {
      progress.set(null);
      setFailed({ job, message });
    },
    [job, progress],
  );

  const measurer = current || error ? null : <RowMeasurer key={job.id} job={job} progress={progress} onMeasured={onMeasured} onError={onError} />;
  return { layout: state?.layout ?? null, current, error, measurer, progress };
}
