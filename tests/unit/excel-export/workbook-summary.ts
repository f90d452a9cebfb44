import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';

/**
 * What two readers see in a written workbook, as plain data: ExcelJS's values, styles, merges, columns, row
 * heights, page setup, views and names, and SheetJS's values, merges, columns, rows and names. Two files that
 * summarise alike look alike to both readers, whatever their bytes.
 */

export interface ExcelSheetSummary {
  readonly name: string;
  readonly state: string;
  readonly merges: readonly string[];
  readonly columns: readonly (readonly [number, number | null, boolean])[];
  /** [row, height or null, style index of each cell from column A (-1: none), { column letters: [type, value] }] */
  readonly rows: readonly (readonly [number, number | null, readonly number[], Readonly<Record<string, readonly [number, unknown]>>])[];
  readonly pageSetup: unknown;
  readonly headerFooter: unknown;
  readonly views: unknown;
}

export interface SheetjsSheetSummary {
  readonly name: string;
  readonly ref: string | undefined;
  readonly merges: readonly string[];
  readonly cols: unknown;
  readonly rows: unknown;
  /** address → [type, value] */
  readonly cells: Readonly<Record<string, readonly [string, unknown]>>;
}

export interface WorkbookSummary {
  readonly excel: { readonly sheets: readonly ExcelSheetSummary[]; readonly styles: readonly unknown[]; readonly definedNames: unknown };
  readonly sheetjs: { readonly sheets: readonly SheetjsSheetSummary[]; readonly names: unknown };
}

/** Drops undefined members so that a missing key and an undefined one compare alike after JSON. */
const plain = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export async function summariseWorkbook(bytes: Uint8Array): Promise<WorkbookSummary> {
  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const styleIndex = new Map<string, number>();
  const styles: unknown[] = [];
  const styleOf = (cell: ExcelJS.Cell): number => {
    const key = JSON.stringify(plain(cell.style));
    let index = styleIndex.get(key);
    if (index === undefined) {
      index = styles.length;
      styleIndex.set(key, index);
      styles.push(JSON.parse(key));
    }
    return index;
  };
  const excelSheets = excel.worksheets.map((sheet): ExcelSheetSummary => {
    const rows: [number, number | null, number[], Record<string, [number, unknown]>][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const styles: number[] = [];
      const values: Record<string, [number, unknown]> = {};
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        while (styles.length < column - 1) styles.push(-1);
        styles.push(styleOf(cell));
        if (cell.type !== ExcelJS.ValueType.Null) values[cell.address.replace(/\d+$/, '')] = [cell.type, plain(cell.value)];
      });
      rows.push([number, row.height ?? null, styles, values]);
    });
    const columns: [number, number | null, boolean][] = [];
    for (let column = 1; column <= sheet.columnCount; column++) {
      const info = sheet.getColumn(column);
      columns.push([column, info.width ?? null, info.hidden]);
    }
    const merges = Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort();
    return {
      name: sheet.name,
      state: sheet.state,
      merges,
      columns,
      rows,
      pageSetup: plain(sheet.pageSetup),
      headerFooter: plain(sheet.headerFooter),
      views: plain(sheet.views),
    };
  });

  const book = XLSX.read(bytes, { type: 'array', cellStyles: true });
  const sheetjsSheets = book.SheetNames.map((name): SheetjsSheetSummary => {
    const sheet = book.Sheets[name] as XLSX.WorkSheet;
    const cells: Record<string, [string, unknown]> = {};
    for (const [address, cell] of Object.entries(sheet)) {
      if (!address.startsWith('!')) cells[address] = [(cell as XLSX.CellObject).t, plain((cell as XLSX.CellObject).v)];
    }
    return {
      name,
      ref: sheet['!ref'],
      merges: (sheet['!merges'] ?? []).map((range) => XLSX.utils.encode_range(range)).sort(),
      cols: plain(sheet['!cols']),
      rows: plain(sheet['!rows']),
      cells,
    };
  });
  return {
    excel: { sheets: excelSheets, styles, definedNames: plain(excel.definedNames.model) },
    sheetjs: { sheets: sheetjsSheets, names: plain(book.Workbook?.Names) },
  };
}
