import type { CDPSession, Locator, Page } from 'playwright-core';
import { openApp, type AppSession } from './support/browser';

export { closeBrowser as closeGridBrowser } from './support/browser';

/** Opens the app on the built-in annex and waits for the grid's first row. */
export async function openGrid(options: { viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const session = await openApp(options);
  await session.page.locator('[data-testid="annex-grid"] .ag-row[row-id="city-01"]').first().waitFor({ timeout: 30_000 });
  // The page's web font: headers and rows are measured once it is in.
  await session.page.evaluate(() => document.fonts.ready);
  return session;
}

export const cell = (page: Page, rowId: string, colId: string): Locator =>
  page.locator(`[data-testid="annex-grid"] .ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);

export const cellText = async (page: Page, rowId: string, colId: string): Promise<string> =>
  (await cell(page, rowId, colId).innerText()).trim();

export const gridInput = (page: Page): Locator => page.getByTestId('grid-cell-input');

/** The rendered rows' ids in display order (AG Grid renders pinned and centre parts of a row separately). */
export async function renderedRowIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = new Map<string, number>();
    for (const element of document.querySelectorAll<HTMLElement>('[data-testid="annex-grid"] .ag-row[row-id][row-index]')) {
      rows.set(element.getAttribute('row-id') ?? '', Number(element.getAttribute('row-index')));
    }
    return [...rows].sort((a, b) => a[1] - b[1]).map(([id]) => id);
  });
}

/** A click on a cell's text area (not the 通し番号 drag handle). */
export async function clickCell(page: Page, rowId: string, colId: string, modifiers: Array<'Shift' | 'Control'> = []): Promise<void> {
  const target = cell(page, rowId, colId);
  const box = await target.boundingBox();
  if (!box) throw new Error(`cell ${rowId}/${colId} is not rendered`);
  await page.mouse.move(box.x + box.width - 8, box.y + Math.min(box.height / 2, 14));
  for (const modifier of modifiers) await page.keyboard.down(modifier);
  await page.mouse.down();
  await page.mouse.up();
  for (const modifier of modifiers) await page.keyboard.up(modifier);
}

export async function expectActive(page: Page, rowId: string, colId: string): Promise<boolean> {
  return (await cell(page, rowId, colId).getAttribute('class'))?.includes('annex-cell-active') ?? false;
}

/** Waits until `probe` returns true (the store and AG Grid update in the next frames). */
export async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function untilText(page: Page, rowId: string, colId: string, expected: string): Promise<void> {
  let last = '';
  try {
    await until(async () => (last = await cellText(page, rowId, colId)) === expected, `${rowId}/${colId} = ${expected}`);
  } catch {
    throw new Error(`${rowId}/${colId}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(last)}`);
  }
}

/** Types through the IME as Chromium receives it: composition updates, then the committed text. */
export async function imeType(page: Page, cdp: CDPSession, steps: readonly string[], committed: string): Promise<void> {
  // A real IME's first key arrives as keyCode 229 ("Process") before the composition starts.
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyN', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  for (const step of steps) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text: committed });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyN', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  void page;
}

/** Errors and console errors seen by the page. */
export const pageErrors = (session: AppSession): string[] => session.errors;
