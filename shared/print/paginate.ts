import { TABLE_KINDS, type TableKind } from '../model/annex-document';
import type { PrintOptions, PrintSummary } from './print-options';
import { tablesInPrintOrder } from './print-options';

/** Rows start..end-1 of a table on one page. */
export interface PageSlice {
  readonly start: number;
  readonly end: number;
  /** A single row taller than a page: it has the page to itself and is cut at its foot. */
  readonly oversize: boolean;
}

// Heights are measured in fractional pixels; a sum may exceed the room by rounding alone.
const EPSILON = 0.01;

/**
 * Lays rows into pages of `capacity`, in order, never splitting a row: a page takes rows while they fit.
 * Units are the caller's (measured pixels or estimated points). An empty table still prints one page
 * (its title and header band).
 */
export function paginateRows(heights: readonly number[], capacity: number): PageSlice[] {
  const pages: PageSlice[] = [];
  let start = 0;
  let used = 0;
  heights.forEach((height, index) => {
    if (index > start && used + height > capacity + EPSILON) {
      pages.push({ start, end: index, oversize: false });
      start = index;
      used = 0;
    }
    used += height;
    if (index === start && height > capacity + EPSILON) {
      pages.push({ start, end: index + 1, oversize: true });
      start = index + 1;
      used = 0;
    }
  });
  if (start < heights.length || pages.length === 0) pages.push({ start, end: heights.length, oversize: false });
  return pages;
}

/** Rows of the overview's matrix on each page: every page repeats its header, the totals close the last. */
export function paginateFixedRows(rowCount: number, perPage: number): PageSlice[] {
  const size = Math.max(1, Math.floor(perPage));
  const pages: PageSlice[] = [];
  for (let start = 0; start < rowCount; start += size) pages.push({ start, end: Math.min(rowCount, start + size), oversize: false });
  return pages.length > 0 ? pages : [{ start: 0, end: 0, oversize: false }];
}

export type PrintPage =
  | {
      readonly kind: 'table';
      readonly table: TableKind;
      readonly slice: PageSlice;
      /** The number printed in the footer. */
      readonly number: number;
    }
  | { readonly kind: 'overview'; readonly slice: PageSlice; readonly last: boolean; readonly number: number };

/**
 * Every page in print order: each chosen table from a fresh page (city first), then the overview if asked
 * for. Page numbers run on from `startPage` across them all.
 */
export function planPages(
  options: Pick<PrintOptions, 'tables' | 'startPage' | 'overview'>,
  tableSlices: Readonly<Partial<Record<TableKind, readonly PageSlice[]>>>,
  overviewSlices: readonly PageSlice[] = [],
): PrintPage[] {
  const pages: PrintPage[] = [];
  let number = options.startPage;
  for (const table of tablesInPrintOrder(options.tables)) {
    for (const slice of tableSlices[table] ?? []) pages.push({ kind: 'table', table, slice, number: number++ });
  }
  if (options.overview) {
    overviewSlices.forEach((slice, index) =>
      pages.push({ kind: 'overview', slice, last: index === overviewSlices.length - 1, number: number++ }),
    );
  }
  return pages;
}

/** What `annex pdf` and the app report about a laid-out print. */
export function summarizePages(pages: readonly PrintPage[]): PrintSummary {
  const parts: PrintSummary['parts'] = [];
  for (const part of [...TABLE_KINDS, 'overview'] as const) {
    const own = pages.filter((page) => (page.kind === 'overview' ? part === 'overview' : page.table === part));
    const first = own[0];
    if (first) parts.push({ part, firstPage: first.number, pages: own.length });
  }
  const oversizeRows = pages.flatMap((page) =>
    page.kind === 'table' && page.slice.oversize ? [{ table: page.table, number: page.slice.start + 1 }] : [],
  );
  return { pages: pages.length, parts, oversizeRows };
}
