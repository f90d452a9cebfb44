import type { Ledger } from './ledger';
import type { Plan } from './plan';

export const TABLE_KINDS = ['city', 'council'] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** Where a row's 部 stands without a 課, as 関係部局 does. */
export interface Department {
  readonly name: string;
  readonly sections: readonly string[];
}

/** Which 課 belongs to which 部. */
export interface Masters {
  readonly departments: readonly Department[];
}

/** One initiative. Its 通し番号 is its position in the table plus one. */
export interface AnnexRow {
  /** Stable through renumbering, moves and round trips. */
  readonly id: string;
  readonly departments: readonly string[];
  readonly sections: readonly string[];
  /** 主な取組 */
  readonly title: string;
  /** 取組概要 */
  readonly summary: string;
  /** Ids of the marked mark columns, in the plan's column order. */
  readonly marks: readonly string[];
}

export interface AnnexTable {
  /** The table's printed title, such as 計画に基づく旭川市の取組事業一覧. */
  readonly title: string;
  readonly rows: readonly AnnexRow[];
}

/** Where the document's content came from, and what of it was reconstructed rather than read. */
export interface Provenance {
  readonly source: string;
  readonly reconstructed: readonly string[];
  readonly notes: readonly string[];
}

export type PaperSize = 'A3' | 'A4';

/** How the document prints; absent settings mean the defaults. */
export interface DocumentSettings {
  readonly paperSize: PaperSize;
}

export const DEFAULT_SETTINGS: DocumentSettings = { paperSize: 'A3' };

export interface AnnexDocument {
  readonly plan: Plan;
  readonly masters: Masters;
  readonly tables: { readonly [K in TableKind]: AnnexTable };
  readonly provenance?: Provenance;
  readonly settings?: DocumentSettings;
  /** What was sent to the sections and what came back; absent means nothing yet. */
  readonly ledger?: Ledger;
}
