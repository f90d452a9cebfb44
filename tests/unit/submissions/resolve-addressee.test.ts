import { describe, expect, it } from 'vitest';
import type { AnnexDocument, AnnexRow, TableKind } from '../../../shared/model/annex-document';
import type { SendUnit } from '../../../shared/model/ledger';
import type { SubmittedRow } from '../../../shared/submissions/read-submission';
import { addresseesOf, ownsRow, recipientsOf, type Addressee } from '../../../shared/submissions/recipients';
import { resolveAddressee } from '../../../shared/submissions/resolve-addressee';
import { createSend, withSend } from '../../../shared/submissions/send';
import { countedItems } from '../support/counted-reads';
import { makeDocument } from '../support/document-builder';
import { mulberry32 } from '../support/seeded-random';

/** Whose a plain copy is (no fingerprint): as every addressee counting every row finds it, in a pass over the rows. */

const fileRows = (rows: readonly AnnexRow[], table: TableKind = 'city'): SubmittedRow[] =>
  rows.map((row, index) => ({ table, row, source: { number: undefined, idInFile: false, sheet: 's', row: index + 2 } }));

/** As first written: each addressee counts the rows it owns, the first with most wins, its rows as they are now. */
function resolvedByEveryAddressee(annex: AnnexDocument, rows: readonly SubmittedRow[], by: SendUnit): { key: string; rows: number } | undefined {
  let best: { addressee: Addressee; count: number } | undefined;
  for (const addressee of addresseesOf(annex, by)) {
    const count = rows.filter((file) => ownsRow(addressee, by, file.row, annex.masters, file.table)).length;
    if (count > 0 && (!best || count > best.count)) best = { addressee, count };
  }
  if (!best) return undefined;
  const key = best.addressee.key;
  return { key, rows: recipientsOf(annex, by).find((recipient) => recipient.key === key)?.rows.length ?? 0 };
}

/** A city row naming 部 and 課 drawn from the master (some of another 部), with now and then one no master lists. */
function randomRow(annex: AnnexDocument, random: () => number): Partial<AnnexRow> {
  const departments = annex.masters.departments;
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const department = pick(departments);
  const other = pick(departments);
  const sections = [
    ...(department.sections.length > 0 && random() < 0.7 ? [pick(department.sections)] : []),
    ...(other.sections.length > 0 && random() < 0.2 ? [pick(other.sections)] : []),
    ...(random() < 0.05 ? ['どこにもない課'] : []),
  ];
  return { departments: random() < 0.1 ? [department.name, other.name] : [department.name], sections };
}

describe('resolving a plain copy to its addressee', () => {
  it('finds the addressee and rows that counting every row for every addressee finds, seed after seed', async () => {
    let resolved = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const random = mulberry32(seed);
      const draft = makeDocument({ city: Array.from({ length: 60 }, () => randomRow(makeDocument(), random)), council: [{}, {}] });
      const by: SendUnit = seed % 3 === 0 ? 'department' : 'section';
      // Per 部 only when a send per 部 is on record; that send's rows are then the base.
      const annex = by === 'department' ? withSend(draft, await createSend(draft, { by, id: `s${seed}`, sentAt: '2026-04-01T00:00:00.000Z' })) : draft;
      const city = annex.tables.city.rows;
      const start = Math.floor(random() * city.length);
      const copy = fileRows(city.slice(start, start + 1 + Math.floor(random() * 20)));
      const files = [copy, fileRows(annex.tables.council.rows, 'council'), fileRows([{ ...(city[0] as AnnexRow), departments: ['ない部'], sections: [] }])];
      for (const rows of files) {
        const expected = resolvedByEveryAddressee(annex, rows, by);
        const result = resolveAddressee(annex, undefined, rows, 'copy.xlsx');
        expect(result.ok, `seed ${seed}`).toBe(expected !== undefined);
        if (!result.ok || !expected) continue;
        resolved += 1;
        expect(result.value.recipient.key, `seed ${seed}`).toBe(expected.key);
        expect(result.value.by).toBe(by);
        if (by === 'section') expect(result.value.baseRows.length, `seed ${seed}`).toBe(expected.rows);
      }
    }
    expect(resolved).toBeGreaterThan(50);
  });

  it('reads each row of the copy and of the annex a few times, not once per addressee', () => {
    const random = mulberry32(3);
    const annex = makeDocument({ city: Array.from({ length: 400 }, () => randomRow(makeDocument(), random)) });
    const addressees = addresseesOf(annex, 'section').length;
    expect(addressees).toBeGreaterThan(20);
    const annexRows = countedItems(annex.tables.city.rows);
    const counted: AnnexDocument = { ...annex, tables: { ...annex.tables, city: { ...annex.tables.city, rows: annexRows.items } } };
    const copy = countedItems(fileRows(annex.tables.city.rows.slice(0, 200)));
    const result = resolveAddressee(counted, undefined, copy.items, 'copy.xlsx');
    expect(result.ok && result.value.base).toBe('annex');
    expect(copy.reads()).toBeLessThan(3 * 200);
    expect(annexRows.reads()).toBeLessThan(4 * 400);
  });
});
