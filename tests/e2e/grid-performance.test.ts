import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAnnexJson } from '../../shared/codec/annex-json';
import type { AnnexRow } from '../../shared/model/annex-document';
import { validateDocument } from '../../shared/validation/validator';
import { estimateRowHeight, type WrappedColumnWidths } from '../../renderer/src/features/grid/row-height';
import { projectRoot } from '../unit/support/paths';
import type { AppSession } from './support/browser';
import { cellText, clickCell, closeGridBrowser, openGrid, pageErrors, renderedRowIds, until, untilText } from './grid-support';

let session: AppSession;

beforeEach(async () => {
  session = await openGrid();
});

afterEach(async () => {
  if (!session) return;
  expect(pageErrors(session)).toEqual([]);
  await session.close();
});

afterAll(async () => {
  await closeGridBrowser();
});

/** The built-in annex with its city table repeated to `count` rows, as an annex JSON file. */
function bigAnnex(count: number, emptyTitles: readonly number[] = []): string {
  const json = JSON.parse(readFileSync(join(projectRoot, 'data/annex-2024.json'), 'utf8')) as { tables: { city: { rows: Array<{ id: string; title: string }> } } };
  const source = json.tables.city.rows;
  json.tables.city.rows = Array.from({ length: count }, (_, index) => ({
    ...(source[index % source.length] as { id: string; title: string }),
    id: `city-big-${index}`,
    ...(emptyTitles.includes(index) ? { title: '' } : {}),
  }));
  return JSON.stringify(json);
}

async function dropJson(session: AppSession, text: string): Promise<void> {
  // Dropped on the window, as a user would drop a file.
  await session.page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'big.json', { type: 'application/json' }));
    document.querySelector('.app')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
}

// Timing is measured by `npm run bench` (grid-open, grid-scroll-*, grid-edit), beside a floor in the same run;
// this test checks only that 10,000 rows work.
describe('10,000 rows', () => {
  it('open with only the rows in view rendered, scroll, reach the end and take an edit that changes a row height', async () => {
    const { page } = session;
    await dropJson(session, bigAnnex(10_000));
    await page.locator('.ag-row[row-id="city-big-0"]').first().waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: /旭川市/ }).innerText()).toContain('10000');
    // Virtualised: only the rows in view are in the DOM.
    expect((await renderedRowIds(page)).length).toBeLessThan(80);

    // Scrolled by the scrollbar, the rows in view follow and stay few.
    await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('[data-testid="annex-grid"] .ag-grid-viewport');
      if (!viewport) throw new Error('no viewport');
      viewport.scrollTop = viewport.scrollHeight / 2;
    });
    await until(async () => !(await renderedRowIds(page)).includes('city-big-0'), 'rows from the middle');
    expect((await renderedRowIds(page)).length).toBeLessThan(80);

    // Jump to the end and edit: the row grows to fit its new text.
    const shown = await renderedRowIds(page);
    // Rows above and below the view are rendered too (AG Grid's buffer): take one from the middle.
    await clickCell(page, shown[Math.floor(shown.length / 2)] as string, 'title');
    await page.keyboard.press('Control+End');
    await until(async () => (await renderedRowIds(page)).includes('city-big-9999'), 'the last row', 15_000);
    expect(await cellText(page, 'city-big-9999', 'number')).toBe('10000');
    const row = page.locator('.ag-row[row-id="city-big-9999"]').first();
    const before = (await row.boundingBox())?.height ?? 0;
    await clickCell(page, 'city-big-9999', 'title');
    await page.keyboard.type('とても長い取組の名前');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Alt+Enter');
      await page.keyboard.type('行');
    }
    await page.keyboard.press('Enter');
    await untilText(page, 'city-big-9999', 'title', `とても長い取組の名前${'\n行'.repeat(6)}`);
    await until(async () => ((await row.boundingBox())?.height ?? 0) > before + 60, 'the taller row');
  });
});

describe('a large file just opened', () => {
  it('draws its grid first, shows 検証中… while its rows are checked between frames, then the same problems as a whole validation', async () => {
    const { page } = session;
    const text = bigAnnex(10_000, [5, 5_000, 9_999]);
    const parsed = parseAnnexJson(text);
    if (!parsed.ok) throw new Error('the generated annex does not load');
    const expected = validateDocument(parsed.value).filter((issue) => issue.table === 'city');
    const errors = expected.filter((issue) => issue.severity === 'error').length;
    expect(errors).toBeGreaterThanOrEqual(3);
    // Recorded by the page itself: whether the grid showed the new rows while the status said 検証中….
    await page.evaluate(() => {
      const seen = { checking: false, gridWhileChecking: false };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (!document.querySelector('[data-testid="checking"]')) return;
        seen.checking = true;
        if (document.querySelector('.ag-row[row-id="city-big-0"]')) seen.gridWhileChecking = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await dropJson(session, text);
    await page.locator('.ag-row[row-id="city-big-0"]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('status-bar').innerText(), { timeout: 30_000 }).toContain(`エラー ${errors}`);
    expect(await page.getByTestId('status-bar').innerText()).toContain(`警告 ${expected.length - errors}`);
    expect(await page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({ checking: true, gridWhileChecking: true });
  });
});

describe('row heights of a large file', () => {
  it('are all given in the background once it is open: at the end of the table, the last row sits below the heights of all rows before it', async () => {
    const { page } = session;
    const text = bigAnnex(10_000);
    const parsed = parseAnnexJson(text);
    if (!parsed.ok) throw new Error('the generated annex does not load');
    const rows: readonly AnnexRow[] = parsed.value.tables.city.rows;
    await dropJson(session, text);
    await page.locator('.ag-row[row-id="city-big-0"]').first().waitFor({ timeout: 30_000 });
    const widths = await page.evaluate(() => {
      const width = (colId: string): number => document.querySelector<HTMLElement>(`[data-testid="annex-grid"] .ag-header-cell[col-id="${colId}"]`)?.offsetWidth ?? Number.NaN;
      return { title: width('title'), summary: width('summary'), departments: width('departments'), sections: width('sections') };
    });
    const heights = rows.map((row) => estimateRowHeight(row, widths as WrappedColumnWidths));
    const lastTop = heights.slice(0, -1).reduce((sum, height) => sum + height, 0);
    // The heights arrive in slices after the grid is drawn: the table grows to hold them all.
    const scrollHeight = (): Promise<number> =>
      page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="annex-grid"] .ag-grid-viewport')?.scrollHeight ?? 0);
    await until(async () => (await scrollHeight()) > lastTop, 'the heights of all rows', 15_000);
    // Dragged straight to the end, as with the scrollbar: AG Grid measures only the rows it then draws.
    const topOfLastRow = async (): Promise<number | null> =>
      page.evaluate(() => {
        const viewport = document.querySelector<HTMLElement>('[data-testid="annex-grid"] .ag-grid-viewport');
        if (!viewport) throw new Error('no viewport');
        viewport.scrollTop = viewport.scrollHeight;
        const row = document.querySelector<HTMLElement>('[data-testid="annex-grid"] .ag-row[row-id="city-big-9999"]');
        const match = /translateY\((-?[\d.]+)px\)/.exec(row?.style.transform ?? '');
        return match ? Number(match[1]) : null;
      });
    await expect.poll(topOfLastRow, { timeout: 15_000 }).toBe(lastTop);
  });
});
