import { themeQuartz } from 'ag-grid-community';
import { GRID_FONT_SIZE_PX } from './row-height';

/** Quiet spreadsheet look in the app's font: thin borders on every cell, as in Excel and the print. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['BIZ UDPGothic', 'sans-serif'],
  headerFontFamily: ['BIZ UDPGothic', 'sans-serif'],
  fontSize: GRID_FONT_SIZE_PX,
  headerFontSize: 12,
  headerFontWeight: 400,
  borderRadius: 0,
  wrapperBorderRadius: 0,
  columnBorder: true,
  headerColumnBorder: true,
  rowBorder: true,
  headerBackgroundColor: '#eef2f6',
  headerTextColor: '#1f2328',
  borderColor: '#c5ccd3',
  cellHorizontalPadding: 6,
  spacing: 4,
  rowHoverColor: 'transparent',
  selectedRowBackgroundColor: 'transparent',
  oddRowBackgroundColor: '#ffffff',
});
