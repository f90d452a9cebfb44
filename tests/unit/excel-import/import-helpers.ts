import { expect } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { ImportProblem } from '../../../shared/excel/import-problem';
import { readAnnexWorkbook, type ReadAnnexOptions, type ReadAnnexValue } from '../../../shared/excel/read-annex-workbook';
import type { AnnexDocument, AnnexRow, TABLE_KINDS } from '../../../shared/model/annex-document';

export const builtin = builtinAnnex();

type RowWithoutId = Omit<AnnexRow, 'id'>;
export interface DocumentWithoutIds extends Omit<AnnexDocument, 'tables'> {
  readonly tables: Record<(typeof TABLE_KINDS)[number], { readonly title: string; readonly rows: readonly RowWithoutId[] }>;
}

/** The document with every row id taken out: what a workbook without a 行ID column can give back. */
export function withoutIds(document: AnnexDocument): DocumentWithoutIds {
  const strip = (rows: readonly AnnexRow[]): RowWithoutId[] => rows.map(({ id: _id, ...row }) => row);
  return {
    ...document,
    tables: {
      city: { title: document.tables.city.title, rows: strip(document.tables.city.rows) },
      council: { title: document.tables.council.title, rows: strip(document.tables.council.rows) },
    },
  };
}

export function readOk(bytes: Uint8Array, options: ReadAnnexOptions): ReadAnnexValue {
  const result = readAnnexWorkbook(bytes, options);
  if (!result.ok) throw new Error(`expected the workbook to be read, got:\n${result.error.map((problem) => JSON.stringify(problem)).join('\n')}`);
  return result.value;
}

export function readErr(bytes: Uint8Array, options: ReadAnnexOptions): ImportProblem[] {
  const result = readAnnexWorkbook(bytes, options);
  if (result.ok) throw new Error('expected the workbook to be refused');
  return result.error;
}

/** Rows that came without an id get fresh ones: table-prefixed, unique across the document. */
export function expectFreshIds(document: AnnexDocument): void {
  const ids = [...document.tables.city.rows, ...document.tables.council.rows].map((row) => row.id);
  for (const row of document.tables.city.rows) expect(row.id).toMatch(/^city-[0-9a-f-]{36}$/);
  for (const row of document.tables.council.rows) expect(row.id).toMatch(/^council-[0-9a-f-]{36}$/);
  expect(new Set(ids).size).toBe(ids.length);
}

export const warning = (sheet: string, cell: string, message: string): ImportProblem => ({ severity: 'warning', sheet, cell, message });
export const error = (sheet: string, cell: string, message: string): ImportProblem => ({ severity: 'error', sheet, cell, message });

/** Full-width digits, as a 通し番号 typed in a Japanese IME often is. */
export const fullWidth = (value: number): string => String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
