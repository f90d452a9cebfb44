import type { Page } from 'playwright-core';

/** Kills the page's renderer process, as a crash would: no unload, no close guard, nothing saved. */
export async function crashPage(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
  // The call never answers: its page is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

/** Whether the browser bridge's autosave holds `text` yet (it follows about 1.5 s after the last edit). */
export const autosaveHolds = (page: Page, text: string): Promise<boolean> =>
  page.evaluate((wanted) => localStorage.getItem('annex-editor:autosave')?.includes(wanted) ?? false, text);
