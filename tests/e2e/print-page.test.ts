import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../shared/builtin-annex';
import { TABLE_KINDS, type TableKind } from '../../shared/model/annex-document';
import { cellFit } from '../../shared/print/print-fit';
import { estimateBandHeightPt, PAPER_GEOMETRY, PX_PER_PT, tablePrintLayout } from '../../shared/print/print-geometry';
import type { PrintOptions, PrintRenderResult } from '../../shared/print/print-options';
import { projectRoot } from '../unit/support/paths';
import { openApp } from './support/browser';
import { sessionPerTest } from './support/session-per-test';

/** The print page (print.html) as `annex pdf` and the app's hidden print window use it. */
const sessions = sessionPerTest(async () => {
  const session = await openApp();
  await session.page.goto(`${session.url}print.html`);
  await session.page.waitForFunction(() => 'annexPrint' in window);
  return session;
});

const annexJson = readFileSync(join(projectRoot, 'data/annex-2024.json'), 'utf8');
const annex = builtinAnnex();
const ALL: PrintOptions = { tables: ['city', 'council'], paper: 'A3', startPage: 1, overview: false };

async function render(options: PrintOptions, json = annexJson): Promise<PrintRenderResult> {
  return sessions.current.page.evaluate(
    ([documentJson, printOptions]) =>
      (window as unknown as { annexPrint: { render(json: string, options: unknown): Promise<PrintRenderResult> } }).annexPrint.render(documentJson, printOptions),
    [json, options] as const,
  );
}

interface SheetFacts {
  readonly title: string;
  readonly band: string;
  readonly rows: number[];
  readonly footer: string;
  /** How far the last row ends above the printable area's foot, in CSS px (negative: it would be cut). */
  readonly spare: number;
}

