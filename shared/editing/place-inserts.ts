import type { AnnexRow } from '../model/annex-document';
import type { RowInsert } from './edit-command';

/**
 * `rows` with each insert placed after its anchor, in turn, and the deleted rows dropped, in one pass: an anchor
 * counts once it is there (a row of the table or of an earlier insert; else the rows go at the end), and a later
 * insert after the same anchor comes before an earlier one, as splicing each in turn would place them. Splicing
 * searched the table once per insert: 2,000 new rows in a 50,000-row table took ~0.9 s.
 */
export function withInsertsPlaced(rows: readonly AnnexRow[], inserts: readonly RowInsert[], deletes: readonly string[]): AnnexRow[] {
  const present = new Set<string>();
  for (const row of rows) present.add(row.id);
  const anchoredTo = new Map<string, RowInsert[]>();
  const atEnd: RowInsert[] = [];
  for (const insert of inserts) {
    const anchor = insert.afterRowId;
    if (anchor !== null && present.has(anchor)) {
      const anchored = anchoredTo.get(anchor);
      if (anchored) anchored.push(insert);
      else anchoredTo.set(anchor, [insert]);
    } else {
      atEnd.push(insert);
    }
    for (const row of insert.rows) present.add(row.id);
  }
  const deleting = new Set(deletes);
  const placed: AnnexRow[] = [];
  // A stack, not recursion: a chain of inserts each after the one before may be thousands deep.
  const pending: AnnexRow[] = [];
  const pushInOrder = (list: readonly AnnexRow[]): void => {
    for (let index = list.length - 1; index >= 0; index--) pending.push(list[index] as AnnexRow);
  };
  const place = (list: readonly AnnexRow[]): void => {
    pushInOrder(list);
    for (let row = pending.pop(); row; row = pending.pop()) {
      if (!deleting.has(row.id)) placed.push(row);
      // The latest insert after this row comes first: pushed last, it is popped first.
      for (const insert of anchoredTo.get(row.id) ?? []) pushInOrder(insert.rows);
    }
  };
  place(rows);
  for (const insert of atEnd) place(insert.rows);
  return placed;
}
