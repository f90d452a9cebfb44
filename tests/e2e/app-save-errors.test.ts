import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerDialog, openEditor, problemCounts, saveState } from './app-support';
import { cellText, clickCell, untilText } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openEditor);

const FILE_KEY = 'annex-editor:file:組み込みの2024年版.xlsx';
const documentName = (page: Page): Promise<string> => page.locator('.document-name').innerText();

/** Fills the origin's storage to the last character, as a full disk would be; returns the keys it used. */
function fillStorage(page: Page): Promise<number> {
  return page.evaluate(() => {
    let keys = 0;
    for (let size = 4 * 1024 * 1024; size >= 1; ) {
      try {
        localStorage.setItem(`filler-${keys}`, 'x'.repeat(size));
        keys += 1;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return keys;
  });
}

const freeStorage = (page: Page, keys: number): Promise<void> =>
  page.evaluate((count) => {
    for (let key = 0; key < count; key += 1) localStorage.removeItem(`filler-${key}`);
  }, keys);

describe('a save that fails (the browser’s file store is full)', () => {
  it('says so naming the file, keeps the document open with its edits and the unsaved mark, damages nothing, and a later save works', async () => {
    const { page } = sessions.current;
    // A first version saved and kept.
    let download = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+S');
    await download;
    await expect.poll(() => saveState(page)).toBe('保存済み');
    const firstVersion = await page.evaluate((key) => localStorage.getItem(key), FILE_KEY);
    expect(firstVersion).not.toBeNull();

    // An edit that makes the file larger (a replaced file only needs room for its growth), then the store fills up.
    const longTitle = Array.from({ length: 300 }, (_, index) => ((index * 7919) % 36).toString(36)).join('');
    await clickCell(page, 'city-02', 'title');
    await page.keyboard.type(longTitle);
    await page.keyboard.press('Enter');
    await untilText(page, 'city-02', 'title', longTitle);
    await expect.poll(() => saveState(page)).toBe('未保存の変更あり');
    const fillers = await fillStorage(page);
    let downloads = 0;
    page.on('download', () => (downloads += 1));

    await page.keyboard.press('Control+s');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('「組み込みの2024年版.xlsx」を保存できません：ブラウザーの保存領域の空きが足りません。');
    await answerDialog(page, 'OK');
    expect(await saveState(page)).toBe('未保存の変更あり');
    expect(await documentName(page)).toBe('組み込みの2024年版.xlsx');
    expect(await cellText(page, 'city-02', 'title')).toBe(longTitle);
    // Nothing delivered, and the saved version is exactly as it was.
    expect(downloads).toBe(0);
    expect(await page.evaluate((key) => localStorage.getItem(key), FILE_KEY)).toBe(firstVersion);

    // Space freed: the same save goes through.
    await freeStorage(page, fillers);
    download = page.waitForEvent('download');
    await page.keyboard.press('Control+s');
    await download;
    await expect.poll(() => saveState(page)).toBe('保存済み');
    expect(await page.evaluate((key) => localStorage.getItem(key), FILE_KEY)).not.toBe(firstVersion);

    // It is the edited document that the next start opens.
    await page.reload();
    await expect.poll(() => documentName(page), { timeout: 30_000 }).toBe('組み込みの2024年版.xlsx');
    await untilText(page, 'city-02', 'title', longTitle);
    expect(await saveState(page)).toBe('保存済み');
  });

  it('a first save of a new name that fails leaves the document as it was, under its old name', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正/ }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    const fillers = await fillStorage(page);

    await page.keyboard.press('Control+Shift+S');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/保存できません[\s\S]*「組み込みの2024年版\.xlsx」を保存できません/);
    await answerDialog(page, 'OK');
    expect(await documentName(page)).toBe('組み込みの2024年版');
    expect(await saveState(page)).toBe('未保存の変更あり');
    expect(await page.evaluate((key) => localStorage.getItem(key), FILE_KEY)).toBeNull();
    await freeStorage(page, fillers);
  });
});

describe('an autosave that fails (the browser’s storage is full)', () => {
  it('warns in the status bar that unsaved work is unguarded, and the warning goes once an autosave succeeds', async () => {
    const { page } = sessions.current;
    const fillers = await fillStorage(page);
    await clickCell(page, 'city-02', 'title');
    await page.keyboard.type('自動保存の確認');
    await page.keyboard.press('Enter');
    const warning = page.getByTestId('autosave-problem');
    await warning.waitFor({ timeout: 10_000 });
    expect(await warning.innerText()).toContain('自動保存できません');

    await freeStorage(page, fillers);
    await clickCell(page, 'city-03', 'title');
    await page.keyboard.type('もう一度');
    await page.keyboard.press('Enter');
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await saveState(page)).toBe('未保存の変更あり');
  });
});
