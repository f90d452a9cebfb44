import type { PrintPage } from '../../../../shared/print/paginate';
import { OVERVIEW_FONT_SCALE } from '../../../../shared/print/overview-layout';
import { TABLE_LABELS } from '../../../../shared/model/table-names';
import { AnnexTablePrint } from './AnnexTablePrint';
import { OverviewMatrix } from './OverviewMatrix';
import { OVERVIEW_NOTE, OVERVIEW_TITLE } from './overview-text';
import { PrintSheet, PrintTitle } from './PrintSheet';
import type { PrintLayout } from './use-print-layout';


/** A short name of a page, for the preview's list and for screen readers. */
export function pageLabel(page: PrintPage): string {
  if (page.kind === 'overview') return `${page.number} ページ：取組の分布`;
  const { start, end } = page.slice;
  const rows = end > start ? `通し番号 ${start + 1}〜${end}` : '行なし';
  return `${page.number} ページ：${TABLE_LABELS[page.table]} ${rows}`;
}

/** One printed page: a table's rows under its title and band, or a page of the overview. */
export function PrintPageView({ layout, page }: { readonly layout: PrintLayout; readonly page: PrintPage }) {
  const { geometry, document } = layout;
  if (page.kind === 'overview') {
    const lines = layout.overviewLines.slice(page.slice.start, page.slice.end);
    return (
      <PrintSheet geometry={geometry} number={page.number} label={pageLabel(page)}>
        <PrintTitle geometry={geometry} text={OVERVIEW_TITLE} />
        <div style={{ fontSize: `${OVERVIEW_FONT_SCALE}em` }}>
          <p className="ov-note">{OVERVIEW_NOTE}</p>
          <OverviewMatrix overview={layout.overview} lines={lines} />
        </div>
      </PrintSheet>
    );
  }
  const table = layout.tables[page.table];
  if (!table) return null;
  const rows = document.tables[page.table].rows.slice(page.slice.start, page.slice.end);
  return (
    <PrintSheet geometry={geometry} number={page.number} label={pageLabel(page)}>
      <PrintTitle geometry={geometry} text={document.tables[page.table].title} />
      <AnnexTablePrint layout={table} rows={rows} firstNumber={page.slice.start + 1} />
    </PrintSheet>
  );
}

/** The paper for the browser's print and for printToPDF with preferCSSPageSize. */
export function PageStyle({ layout }: { readonly layout: PrintLayout }) {
  const { widthMm, heightMm } = layout.geometry;
  return <style>{`@page { size: ${widthMm}mm ${heightMm}mm; margin: 0; }`}</style>;
}
