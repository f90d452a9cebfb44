import type { TableKind } from './annex-document';

/** A fresh stable id for a row that arrives without one (a new row, a workbook from another tool). */
export function newRowId(table: TableKind): string {
  return `${table}-${globalThis.crypto.randomUUID()}`;
}
