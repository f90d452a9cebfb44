import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerDialog, saveState, waitForGrid } from './app-support';
import { autosaveHolds, crashPage } from './app-recovery-support';
import { clickCell, openGrid, untilText } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openGrid);

const NAME = '組み込みの2024年版.xlsx';
const FILE_KEY = `annex-editor:file:${NAME}`;
const documentName = (page: Page): Promise<string> => page.locator('.document-name').innerText();
const storedFile = (page: Page): Promise<string | null> => page.evaluate((key) => localStorage.getItem(key), FILE_KEY);

async function saveAs(page: Page): Promise<void> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+Shift+S');
  await download;
  await expect.poll(() => saveState(page)).toBe('保存済み');
}

async function typeTitle(page: Page, rowId: string, text: string): Promise<void> {
  await clickCell(page, rowId, 'title');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await untilText(page, rowId, 'title', text);
}

/** A second instance: another tab on the same store, which opens the last saved file at start. */
async function secondInstance(page: Page, url: string): Promise<Page> {
  const other = await page.context().newPage();
  await other.goto(url);
  await waitForGrid(other);
  await expect.poll(() => documentName(other)).toBe(NAME);
  return other;
}

describe('a file saved by another instance meanwhile', () => {
  it('is not overwritten without asking: キャンセル keeps both, 上書き保存 replaces it', async () => {
    const { page, url } = sessions.current;
    await saveAs(page);
    const other = await secondInstance(page, url);

    // The other instance edits and saves first.
    await typeTitle(other, 'city-02', 'もう一方の変更');
    let download = other.waitForEvent('download');
    await other.keyboard.press('Control+s');
    await download;
    await expect.poll(() => saveState(other)).toBe('保存済み');
    const theirs = await storedFile(page);

    // This instance's save asks first, naming the file.
    await typeTitle(page, 'city-03', 'こちらの変更');
    await page.keyboard.press('Control+s');
    const question = page.getByRole('dialog');
    await question.waitFor();
    expect(await question.innerText()).toContain(`${NAME} は開いた後に他のアプリで変更されています。上書きすると、その変更は失われます。`);
    await answerDialog(page, 'キャンセル');
    expect(await storedFile(page)).toBe(theirs);
    expect(await saveState(page)).toBe('未保存の変更あり');

    // Asked again, the user chooses to overwrite.
    await page.keyboard.press('Control+s');
    download = page.waitForEvent('download');
    await answerDialog(page, '上書き保存');
    await download;
    await expect.poll(() => saveState(page)).toBe('保存済み');
    expect(await storedFile(page)).not.toBe(theirs);
    await other.close();
  });

  it('recovered work, after a crash, still asks before replacing the file if it changed meanwhile', async () => {
    const { page, url } = sessions.current;
    await saveAs(page);
    await typeTitle(page, 'city-03', '復元される変更');
    await expect.poll(() => autosaveHolds(page, '復元される変更'), { timeout: 15_000 }).toBe(true);
    await crashPage(page);

    // The next start offers the work; before it is restored, another program saves the file.
    const next = await page.context().newPage();
    await next.goto(url);
    await next.getByRole('dialog').waitFor({ timeout: 30_000 });
    const changed = await next.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as { bytes: string; mtimeMs: number };
      const replaced = JSON.stringify({ ...stored, mtimeMs: stored.mtimeMs + 60_000 });
      localStorage.setItem(key, replaced);
      return replaced;
    }, FILE_KEY);
    await answerDialog(next, '復元する');
    await untilText(next, 'city-03', 'title', '復元される変更');
    expect(await documentName(next)).toBe(NAME);

    await next.keyboard.press('Control+s');
    const question = next.getByRole('dialog');
    await question.waitFor();
    expect(await question.innerText()).toContain(`${NAME} は開いた後に他のアプリで変更されています。`);
    await answerDialog(next, 'キャンセル');
    expect(await storedFile(next)).toBe(changed);
    expect(await saveState(next)).toBe('未保存の変更あり');
    await next.close();
  });
});
