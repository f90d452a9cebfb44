import type { PaperGeometry } from '../../../../shared/print/print-geometry';
import type { SheetMeasurement } from './measure-chunks';

const PX_PER_MM = 96 / 25.4;
/** Rounding of borders across rows: a page keeps this much spare. */
const SAFETY_PX = 1.5;

/**
 * Reads a measuring sheet (title, band and a run of a table's rows at the print widths): rows from the
 * distance between their tops, the room from the band's foot to the printable area's. With `lookahead`
 * the sheet's last row is the next run's first, drawn only so the row before it is measured as it sits
 * mid-table (to the next row's top) rather than as the table's last (to the table's foot).
 */
export function measureSheet(sheet: HTMLElement, geometry: PaperGeometry, lookahead = false): SheetMeasurement {
  const table = sheet.querySelector('table');
  const body = table?.tBodies[0];
  if (!table || !body) throw new Error('印刷用の表が見つかりません');
  const sheetTop = sheet.getBoundingClientRect().top;
  const bodyTop = (body.rows[0] ?? body).getBoundingClientRect().top;
  const tops = Array.from(body.rows, (row) => row.getBoundingClientRect().top);
  const bottom = table.getBoundingClientRect().bottom;
  const rowHeights = tops.map((top, index) => (tops[index + 1] ?? bottom) - top);
  if (lookahead) rowHeights.pop();
  const printableBottom = sheetTop + (geometry.heightMm - geometry.marginsMm.bottom) * PX_PER_MM;
  return { rowHeights, capacity: printableBottom - bodyTop - SAFETY_PX };
}
