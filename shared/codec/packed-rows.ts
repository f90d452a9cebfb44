import type { AnnexDocument, AnnexRow, AnnexTable } from '../model/annex-document';

/**
 * A table's rows as one text and the lengths of its pieces, for postMessage: structured clone writes and
 * rebuilds 50,000 row objects (their keys written out each time, 200,000 objects in all) in ~250 ms; one text
 * and one Int32Array go across in a few.
 * Per row: id, title, summary as pieces of the text, then each list (departments, sections, marks) as its count
 * and its entries' numbers in `entries`: a 部, 課 or mark recurs on thousands of rows, and the window then holds
 * one string of each instead of one per row (some 250,000 strings at 50,000 rows), made without a slice each.
 */
export interface PackedRows {
  /**
   * The pieces' UTF-16 code units, in a buffer to hand over: a string is copied into the message, whose copy
   * (twice the text's size, 22 MB at 50,000 rows) the receiver then holds until its next full GC.
   */
  readonly text: Uint16Array;
  /** Whether the text holds a surrogate, which TextDecoder would not give back as it was if it stood alone. */
  readonly surrogates: boolean;
  readonly lengths: Int32Array;
  /** Every distinct list entry, in order of first use. */
  readonly entries: readonly string[];
}

export function packRows(rows: readonly AnnexRow[]): PackedRows {
  const pieces: string[] = [];
  const lengths: number[] = [];
  const entryNumbers = new Map<string, number>();
  const list = (values: readonly string[]): void => {
    lengths.push(values.length);
    for (const value of values) {
      let number = entryNumbers.get(value);
      if (number === undefined) {
        number = entryNumbers.size;
        entryNumbers.set(value, number);
      }
      lengths.push(number);
    }
  };
  let size = 0;
  const piece = (value: string): void => {
    pieces.push(value);
    lengths.push(value.length);
    size += value.length;
  };
  for (const row of rows) {
    piece(row.id);
    piece(row.title);
    piece(row.summary);
    list(row.departments);
    list(row.sections);
    list(row.marks);
  }
  const text = new Uint16Array(size);
  let at = 0;
  let surrogates = false;
  for (const value of pieces) {
    for (let index = 0; index < value.length; index += 1) {
      const unit = value.charCodeAt(index);
      if ((unit & 0xf800) === 0xd800) surrogates = true;
      text[at++] = unit;
    }
  }
  return { text, surrogates, lengths: Int32Array.from(lengths), entries: [...entryNumbers.keys()] };
}

// Uint16Array is little-endian on every platform Electron runs on; a leading U+FEFF is text, not a byte-order mark.
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const UNITS_PER_CALL = 8192;

function textOf({ text, surrogates }: PackedRows): string {
  if (!surrogates) return utf16.decode(text);
  // Code unit by code unit, so that a lone surrogate comes back as it went (TextDecoder makes it U+FFFD).
  let result = '';
  for (let at = 0; at < text.length; at += UNITS_PER_CALL) result += String.fromCharCode(...text.subarray(at, at + UNITS_PER_CALL));
  return result;
}

// A list of up to this many entries, each among the first 255, is numbered in one safe integer (8 bits an entry).
const SHARED_LIST_MAX = 6;
const SHARED_ENTRY_LIMIT = 255;

/**
 * Rows whose lists are equal share one array: rows are immutable, and at 50,000 rows the same 部, 課 and marks
 * recur, so the window makes a few hundred arrays instead of 150,000 (less to hold and to collect). Not frozen:
 * V8's frozen arrays slowed the grid's scrolling frames from 19 to 26 ms.
 */
export function unpackRows(packed: PackedRows): AnnexRow[] {
  const { lengths, entries } = packed;
  const text = textOf(packed);
  const rows: AnnexRow[] = [];
  const sharedLists = new Map<number, readonly string[]>();
  let at = 0;
  let lengthAt = 0;
  const piece = (): string => {
    const end = at + (lengths[lengthAt++] as number);
    const value = text.slice(at, end);
    at = end;
    return value;
  };
  /** The list's entry numbers as one number (a leading 1, then a byte each), or undefined if they do not fit. */
  const listKey = (count: number): number | undefined => {
    if (count > SHARED_LIST_MAX) return undefined;
    let key = 1;
    for (let index = 0; index < count; index += 1) {
      const number = lengths[lengthAt + index] as number;
      if (number >= SHARED_ENTRY_LIMIT) return undefined;
      key = key * 256 + number + 1;
    }
    return key;
  };
  const list = (): readonly string[] => {
    const count = lengths[lengthAt++] as number;
    const key = listKey(count);
    const shared = key === undefined ? undefined : sharedLists.get(key);
    if (shared) {
      lengthAt += count;
      return shared;
    }
    const values = new Array<string>(count);
    for (let index = 0; index < count; index += 1) values[index] = entries[lengths[lengthAt++] as number] as string;
    if (key !== undefined) sharedLists.set(key, values);
    return values;
  };
  while (lengthAt < lengths.length) {
    const id = piece();
    const title = piece();
    const summary = piece();
    const departments = list();
    const sections = list();
    const marks = list();
    rows.push({ id, departments, sections, title, summary, marks });
  }
  return rows;
}

/** A document whose tables' rows are packed; everything else (plan, masters, ledger) goes as it is. */
export type PackedDocument = Omit<AnnexDocument, 'tables'> & {
  readonly tables: Record<keyof AnnexDocument['tables'], Omit<AnnexTable, 'rows'> & { readonly rows: PackedRows }>;
};

export function packDocument(document: AnnexDocument): PackedDocument {
  const table = (source: AnnexTable) => ({ ...source, rows: packRows(source.rows) });
  return { ...document, tables: { city: table(document.tables.city), council: table(document.tables.council) } };
}

export function unpackDocument(packed: PackedDocument): AnnexDocument {
  const table = (source: PackedDocument['tables']['city']): AnnexTable => ({ ...source, rows: unpackRows(source.rows) });
  return { ...packed, tables: { city: table(packed.tables.city), council: table(packed.tables.council) } };
}

/** The buffers of a packed document, to transfer instead of copy. */
export const packedBuffers = (packed: PackedDocument): ArrayBuffer[] =>
  [packed.tables.city.rows, packed.tables.council.rows].flatMap((rows) => [rows.text.buffer, rows.lengths.buffer]) as ArrayBuffer[];
