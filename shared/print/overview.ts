import { TABLE_KINDS, type AnnexDocument, type TableKind } from '../model/annex-document';
import { markColumns, type MarkColumn } from '../model/plan';
import { TABLE_LABELS } from '../model/table-names';

/**
 * The plan's coverage at a glance: for each 部 (and the council), how many of its initiatives carry a ○
 * under each mark column. A row of the city table with two 部 counts for both.
 */
export interface OverviewRow {
  readonly key: string;
  readonly table: TableKind;
  /** The 部, or the council's name for the council table. */
  readonly label: string;
  /** Its initiatives (rows of the table). */
  readonly initiatives: number;
  /** Initiatives marked under each mark column, in column order. */
  readonly counts: readonly number[];
}

export interface OverviewTotal {
  readonly table: TableKind;
  readonly label: string;
  readonly initiatives: number;
  /** Initiatives of the table marked under each mark column. */
  readonly counts: readonly number[];
}

export interface Overview {
  readonly columns: readonly MarkColumn[];
  readonly rows: readonly OverviewRow[];
  readonly totals: readonly OverviewTotal[];
  /** The largest count of any row's cell: the darkest shade of the heat map. */
  readonly max: number;
}

/** The label of city rows that have no 部 yet (an error the validation reports). */
export const NO_DEPARTMENT_LABEL = '（部なし）';

export function overviewOf(document: AnnexDocument, tables: readonly TableKind[] = TABLE_KINDS): Overview {
  const columns = markColumns(document.plan);
  const columnIndex = new Map(columns.map((column, index) => [column.id, index]));
  const rows: OverviewRow[] = [];
  const totals: OverviewTotal[] = [];

  const tally = (label: string, table: TableKind, key: string) => ({ key, table, label, initiatives: 0, counts: columns.map(() => 0) });
  const count = (target: { initiatives: number; counts: number[] }, marks: readonly string[]): void => {
    target.initiatives += 1;
    for (const mark of new Set(marks)) {
      const index = columnIndex.get(mark);
      if (index !== undefined) target.counts[index] = (target.counts[index] ?? 0) + 1;
    }
  };

  for (const table of TABLE_KINDS.filter((kind) => tables.includes(kind))) {
    const total = tally(TABLE_LABELS[table], table, `${table}:total`);
    const groups = new Map<string, ReturnType<typeof tally>>();
    if (table === 'city') {
      // The master's order first, so the map reads like the organisation chart; strays after.
      for (const department of document.masters.departments) groups.set(department.name, tally(department.name, table, `${table}:${department.name}`));
    } else {
      groups.set(TABLE_LABELS[table], tally(TABLE_LABELS[table], table, `${table}:${TABLE_LABELS[table]}`));
    }
    for (const row of document.tables[table].rows) {
      count(total, row.marks);
      const names = table === 'city' ? [...new Set(row.departments.map((name) => name.trim()).filter((name) => name !== ''))] : [TABLE_LABELS[table]];
      for (const name of names.length > 0 ? names : [NO_DEPARTMENT_LABEL]) {
        let group = groups.get(name);
        if (!group) {
          group = tally(name, table, `${table}:${name}`);
          groups.set(name, group);
        }
        count(group, row.marks);
      }
    }
    for (const group of groups.values()) if (group.initiatives > 0) rows.push(group);
    totals.push(total);
  }
  const max = rows.reduce((largest, row) => Math.max(largest, ...row.counts), 0);
  return { columns, rows, totals, max };
}

/** How dark a heat-map cell is, from 0 (no initiative) to 1 (the largest count); any count shows. */
export function heatShade(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return 0.15 + 0.85 * Math.min(count / max, 1);
}

/** One line of the overview's matrix as printed: a 部, a table's total, or the council. */
export interface OverviewLine {
  readonly key: string;
  readonly kind: 'department' | 'total' | 'council';
  readonly label: string;
  readonly initiatives: number;
  readonly counts: readonly number[];
}

/** The matrix's lines: the city's 部 then its total, then the council (one line, its own total). */
export function overviewLines(overview: Overview): OverviewLine[] {
  const lines: OverviewLine[] = [];
  for (const total of overview.totals) {
    if (total.table === 'council') {
      lines.push({ key: total.table, kind: 'council', label: total.label, initiatives: total.initiatives, counts: total.counts });
      continue;
    }
    for (const row of overview.rows.filter((candidate) => candidate.table === total.table)) {
      lines.push({ key: row.key, kind: 'department', label: row.label, initiatives: row.initiatives, counts: row.counts });
    }
    lines.push({ key: `${total.table}:total`, kind: 'total', label: `${total.label} 計`, initiatives: total.initiatives, counts: total.counts });
  }
  return lines;
}
