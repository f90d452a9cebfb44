import { builtinAnnex } from '../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow } from '../../shared/model/annex-document';

/**
 * An annex of `rows` city rows (and a tenth as many council rows) made from the 2024 rows, each made unique so
 * no duplicate checks short-circuit: the size of document a prefecture or a multi-year archive would have.
 */
export function generateAnnex(rows: number): AnnexDocument {
  const base = builtinAnnex();
  const grow = (source: readonly AnnexRow[], count: number, prefix: string): AnnexRow[] =>
    Array.from({ length: count }, (_, index) => {
      const row = source[index % source.length] as AnnexRow;
      return { ...row, id: `${prefix}-${index + 1}`, title: `${row.title}（${index + 1}）` };
    });
  return {
    ...base,
    tables: {
      city: { ...base.tables.city, rows: grow(base.tables.city.rows, rows, 'city') },
      council: { ...base.tables.council, rows: grow(base.tables.council.rows, Math.max(1, Math.round(rows / 10)), 'council') },
    },
  };
}
