import { builtinAnnex } from '../../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow, TableKind } from '../../../shared/model/annex-document';

/** Rows to build, each a set of overrides on a valid default row. */
export interface DocumentSpec {
  readonly city?: readonly Partial<AnnexRow>[];
  readonly council?: readonly Partial<AnnexRow>[];
}

const builtin = builtinAnnex();

/** The comma each table writes. */
export const TABLE_COMMA: Record<TableKind, '，' | '、'> = { city: '，', council: '、' };

const ID_PREFIX: Record<TableKind, string> = { city: 'c', council: 'k' };

/**
 * A row that no rule objects to: in the city table it has a 部 and a 課 of that 部, in the council table
 * neither; a title unique to its position; a summary with the table's comma that ends with 「。」; one ○.
 */
export function defaultRow(table: TableKind, index: number): AnnexRow {
  const number = index + 1;
  const comma = TABLE_COMMA[table];
  return {
    id: `${ID_PREFIX[table]}${number}`,
    departments: table === 'city' ? ['福祉保険部'] : [],
    sections: table === 'city' ? ['福祉保険課'] : [],
    title: `地域見守り事業${number}`,
    summary: `地域の見守り活動を支援し${comma}参加する住民を増やします。`,
    marks: ['v1-1'],
  };
}

/** An annex document with the built-in annex's plan and masters and the given rows. */
export function makeDocument(spec: DocumentSpec = {}): AnnexDocument {
  const rows = (table: TableKind): AnnexRow[] =>
    (spec[table] ?? []).map((overrides, index) => ({ ...defaultRow(table, index), ...overrides }));
  return {
    plan: builtin.plan,
    masters: builtin.masters,
    tables: {
      city: { title: builtin.tables.city.title, rows: rows('city') },
      council: { title: builtin.tables.council.title, rows: rows('council') },
    },
  };
}
