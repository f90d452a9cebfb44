import { annexSheetLayout, type AnnexSheetLayout, type HeaderCell, type LeftColumnKey, type MarkSheetColumn } from '../excel/annex-sheet-layout';
import { charWidthEm, LINE_HEIGHT_EM, wrappedLineCount } from '../excel/row-height';
import type { PaperSize, TableKind } from '../model/annex-document';
import type { Plan } from '../model/plan';

/**
 * The printed page in numbers: paper, margins, fonts, column widths and cell metrics. The print CSS takes
 * its sizes from here (renderer/src/features/print), and the print-fit estimate computes with the same
 * numbers, so both agree on how wide a cell is and how many lines fit on a page. Pure: no DOM.
 */

export const PT_PER_MM = 72 / 25.4;
/** CSS pixels per point (96 px to the inch). */
export const PX_PER_PT = 96 / 72;

export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export interface PaperGeometry {
  readonly paper: PaperSize;
  /** Landscape: the long side across. */
  readonly widthMm: number;
  readonly heightMm: number;
  /** The page number sits in the bottom margin. */
  readonly marginsMm: Margins;
  /** The rows' and the header band's text. */
  readonly fontPt: number;
  /** The table's title above the band. */
  readonly titleFontPt: number;
  readonly footerFontPt: number;
}

/**
 * A3 prints the annex at the size of the printed original (9 pt, 取組概要 wrapping at about 44 characters).
 * A4 is A3 scaled by 1/√2, but its text stays at 7 pt so it remains readable: lines wrap a little earlier
 * and fewer rows fit a page.
 */
export const PAPER_GEOMETRY: Readonly<Record<PaperSize, PaperGeometry>> = {
  A3: {
    paper: 'A3',
    widthMm: 420,
    heightMm: 297,
    marginsMm: { top: 12, right: 12, bottom: 14, left: 12 },
    fontPt: 9,
    titleFontPt: 13,
    footerFontPt: 9,
  },
  A4: {
    paper: 'A4',
    widthMm: 297,
    heightMm: 210,
    marginsMm: { top: 8.5, right: 8.5, bottom: 10, left: 8.5 },
    fontPt: 7,
    titleFontPt: 10,
    footerFontPt: 7,
  },
};

/** Cell metrics, in ems of the print font unless named otherwise. The same line height as the xlsx estimate. */
export const PRINT_CELL = {
  lineHeightEm: LINE_HEIGHT_EM,
  /** Above and below the text of every cell. */
  padYEm: 0.3,
  /** Left and right of the text in the rows' text cells. */
  padXEm: 0.4,
  /** Left and right of the header band's text: mark columns are narrow. */
  bandPadXEm: 0.15,
  borderPt: 0.5,
  /** The heavier line down the left edge of each vision. */
  visionBorderPt: 1.25,
} as const;

/** Space between the title and the table. */
export const TITLE_GAP_MM = 2;
/** Vertical names longer than this many ems wrap into a second vertical line, so a band never fills the page. */
export const VERTICAL_CAP_EM = 30;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;

export interface PrintColumn {
  readonly key: LeftColumnKey | 'mark';
  /** The left column's header text, or the mark column's own name. */
  readonly header: string;
  readonly widthPt: number;
  readonly mark?: MarkSheetColumn;
  /** A heavier line down the left edge. */
  readonly startsVision: boolean;
}

/** One cell of the header band as a table cell: rows and columns counted from 0 within the band. */
export interface BandCell {
  readonly cell: HeaderCell;
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** For vertical text: the em height of its box (its characters, capped by VERTICAL_CAP_EM). */
  readonly verticalEm?: number;
  readonly startsVision: boolean;
}

export interface TablePrintLayout {
  readonly kind: TableKind;
  readonly geometry: PaperGeometry;
  readonly sheet: AnnexSheetLayout;
  readonly columns: readonly PrintColumn[];
  readonly tableWidthPt: number;
  /** How many rows the band has (the sheet's band rows below the title). */
  readonly bandRowCount: number;
  /** Band cells row by row, left to right: what an HTML <thead> renders. */
  readonly bandCells: readonly BandCell[];
}

/** The printable width of a page, in points. */
export function contentWidthPt(geometry: PaperGeometry): number {
  return mmToPt(geometry.widthMm - geometry.marginsMm.left - geometry.marginsMm.right);
}

/** The printable height of a page (above the footer), in points. */
export function contentHeightPt(geometry: PaperGeometry): number {
  return mmToPt(geometry.heightMm - geometry.marginsMm.top - geometry.marginsMm.bottom);
}

/** The title line and the gap below it, in points. */
export function titleBlockPt(geometry: PaperGeometry): number {
  return geometry.titleFontPt * PRINT_CELL.lineHeightEm + mmToPt(TITLE_GAP_MM);
}

/** Characters that take room in vertical text (control and combining characters do not). */
export function verticalCharCount(text: string): number {
  let count = 0;
  for (const char of text) if (char !== '\n' && char !== '\r' && charWidthEm(char.codePointAt(0) ?? 0) > 0) count += 1;
  return count;
}

