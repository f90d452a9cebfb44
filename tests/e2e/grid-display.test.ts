import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../unit/support/paths';
import { cell, cellText, openGrid, renderedRowIds, until } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const screenshots = join(projectRoot, 'tests/e2e/screenshots');
const sessions = sessionPerTest(openGrid);

describe('the grid shows the annex as printed', () => {
  it('draws the header band from the plan: 基本理念, 目指す地域像１–４, 基本的な考え方, vertical concept names', async () => {
    const { page } = sessions.current;
    const header = (id: string) => page.getByTestId(`header-${id}`);
    await expect.poll(() => header('philosophy').innerText()).toContain('普段の暮らしの中で');
    for (const [n, digit] of [[1, '１'], [2, '２'], [3, '３'], [4, '４']] as const) expect(await header(`v${n}`).innerText()).toContain(`目指す地域像${digit}`);
    expect(await header('v1').innerText()).toContain('個性や多様性を互いに受け止め');
    expect(await header('v1-concepts').innerText()).toBe('基本的な考え方');
    // A concept without sub-columns is a leaf with its label over its vertical title.
    expect(await header('mark:v1-1').innerText()).toContain('（１）');
    const writingMode = await header('mark:v1-1').locator('.annex-header-title').evaluate((element) => getComputedStyle(element).writingMode);
    expect(writingMode).toBe('vertical-rl');
    // 地域像１（２） is a group over its two sub-columns, whose titles are vertical.
    expect(await header('v1-2').innerText()).toContain('一人一人の権利が守られるとともに');
    expect(await header('mark:v1-2-guardianship').innerText()).toContain('旭川市成年後見制度利用促進計画関係');
    expect(await page.locator('[col-id="mark:v1-2-guardianship"][role="columnheader"]').getAttribute('title')).toContain('旭川市成年後見制度利用促進計画関係');
    // Every vertical title fits its header cell.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.annex-header-vertical .annex-header-title')]
        .filter((element) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1)
        .map((element) => element.textContent),
    );
    expect(clipped).toEqual([]);
    // 12 mark columns for 2024.
    expect(await page.locator('.ag-header-cell[col-id^="mark:"]').count()).toBe(12);

    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, 'grid-city.png') });
    const box = await page.locator('.ag-header').boundingBox();
    if (box) await page.screenshot({ path: join(screenshots, 'grid-header-band.png'), clip: { x: box.x, y: box.y, width: box.width, height: box.height } });
    await page.getByRole('tab', { name: /社会福祉協議会/ }).click();
    await page.locator('[data-testid="annex-grid"][data-table="council"] .ag-row[row-id="council-01"]').first().waitFor();
    expect(await page.locator('.ag-header-cell[col-id="departments"]').count()).toBe(0);
    await page.screenshot({ path: join(screenshots, 'grid-council.png') });
  });

  it('marks problem cells with their severity and messages, and jumps to a problem from the panel', async () => {
    const { page } = sessions.current;
    // 旭川市 32 has a warning on 取組概要 (no 「。」 at its end).
    await page.getByTestId('problems-panel').getByRole('button', { name: /旭川市 32/ }).first().click();
    await until(async () => (await renderedRowIds(page)).includes('city-32'), 'row 32 in view');
    await until(async () => ((await cell(page, 'city-32', 'summary').getAttribute('class')) ?? '').includes('annex-cell-active'), 'the jump');
    expect(await cell(page, 'city-32', 'summary').getAttribute('class')).toContain('annex-cell-warning');
    expect(await cell(page, 'city-32', 'summary').getAttribute('title')).toContain('。');
    // A row without ○ gets an error on its whole matrix once its marks are cleared.
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await until(async () => ((await cell(page, 'city-32', 'mark:v1-1').getAttribute('class')) ?? '').includes('annex-cell-error'), 'the marks error');
    expect(await cell(page, 'city-32', 'mark:v1-1').getAttribute('title')).toContain('○が一つもありません');
  });

  it('applies the filter bar as an external filter', async () => {
    const { page } = sessions.current;
    await page.getByLabel('部で絞り込む').selectOption('保健所');
    await until(async () => !(await renderedRowIds(page)).includes('city-01'), 'the filter');
    const ids = await renderedRowIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(await cellText(page, id, 'departments')).toContain('保健所');
    await page.getByLabel('部で絞り込む').selectOption('');
    await until(async () => (await renderedRowIds(page)).includes('city-01'), 'the filter cleared');
  });
});
