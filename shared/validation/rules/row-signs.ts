import type { AnnexRow } from '../../model/annex-document';
import type { RowField } from '../issue';
import { scanListEntry, scanText } from './text-signs';

/** The signs (text-signs) of a row's fields, a list's being its entries' together; `texts` and `lists` join them. */
export interface RowSigns extends Readonly<Record<RowField, number>> {
  readonly texts: number;
  readonly lists: number;
}

/** Every field signed for every rule: what a plain rule, which checks every text, assumes. */
export const EVERY_SIGN: RowSigns = { title: -1, summary: -1, departments: -1, sections: -1, texts: -1, lists: -1 };

function listSigns(values: readonly string[]): number {
  let signs = 0;
  for (const value of values) signs |= scanListEntry(value);
  return signs;
}

function scanRow(row: AnnexRow): RowSigns {
  const title = scanText(row.title);
  const summary = scanText(row.summary);
  const departments = listSigns(row.departments);
  const sections = listSigns(row.sections);
  return { title, summary, departments, sections, texts: title | summary, lists: departments | sections };
}

// Rows are immutable, so a row's signs hold as long as the row: a re-validation after a change of paper or
// master reads them back. The last row is kept apart, since its rules ask for its signs one after another.
const signsByRow = new WeakMap<AnnexRow, RowSigns>();
let lastRow: AnnexRow | undefined;
let lastSigns = EVERY_SIGN;

export function rowSigns(row: AnnexRow): RowSigns {
  if (row !== lastRow) {
    let signs = signsByRow.get(row);
    if (!signs) {
      signs = scanRow(row);
      signsByRow.set(row, signs);
    }
    lastSigns = signs;
    lastRow = row;
  }
  return lastSigns;
}

