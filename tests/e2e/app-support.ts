import type { Page } from 'playwright-core';
import { openApp, type AppSession } from './support/browser';

/** Opens the app and waits until the start-up document is in the grid. */
export async function openEditor(): Promise<AppSession> {
  const session = await openApp();
  await waitForGrid(session.page);
  return session;
}

export async function waitForGrid(page: Page): Promise<void> {
  await page.locator('[data-testid="annex-grid"] .ag-row').first().waitFor({ timeout: 30_000 });
}

/** The problem counts the panel shows, e.g. { errors: 0, warnings: 13 }. */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const header = await page.getByTestId('problems-panel').locator('h2').innerText();
  const number = (label: string): number => Number(new RegExp(`${label}\\s*(\\d+)`).exec(header)?.[1] ?? NaN);
  return { errors: number('エラー'), warnings: number('警告') };
}

export const saveState = (page: Page): Promise<string> => page.getByTestId('save-state').innerText();

/** Answers the in-page dialog by its button's label. */
export async function answerDialog(page: Page, button: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}