/** What each printed sheet holds, read from the DOM (the measuring sheets are not pages). */
async function sheets(paper: 'A3' | 'A4'): Promise<SheetFacts[]> {
  const geometry = PAPER_GEOMETRY[paper];
  const printableBottomPx = ((geometry.heightMm - geometry.marginsMm.bottom) * 96) / 25.4;
  return sessions.current.page.evaluate((bottom) => {
    return [...document.querySelectorAll<HTMLElement>('#root > .pv-sheet')].map((sheet) => {
      const rows = [...sheet.querySelectorAll<HTMLElement>('tbody tr')];
      const top = sheet.getBoundingClientRect().top;
      const last = rows.at(-1)?.getBoundingClientRect().bottom ?? top;
      return {
        title: sheet.querySelector('h1')?.textContent ?? '',
        band: sheet.querySelector('thead')?.textContent ?? '',
        rows: rows.map((row) => Number(row.dataset['rowNumber'])),
        footer: sheet.querySelector('[data-testid="page-number"]')?.textContent ?? '',
        spare: top + bottom - last,
      };
    });
  }, printableBottomPx);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the print page', () => {
  it('paginates the 2024 annex: title and band on every sheet, each 通し番号 once, no row past the printable area', async () => {
    const result = await render(ALL);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const facts = await sheets('A3');
    expect(facts).toHaveLength(result.summary.pages);
    expect(result.summary.oversizeRows).toEqual([]);
    for (const [index, sheet] of facts.entries()) {
      expect(sheet.band).toContain('基本理念');
      expect(sheet.band).toContain(annex.plan.philosophy);
      expect(sheet.band).toContain('目指す地域像１');
      expect(sheet.band).toContain('旭川市成年後見制度利用促進計画関係');
      expect(sheet.footer).toBe(String(index + 1));
      expect(sheet.spare).toBeGreaterThanOrEqual(0);
      expect(sheet.rows.length).toBeGreaterThan(0);
    }
    const byTable = (table: TableKind) => facts.filter((sheet) => sheet.title === annex.tables[table].title).flatMap((sheet) => sheet.rows);
    expect(byTable('city')).toEqual(range(1, 76));
    expect(byTable('council')).toEqual(range(1, 11));
    // Pages are filled: a page ends only where the next row would not have fitted (spare below one row).
    const cityParts = result.summary.parts.find((part) => part.part === 'city');
    expect(cityParts?.pages).toBeLessThanOrEqual(10);
    // The band's sentences are set in the print font and every page declares the paper.
    const css = await sessions.current.page.evaluate(() => ({
      font: getComputedStyle(document.querySelector('.pv-sheet td') as Element).fontFamily,
      page: [...document.querySelectorAll('style')].map((style) => style.textContent).join(''),
      vertical: getComputedStyle(document.querySelector('.pv-vertical') as Element).writingMode,
      loaded: document.fonts.check('9pt "BIZ UDPGothic"', '旭川市社会福祉協議会'),
    }));
    expect(css.font).toContain('BIZ UDPGothic');
    expect(css.page).toContain('@page { size: 420mm 297mm; margin: 0; }');
    expect(css.vertical).toBe('vertical-rl');
    expect(css.loaded).toBe(true);
  });

  it('prints A4 with more, shorter pages, from the start page, with the overview last', async () => {
    const a3 = await render(ALL);
    const a4 = await render({ tables: ['city'], paper: 'A4', startPage: 3, overview: true });
    expect(a3.ok && a4.ok).toBe(true);
    if (!a3.ok || !a4.ok) return;
    const facts = await sheets('A4');
    expect(facts.map((sheet) => sheet.footer)).toEqual(facts.map((_, index) => String(index + 3)));
    expect(facts.flatMap((sheet) => sheet.rows).filter((number) => number > 0)).toEqual(range(1, 76));
    for (const sheet of facts.slice(0, -1)) expect(sheet.spare).toBeGreaterThanOrEqual(0);
    expect(a4.summary.parts.find((part) => part.part === 'city')?.pages).toBeGreaterThan(a3.summary.parts.find((part) => part.part === 'city')?.pages ?? 0);
    const overview = await sessions.current.page.locator('#root > .pv-sheet').last().innerText();
    expect(overview).toContain('取組の分布');
    expect(overview).toContain('福祉保険部');
    expect(await sessions.current.page.evaluate(() => [...document.querySelectorAll('style')].map((style) => style.textContent).join(''))).toContain(
      '@page { size: 297mm 210mm; margin: 0; }',
    );
  });

  it('refuses a document that is not an annex, with the reason', async () => {
    expect(await render(ALL, '{"schemaVersion":1}')).toMatchObject({ ok: false });
    const bad = await render({ ...ALL, paper: 'B4' as 'A3' });
    expect(bad).toEqual({ ok: false, message: '印刷の設定が正しくありません' });
  });

  it('agrees with the print-fit estimate: the estimate never counts fewer lines than the page sets, nor many more', async () => {
    const result = await render(ALL);
    expect(result.ok).toBe(true);
    // Lines each text cell takes in the DOM: the distinct line boxes of its text.
    const measured = await sessions.current.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#root > .pv-sheet')].flatMap((sheet) => {
        const table = sheet.querySelector('h1')?.textContent ?? '';
        const columns = [...sheet.querySelectorAll('colgroup col')].length;
        return [...sheet.querySelectorAll<HTMLTableRowElement>('tbody tr')].flatMap((row) =>
          [...row.querySelectorAll<HTMLElement>('td.pv-text')].map((cell, index) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return { table, columns, number: Number(row.dataset['rowNumber']), field: index === 0 ? 'title' : 'summary', lines: tops.size };
          }),
        );
      }),
    );
    expect(measured).toHaveLength((76 + 11) * 2);
    let exact = 0;
    for (const cell of measured) {
      const table = TABLE_KINDS.find((kind) => annex.tables[kind].title === cell.table) as TableKind;
      const row = annex.tables[table].rows[cell.number - 1];
      const field = cell.field as 'title' | 'summary';
      const estimate = cellFit(annex.plan, table, 'A3', field, row?.[field] ?? '').lines;
      expect(estimate, `${table} ${cell.number} ${field}`).toBeGreaterThanOrEqual(cell.lines);
      expect(estimate - cell.lines, `${table} ${cell.number} ${field}`).toBeLessThanOrEqual(1);
      if (estimate === cell.lines) exact += 1;
    }
    expect(exact / measured.length).toBeGreaterThan(0.8);
    // And the band's estimated height (which sets the room print-fit allows) is close to the drawn one.
    const bandPx = await sessions.current.page.evaluate(() => document.querySelector('#root > .pv-sheet thead')?.getBoundingClientRect().height ?? 0);
    const estimatePx = estimateBandHeightPt(tablePrintLayout(annex.plan, 'city', annex.tables.city.title, 'A3')) * PX_PER_PT;
    expect(Math.abs(estimatePx - bandPx) / bandPx).toBeLessThan(0.1);
  });
});
