import { describe, expect, it } from 'vitest';
import { openEditor } from './app-support';
import { sessionPerTest } from './support/session-per-test';
import type { Page } from 'playwright-core';

const sessions = sessionPerTest(() => openEditor());

async function openPreview(page: Page): Promise<void> {
  await page.getByRole('button', { name: '印刷・PDF' }).click();
  await page.getByTestId('print-preview').waitFor();
  await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^全 \d+ ページ/);
}

const status = (page: Page): Promise<string> => page.getByTestId('print-status').innerText();
const pageCount = async (page: Page): Promise<number> => Number(/全 (\d+) ページ/.exec(await status(page))?.[1]);

describe('印刷プレビュー', () => {
  it('shows the pages as thumbnails and one large, numbered from the start page', async () => {
    const { page } = sessions.current;
    await openPreview(page);
    const pages = await pageCount(page);
    expect(await status(page)).toMatch(/A3 横、旭川市 \d+ ページ、社会福祉協議会 \d+ ページ/);
    const thumbnails = page.getByTestId('print-thumbnail');
    expect(await thumbnails.count()).toBe(pages);
    expect(await thumbnails.first().getAttribute('aria-label')).toMatch(/^1 ページ：旭川市 通し番号 1〜\d+$/);
    expect(await thumbnails.last().getAttribute('aria-label')).toMatch(new RegExp(`^${pages} ページ：社会福祉協議会 通し番号 1〜11$`));
    // Every row appears on exactly one page.
    const labels = await thumbnails.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    const numbers = labels.flatMap((label) => {
      const match = /(旭川市|社会福祉協議会) 通し番号 (\d+)〜(\d+)/.exec(label);
      return match ? Array.from({ length: Number(match[3]) - Number(match[2]) + 1 }, (_, i) => `${match[1]} ${Number(match[2]) + i}`) : [];
    });
    expect(numbers).toHaveLength(87);
    expect(new Set(numbers).size).toBe(87);

    const large = page.getByTestId('print-page-large');
    expect(await large.locator('h1').innerText()).toBe('計画に基づく旭川市の取組事業一覧');
    await thumbnails.last().click();
    await expect.poll(() => large.locator('h1').innerText()).toBe('計画に基づく旭川市社会福祉協議会の取組事業一覧');
    expect(await large.getByTestId('page-number').innerText()).toBe(String(pages));

    await page.locator('.print-preview-start').fill('7');
    await expect.poll(() => large.getByTestId('page-number').innerText()).toBe(String(pages + 6));
  });

  it('changes the paper as an undoable edit of the document, and adds the overview page on request', async () => {
    const { page } = sessions.current;
    await openPreview(page);
    const a3 = await pageCount(page);
    await page.getByRole('combobox', { name: '用紙' }).selectOption('A4');
    await expect.poll(() => status(page), { timeout: 30_000 }).toContain('A4 横');
    expect(await pageCount(page)).toBeGreaterThan(a3);
    await page.getByLabel('取組の分布のページを付ける').check();
    await expect.poll(() => status(page), { timeout: 30_000 }).toContain('取組の分布 1 ページ');
    await page.getByRole('checkbox', { name: '社会福祉協議会' }).uncheck();
    await expect.poll(() => status(page), { timeout: 30_000 }).not.toContain('社会福祉協議会');
    await page.keyboard.press('Escape');
    await page.getByTestId('print-preview').waitFor({ state: 'detached' });
    expect(await page.getByTestId('save-state').innerText()).toBe('未保存の変更あり');
    expect(await page.getByRole('button', { name: '元に戻す' }).getAttribute('title')).toContain('用紙を A4 に変更');
    await page.getByRole('button', { name: '元に戻す' }).click();
    expect(await page.getByTestId('save-state').innerText()).toBe('保存済み');
    await openPreview(page);
    expect(await status(page)).toContain('A3 横');
  });

  it('in the browser, PDF に書き出し opens the print dialog on the preview’s sheets, and says so', async () => {
    const { page } = sessions.current;
    await page.evaluate(() => {
      const counter = window as unknown as { printed: number };
      counter.printed = 0;
      window.print = () => {
        counter.printed += 1;
      };
    });
    await page.keyboard.press('Control+p');
    await page.getByTestId('print-preview').waitFor();
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/^全 \d+ ページ/);
    expect(await page.locator('.print-preview-note').innerText()).toContain('「PDF に保存」');
    await page.getByRole('button', { name: 'PDF に書き出し' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // What the browser prints: every sheet at full size, and the page size for the dialog.
    expect(await page.locator('body > .print-output > .pv-sheet').count()).toBe(await pageCount(page));
    expect(await page.locator('body > .print-output style').textContent()).toContain('@page { size: 420mm 297mm; margin: 0; }');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await page.locator('body > .print-output > .pv-sheet').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '印刷', exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
    await page.getByRole('button', { name: '閉じる', exact: true }).click();
    expect(await page.locator('.print-output').count()).toBe(0);
  });
});

describe('取組の分布', () => {
  it('shows initiatives per 部 and per concept as a heat map with counts', async () => {
    const { page } = sessions.current;
    await page.getByRole('tab', { name: '取組の分布' }).click();
    const matrix = page.getByTestId('overview-matrix');
    await matrix.waitFor();
    const welfare = matrix.locator('tr[data-overview-line="福祉保険部"] td');
    expect(await welfare.nth(1).innerText()).toBe('43');
    const total = matrix.locator('tr[data-overview-line="旭川市 計"] td');
    expect(await total.nth(1).innerText()).toBe('76');
    expect(await matrix.locator('tr[data-overview-line="社会福祉協議会"] td').nth(1).innerText()).toBe('11');
    // The darkest cell is the largest count.
    const shaded = await welfare.nth(5).evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(shaded).not.toBe('rgba(0, 0, 0, 0)');
    expect(await page.getByRole('tab', { selected: true }).innerText()).toBe('取組の分布');
    await page.getByRole('tab', { name: /旭川市/ }).click();
    await page.locator('[data-testid="annex-grid"] .ag-row').first().waitFor();
  });
});
