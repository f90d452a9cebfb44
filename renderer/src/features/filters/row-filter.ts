import type { AnnexTable } from '../../../../shared/model/annex-document';
import type { ValidationIssue } from '../../../../shared/validation/issue';

/** The filters of the grid: by 部, 課, mark column and problem; empty strings mean "any". */
export interface RowFilter {
  readonly department: string;
  readonly section: string;
  readonly markId: string;
  readonly problem: '' | 'any' | 'error' | 'warning';
}

export const NO_FILTER: RowFilter = { department: '', section: '', markId: '', problem: '' };

export const isFiltering = (filter: RowFilter): boolean =>
  filter.department !== '' || filter.section !== '' || filter.markId !== '' || filter.problem !== '';

/** The ids of the rows that pass, or undefined when nothing is filtered. */
export function visibleRowIds(table: AnnexTable, issues: readonly ValidationIssue[], filter: RowFilter): ReadonlySet<string> | undefined {
  if (!isFiltering(filter)) return undefined;
  const withProblem = new Set(
    issues.filter((issue) => filter.problem === 'any' || issue.severity === filter.problem).map((issue) => issue.rowId),
  );
  return new Set(
    table.rows
      .filter(
        (row) =>
          (!filter.department || row.departments.includes(filter.department)) &&
          (!filter.section || row.sections.includes(filter.section)) &&
          (!filter.markId || row.marks.includes(filter.markId)) &&
          (!filter.problem || withProblem.has(row.id)),
      )
      .map((row) => row.id),
  );
}
