import type { PaperGeometry } from '../../../../shared/print/print-geometry';

const PX_PER_MM = 96 / 25.4;
/** Rounding of borders across rows: a page keeps this much spare. */
const SAFETY_PX = 1.5;

export interface SheetMeasurement {
  /** Each row's height in CSS pixels, borders shared with the next row included. */
  readonly rowHeights: number[];
  /** The room for rows on a page: from the first row's top to the foot of the printable area. */
  readonly capacity: number;
}

/**
 * Reads a measuring sheet (title, band and every row of a table at the print widths): rows from the
 * distance between their tops, the room from the band's foot to the printable area's.
 */
export function measureSheet(sheet: HTMLElement, geometry: PaperGeometry): SheetMeasurement {
  const table = sheet.querySelector('table');
  const body = table?.tBodies[0];
  if (!table || !body) throw new Error('印刷用の表が見つかりません');
  const sheetTop = sheet.getBoundingClientRect().top;
  const bodyTop = (body.rows[0] ?? body).getBoundingClientRect().top;
  const tops = Array.from(body.rows, (row) => row.getBoundingClientRect().top);
  const bottom = table.getBoundingClientRect().bottom;
  const rowHeights = tops.map((top, index) => (tops[index + 1] ?? bottom) - top);
  const printableBottom = sheetTop + (geometry.heightMm - geometry.marginsMm.bottom) * PX_PER_MM;
  return { rowHeights, capacity: printableBottom - bodyTop - SAFETY_PX };
}