/** The box height of a vertical name in ems: one em a character and half an em of slack, capped. */
export function verticalExtentEm(text: string): number {
  return Math.min(Math.max(verticalCharCount(text), 1) + 0.5, VERTICAL_CAP_EM);
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

/**
 * The printed table of `kind`: the sheet layout of the xlsx export (the same columns, header band and
 * merges), with its column widths scaled to fill the page's printable width.
 */
export function tablePrintLayout(plan: Plan, kind: TableKind, title: string, paper: PaperSize): TablePrintLayout {
  const geometry = PAPER_GEOMETRY[paper];
  const sheet = annexSheetLayout(plan, kind, title);
  const units = [...sheet.leftColumns, ...sheet.markColumns].reduce((sum, column) => sum + column.width, 0);
  const scale = contentWidthPt(geometry) / Math.max(units, 1);
  const columns: PrintColumn[] = [
    ...sheet.leftColumns.map((column) => ({ key: column.key, header: column.header, widthPt: round2(column.width * scale), startsVision: false })),
    ...sheet.markColumns.map((column) => ({
      key: 'mark' as const,
      header: column.mark.title,
      widthPt: round2(column.width * scale),
      mark: column,
      startsVision: column.startsVision,
    })),
  ];
  const firstBandRow = sheet.rows.philosophyLabel;
  const bandRowCount = sheet.rows.last - firstBandRow + 1;
  const visionStarts = new Set(sheet.markColumns.filter((column) => column.startsVision).map((column) => column.column));
  const bandCells: BandCell[] = sheet.headerCells
    .filter((cell) => cell.role !== 'title' && cell.role !== 'rowIdHeader')
    .map((cell) => {
      // 通し番号 heads a narrow column: printed vertical, as the editor's grid shows it.
      const vertical = cell.vertical || (cell.role === 'leftHeader' && sheet.leftColumns[cell.left - 1]?.key === 'number');
      return {
        cell: vertical === cell.vertical ? cell : { ...cell, vertical },
        row: cell.top - firstBandRow,
        column: cell.left - 1,
        rowSpan: cell.bottom - cell.top + 1,
        colSpan: cell.right - cell.left + 1,
        ...(vertical ? { verticalEm: verticalExtentEm(cell.text) } : {}),
        startsVision: visionStarts.has(cell.left),
      };
    })
    .sort((a, b) => a.row - b.row || a.column - b.column);
  return {
    kind,
    geometry,
    sheet,
    columns,
    tableWidthPt: round2(columns.reduce((sum, column) => sum + column.widthPt, 0)),
    bandRowCount,
    bandCells,
  };
}

/** The width the text of a row cell has: the column less its padding and a border. */
export function cellTextWidthPt(layout: TablePrintLayout, key: LeftColumnKey): number {
  const column = layout.columns.find((candidate) => candidate.key === key);
  if (!column) return 0;
  return Math.max(column.widthPt - 2 * PRINT_CELL.padXEm * layout.geometry.fontPt - PRINT_CELL.borderPt, 1);
}

/** Height of a cell of `lines` lines, padding and one border included, in points. */
export function linesHeightPt(lines: number, fontPt: number): number {
  return lines * fontPt * PRINT_CELL.lineHeightEm + 2 * PRINT_CELL.padYEm * fontPt + PRINT_CELL.borderPt;
}

/** Estimated height of the header band in points: each row as tall as its cells need, spans fitted shortest first. */
export function estimateBandHeightPt(layout: TablePrintLayout): number {
  const { fontPt } = layout.geometry;
  const widthOf = (cell: BandCell): number =>
    layout.columns.slice(cell.column, cell.column + cell.colSpan).reduce((sum, column) => sum + column.widthPt, 0);
  const needed = (cell: BandCell): number => {
    if (cell.verticalEm !== undefined) {
      // A capped name wraps into more vertical lines across the column; its height is the cap.
      return cell.verticalEm * fontPt + 2 * PRINT_CELL.padYEm * fontPt + PRINT_CELL.borderPt;
    }
    const textWidth = Math.max(widthOf(cell) - 2 * PRINT_CELL.bandPadXEm * fontPt - PRINT_CELL.borderPt, 1);
    return linesHeightPt(wrappedLineCount(cell.cell.text, textWidth, fontPt), fontPt);
  };
  const heights = Array.from({ length: layout.bandRowCount }, () => linesHeightPt(1, fontPt));
  const sorted = [...layout.bandCells].sort((a, b) => a.rowSpan - b.rowSpan);
  for (const cell of sorted) {
    const have = heights.slice(cell.row, cell.row + cell.rowSpan).reduce((sum, height) => sum + height, 0);
    const need = needed(cell);
    const last = cell.row + cell.rowSpan - 1;
    if (need > have) heights[last] = (heights[last] ?? 0) + need - have;
  }
  return heights.reduce((sum, height) => sum + height, 0);
}

/** Estimated height left for rows on each page, below the title and the band, in points. */
export function estimateBodyHeightPt(layout: TablePrintLayout): number {
  return contentHeightPt(layout.geometry) - titleBlockPt(layout.geometry) - estimateBandHeightPt(layout);
}
