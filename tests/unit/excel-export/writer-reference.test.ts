import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { summariseWorkbook, type WorkbookSummary } from './workbook-summary';

/**
 * The streaming SpreadsheetML writer against the ExcelJS writer it replaced: for each stored document, ExcelJS
 * and SheetJS must read the same values, cell formats (font, alignment, borders), merges, column widths and
 * hidden columns, row heights, page setup, footer, frozen panes and print names as they read from the file the
 * ExcelJS writer made (tests/unit/excel-export/fixtures/exceljs-writer-reference.json).
 */

interface ReferenceCase {
  readonly name: string;
  readonly document: AnnexDocument;
  readonly expected: WorkbookSummary;
}

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'exceljs-writer-reference.json'), 'utf8')) as {
  readonly cases: readonly ReferenceCase[];
};

describe('the xlsx writer against the ExcelJS writer it replaced', () => {
  it('has the reference cases', () => {
    expect(fixture.cases.map((reference) => reference.name)).toEqual([
      'rows of the built-in 2024 annex',
      'a plan with a one-concept vision and no sub-columns, on A4, with unusual texts',
    ]);
  });

  for (const reference of fixture.cases) {
    describe(reference.name, () => {
      let found: WorkbookSummary;
      const read = async (): Promise<WorkbookSummary> => (found ??= await summariseWorkbook(await writeAnnexWorkbook(reference.document)));

      it('reads the same in ExcelJS: values, cell formats, merges, columns, row heights, printing, panes, names', async () => {
        const { excel } = await read();
        expect(excel.styles).toEqual(reference.expected.excel.styles);
        expect(excel.definedNames).toEqual(reference.expected.excel.definedNames);
        expect(excel.sheets.map((sheet) => sheet.name)).toEqual(reference.expected.excel.sheets.map((sheet) => sheet.name));
        excel.sheets.forEach((sheet, index) => {
          const expected = reference.expected.excel.sheets[index];
          expect(sheet.merges, sheet.name).toEqual(expected?.merges);
          expect(sheet.columns, sheet.name).toEqual(expected?.columns);
          expect(sheet.pageSetup, sheet.name).toEqual(expected?.pageSetup);
          expect(sheet.headerFooter, sheet.name).toEqual(expected?.headerFooter);
          expect(sheet.views, sheet.name).toEqual(expected?.views);
          expect(sheet.state, sheet.name).toEqual(expected?.state);
          sheet.rows.forEach((row, rowIndex) => expect(row, `${sheet.name} row ${row[0]}`).toEqual(expected?.rows[rowIndex]));
          expect(sheet.rows.length, sheet.name).toBe(expected?.rows.length);
        });
      });

      it('reads the same in SheetJS: values and types, used range, merges, columns, rows, names', async () => {
        const { sheetjs } = await read();
        expect(sheetjs).toEqual(reference.expected.sheetjs);
      });
    });
  }
});
