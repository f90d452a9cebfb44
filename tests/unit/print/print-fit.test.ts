import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { execute, startHistory, undo } from '../../../shared/editing/history';
import { TABLE_KINDS } from '../../../shared/model/annex-document';
import { cellFit } from '../../../shared/print/print-fit';
import {
  cellTextWidthPt,
  contentHeightPt,
  contentWidthPt,
  estimateBandHeightPt,
  estimateBodyHeightPt,
  PAPER_GEOMETRY,
  tablePrintLayout,
  verticalExtentEm,
  VERTICAL_CAP_EM,
} from '../../../shared/print/print-geometry';
import { createValidator, validateDocument } from '../../../shared/validation/validator';
import { makeDocument } from '../support/document-builder';

const annex = builtinAnnex();
const sentences = (count: number): string =>
  Array.from({ length: count }, (_, i) => `第${i + 1}回の見守り活動を支援し，参加する住民を増やします。`).join('');

describe('the printed layout', () => {
  it('fills the printable width of each paper with the sheet layout’s columns', () => {
    for (const paper of ['A3', 'A4'] as const) {
      for (const table of TABLE_KINDS) {
        const layout = tablePrintLayout(annex.plan, table, annex.tables[table].title, paper);
        expect(layout.tableWidthPt).toBeCloseTo(contentWidthPt(PAPER_GEOMETRY[paper]), 0);
        expect(layout.columns.filter((column) => column.key === 'mark')).toHaveLength(12);
        expect(layout.columns.filter((column) => column.startsVision).map((column) => column.mark?.mark.id)).toEqual(['v1-1', 'v2-1', 'v3-1', 'v4-1']);
      }
    }
  });

  it('wraps the city’s 取組概要 at about 44 characters on A3, as the printed annex does, and at about 40 on A4', () => {
    const charsPerLine = (paper: 'A3' | 'A4') =>
      cellTextWidthPt(tablePrintLayout(annex.plan, 'city', '', paper), 'summary') / PAPER_GEOMETRY[paper].fontPt;
    expect(Math.floor(charsPerLine('A3'))).toBe(44);
    expect(Math.floor(charsPerLine('A4'))).toBe(39);
  });

  it('builds the band from the sheet layout: 基本理念 across the matrix, names vertical, 通し番号 vertical', () => {
    const layout = tablePrintLayout(annex.plan, 'city', annex.tables.city.title, 'A3');
    const roles = layout.bandCells.map((band) => band.cell.role);
    expect(roles).not.toContain('title');
    expect(roles).not.toContain('rowIdHeader');
    const philosophy = layout.bandCells.find((band) => band.cell.role === 'philosophy');
    expect(philosophy).toMatchObject({ row: 1, column: 5, colSpan: 12, rowSpan: 1 });
    const vertical = layout.bandCells.filter((band) => band.verticalEm !== undefined).map((band) => band.cell.text);
    expect(vertical).toContain('通し番号');
    expect(vertical).toContain('旭川市成年後見制度利用促進計画関係');
    expect(vertical).not.toContain(annex.plan.visions[0]?.concepts[1]?.title);
    expect(layout.bandRowCount).toBe(8);
  });

  it('gives a vertical name one em a character, capped so a band never fills the page', () => {
    expect(verticalExtentEm('地域福祉')).toBe(4.5);
    expect(verticalExtentEm('あ'.repeat(100))).toBe(VERTICAL_CAP_EM);
  });

  it('leaves room for rows below the band on either paper', () => {
    for (const paper of ['A3', 'A4'] as const) {
      const layout = tablePrintLayout(annex.plan, 'city', '', paper);
      const band = estimateBandHeightPt(layout);
      expect(band).toBeGreaterThan(0);
      expect(band).toBeLessThan(contentHeightPt(PAPER_GEOMETRY[paper]) * 0.6);
      expect(estimateBodyHeightPt(layout)).toBeGreaterThan(PAPER_GEOMETRY[paper].fontPt * 1.2 * 20);
    }
  });
});

describe('print-fit', () => {
  it('finds that every 主な取組 and 取組概要 of the 2024 annex fits, on A3 and on A4', () => {
    for (const paper of ['A3', 'A4'] as const) {
      for (const table of TABLE_KINDS) {
        for (const row of annex.tables[table].rows) {
          for (const field of ['title', 'summary'] as const) {
            const fit = cellFit(annex.plan, table, paper, field, row[field]);
            expect(fit.overflowLines, `${paper} ${table} ${row.id} ${field}`).toBe(0);
            // The printed annex's cells run to 5 lines: far from a page.
            expect(fit.lines).toBeLessThanOrEqual(6);
          }
        }
      }
      expect(validateDocument({ ...annex, settings: { paperSize: paper } }).filter((issue) => issue.rule === 'print-fit')).toEqual([]);
    }
  });

  it('counts the overflow in lines and in the characters beyond the page', () => {
    const text = sentences(80);
    const fit = cellFit(annex.plan, 'city', 'A3', 'summary', text);
    expect(fit.lines).toBeGreaterThan(fit.maxLines);
    expect(fit.overflowLines).toBe(fit.lines - fit.maxLines);
    // What fits is the text less the overflow: that part takes the page's lines exactly.
    const kept = [...text].slice(0, [...text].length - fit.overflowChars).join('');
    expect(cellFit(annex.plan, 'city', 'A3', 'summary', kept).lines).toBe(fit.maxLines);
    expect(cellFit(annex.plan, 'city', 'A3', 'summary', [...text].slice(0, kept.length + 1).join('')).lines).toBe(fit.maxLines + 1);
  });

  it('judges at the document’s paper: A4 holds less than A3, and the warning follows a change of paper', () => {
    const a3 = cellFit(annex.plan, 'city', 'A3', 'summary', sentences(40));
    const a4 = cellFit(annex.plan, 'city', 'A4', 'summary', sentences(40));
    expect(a3.overflowLines).toBe(0);
    expect(a4.overflowLines).toBeGreaterThan(0);

    const document = makeDocument({ city: [{ summary: sentences(40) }] });
    const validator = createValidator();
    const printFit = (issues: ReturnType<typeof validator.validate>) => issues.filter((issue) => issue.rule === 'print-fit');
    let history = startHistory(document);
    expect(printFit(validator.validate(history.present))).toEqual([]);
    history = execute(history, { type: 'set-settings', label: '用紙を A4 に変更', settings: { paperSize: 'A4' } });
    const [issue] = printFit(validator.validate(history.present));
    expect(issue?.message).toMatch(/^取組概要が長すぎて、A4 横の印刷で 1 ページに収まりません：約 \d+ 行（1 ページに入るのは \d+ 行まで）、約 \d+ 行・\d+ 文字があふれます$/);
    history = undo(history);
    expect(printFit(validator.validate(history.present))).toEqual([]);
  });
});

describe('set-settings', () => {
  it('changes the paper as one undoable step, and changing it to what it is changes nothing', () => {
    let history = startHistory(annex);
    history = execute(history, { type: 'set-settings', label: '用紙を A3 に変更', settings: { paperSize: 'A3' } });
    // No settings mean the defaults (A3): nothing to undo.
    expect(history.present).toBe(annex);
    expect(history.past).toHaveLength(0);
    history = execute(history, { type: 'set-settings', label: '用紙を A4 に変更', settings: { paperSize: 'A4' } });
    expect(history.present.settings).toEqual({ paperSize: 'A4' });
    expect(history.present.tables).toBe(annex.tables);
    expect(history.past.at(-1)?.label).toBe('用紙を A4 に変更');
    expect(undo(history).present).toBe(annex);
  });
});
