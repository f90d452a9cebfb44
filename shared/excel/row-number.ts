import type { CellValue } from './sheet-grid';

/** A 通し番号 as written: a whole number (full-width digits too), missing, or something else. */
export type SerialNumber = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'missing' } | { readonly kind: 'text'; readonly text: string };

export function readSerialNumber(value: CellValue | undefined): SerialNumber {
  if (value === undefined) return { kind: 'missing' };
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? { kind: 'number', value } : { kind: 'text', text: String(value) };
  const text = String(value).normalize('NFKC').trim();
  if (text === '') return { kind: 'missing' };
  return /^[0-9]{1,9}$/.test(text) && Number(text) > 0 ? { kind: 'number', value: Number(text) } : { kind: 'text', text: String(value).trim() };
}
