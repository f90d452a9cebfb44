import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { markColumns } from '../../../shared/model/plan';
import { tableStats } from '../../../shared/model/stats';
import { heatShade, NO_DEPARTMENT_LABEL, overviewLines, overviewOf } from '../../../shared/print/overview';
import { overviewLinesPerPage } from '../../../shared/print/overview-layout';
import { makeDocument } from '../support/document-builder';

describe('overviewOf', () => {
  const document = builtinAnnex();
  const overview = overviewOf(document);

  it('totals each table per mark column as the stats do, and counts its initiatives', () => {
    const columns = markColumns(document.plan).map((column) => column.id);
    expect(overview.columns.map((column) => column.id)).toEqual(columns);
    for (const total of overview.totals) {
      const stats = tableStats(document, total.table);
      expect(total.initiatives).toBe(stats.rows);
      expect(total.counts).toEqual(columns.map((id) => stats.marksByColumn[id]));
    }
    expect(overview.totals.map((total) => [total.table, total.initiatives])).toEqual([
      ['city', 76],
      ['council', 11],
    ]);
  });

  it('gives each 部 a line in the master’s order, a row with two 部 counting for both', () => {
    const labels = overview.rows.filter((row) => row.table === 'city').map((row) => row.label);
    const master = document.masters.departments.map((department) => department.name);
    expect(labels).toEqual(master.filter((name) => labels.includes(name)));
    const byLabel = new Map(overview.rows.map((row) => [row.label, row]));
    // City 64 is 建築部・土木部: one initiative for each.
    expect(byLabel.get('建築部')?.initiatives).toBe(1);
    const perDepartment = overview.rows.filter((row) => row.table === 'city').reduce((sum, row) => sum + row.initiatives, 0);
    const departmentMentions = document.tables.city.rows.reduce((sum, row) => sum + new Set(row.departments).size, 0);
    expect(perDepartment).toBe(departmentMentions);
    expect(byLabel.get('福祉保険部')?.initiatives).toBe(document.tables.city.rows.filter((row) => row.departments.includes('福祉保険部')).length);
  });

  it('counts a mark once per initiative, and puts rows without a 部 on a line of their own', () => {
    const small = makeDocument({
      city: [{ departments: ['福祉保険部'], marks: ['v1-1', 'v2-1'] }, { departments: [], sections: [], marks: ['v2-1'] }],
      council: [{ marks: ['v1-1'] }],
    });
    const result = overviewOf(small);
    const index = (id: string) => result.columns.findIndex((column) => column.id === id);
    const line = (label: string) => result.rows.find((row) => row.label === label);
    expect(line('福祉保険部')?.counts[index('v1-1')]).toBe(1);
    expect(line(NO_DEPARTMENT_LABEL)?.counts[index('v2-1')]).toBe(1);
    expect(line('社会福祉協議会')?.counts[index('v1-1')]).toBe(1);
    expect(result.max).toBe(1);
    expect(overviewLines(result).map((entry) => [entry.kind, entry.label])).toEqual([
      ['department', '福祉保険部'],
      ['department', NO_DEPARTMENT_LABEL],
      ['total', '旭川市 計'],
      ['council', '社会福祉協議会'],
    ]);
  });

  it('covers only the chosen tables', () => {
    const council = overviewOf(document, ['council']);
    expect(council.totals.map((total) => total.table)).toEqual(['council']);
    expect(council.rows.map((row) => row.label)).toEqual(['社会福祉協議会']);
  });

  it('fits the 2024 annex’s overview on one page, on either paper', () => {
    const lines = overviewLines(overview).length;
    expect(overviewLinesPerPage(document.plan, 'A3')).toBeGreaterThanOrEqual(lines);
    expect(overviewLinesPerPage(document.plan, 'A4')).toBeGreaterThanOrEqual(lines);
  });
});

describe('heatShade', () => {
  it('is 0 for nothing, visible for one, 1 for the largest count', () => {
    expect(heatShade(0, 10)).toBe(0);
    expect(heatShade(1, 10)).toBeGreaterThan(0.15);
    expect(heatShade(10, 10)).toBe(1);
    expect(heatShade(3, 0)).toBe(0);
    expect(heatShade(5, 10)).toBeLessThan(heatShade(6, 10));
  });
});
