import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnnexDocument, TableKind } from '../../../../shared/model/annex-document';
import { overviewLines, overviewOf, type Overview, type OverviewLine } from '../../../../shared/print/overview';
import { overviewLinesPerPage } from '../../../../shared/print/overview-layout';
import { paginateFixedRows, paginateRows, planPages, summarizePages, type PageSlice, type PrintPage } from '../../../../shared/print/paginate';
import { PAPER_GEOMETRY, tablePrintLayout, type PaperGeometry, type TablePrintLayout } from '../../../../shared/print/print-geometry';
import { tablesInPrintOrder, type PrintOptions, type PrintSummary } from '../../../../shared/print/print-options';
import { AnnexTablePrint } from './AnnexTablePrint';
import { loadPrintFonts, nextTask } from './print-fonts';
import { measureSheet } from './measure-sheet';
import { PrintSheet, PrintTitle } from './PrintSheet';

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
  /** Hidden measuring sheets; render them while `current` is false. */
  readonly measurer: ReactNode;
}

const optionsKey = (options: PrintOptions): string => JSON.stringify(options);

/**
 * Explicit pagination: every row of each table is laid out once in a hidden sheet with the print font and
 * widths, its height read from the DOM, and the rows are then dealt into pages that never split a row
 * (shared/print/paginate.ts). Page numbers and the pages of each 通し番号 are known before anything prints.
 */
export function usePrintLayout(document: AnnexDocument, options: PrintOptions): PrintLayoutState {
  const key = optionsKey(options);
  const tablesKey = options.tables.join(',');
  const tables = useMemo(() => tablesInPrintOrder(tablesKey.split(',') as TableKind[]), [tablesKey]);
  const geometry = PAPER_GEOMETRY[options.paper];
  const layouts = useMemo(() => {
    const result: Partial<Record<TableKind, TablePrintLayout>> = {};
    for (const table of tables) result[table] = tablePrintLayout(document.plan, table, document.tables[table].title, options.paper);
    return result;
  }, [document.plan, document.tables, tables, options.paper]);
  const [state, setState] = useState<{ document: AnnexDocument; key: string; layout: PrintLayout } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sheets = useRef(new Map<TableKind, HTMLElement>());
  const current = state !== null && state.document === document && state.key === key;

  useEffect(() => {
    if (current) return;
    let cancelled = false;
    void (async () => {
      try {
        await loadPrintFonts(document);
        await nextTask();
        if (cancelled) return;
        const slices: Partial<Record<TableKind, PageSlice[]>> = {};
        for (const table of tables) {
          const sheet = sheets.current.get(table);
          if (!sheet) throw new Error('印刷用の表を測れませんでした');
          const measured = measureSheet(sheet, geometry);
          slices[table] = paginateRows(measured.rowHeights, measured.capacity);
        }
        const overview = overviewOf(document, tables);
        const lines = overviewLines(overview);
        const overviewSlices = options.overview ? paginateFixedRows(lines.length, overviewLinesPerPage(document.plan, options.paper)) : [];
        const pages = planPages(options, slices, overviewSlices);
        const layout: PrintLayout = {
          document,
          options,
          geometry,
          tables: layouts,
          overview,
          overviewLines: lines,
          pages,
          summary: summarizePages(pages),
        };
        if (!cancelled) {
          setError(null);
          setState({ document, key, layout });
        }
      } catch (failure) {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
    return () => {
      cancelled = true;
    };
    // `options` is keyed by its JSON: a new object with the same choices needs no new layout.
  }, [current, document, key]);

  const measurer = current ? null : (
    <div className="pv-measure" aria-hidden="true">
      {tables.map((table) => {
        const layout = layouts[table];
        if (!layout) return null;
        return (
          <PrintSheet
            key={table}
            geometry={geometry}
            sheetRef={(element) => {
              if (element) sheets.current.set(table, element);
              else sheets.current.delete(table);
            }}
          >
            <PrintTitle geometry={geometry} text={document.tables[table].title} />
            <AnnexTablePrint layout={layout} rows={document.tables[table].rows} firstNumber={1} />
          </PrintSheet>
        );
      })}
    </div>
  );
  return { layout: state?.layout ?? null, current, error, measurer };
}
