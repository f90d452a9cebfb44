import { describe, expect, it } from 'vitest';
import { answerDialog, openEditor, problemCounts, saveState, waitForGrid } from './app-support';
import type { Page } from 'playwright-core';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openEditor);

const documentName = (page: Page): Promise<string> => page.locator('.document-name').innerText();

describe('files through the browser bridge', () => {
  it('saves as .xlsx and reopens it on the next start with the edits intact', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正/ }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    const download = page.waitForEvent('download');
    await page.keyboard.press('Control+Shift+S');
    expect((await download).suggestedFilename()).toBe('組み込みの2024年版.xlsx');
    await expect.poll(() => saveState(page)).toBe('保存済み');
    expect(await documentName(page)).toBe('組み込みの2024年版.xlsx');

    // The next start opens the last file: the same workbook, fixes and all.
    await page.reload();
    await waitForGrid(page);
    await expect.poll(() => documentName(page)).toBe('組み込みの2024年版.xlsx');
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    expect(await saveState(page)).toBe('保存済み');
  });

  it('offers unsaved work back after the page dies, with every edit', async () => {
    const { page } = sessions.current;
    await page.getByTestId('problems-panel').locator('li', { hasText: '旭川市 46・取組概要' }).getByRole('button', { name: '読点をそろえる' }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 12 });
    // The autosave is written about 1.5 s after the last change.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('annex-editor:autosave') !== null), { timeout: 10_000 }).toBe(true);

    await page.reload();
    await answerDialog(page, '復元する');
    await waitForGrid(page);
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 12 });
    expect(await saveState(page)).toBe('未保存の変更あり');
  });

  it('discards the autosave when asked, and starts on the built-in annex', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正/ }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('annex-editor:autosave') !== null), { timeout: 10_000 }).toBe(true);
    await page.reload();
    await answerDialog(page, '破棄する');
    await waitForGrid(page);
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 13 });
    expect(await page.evaluate(() => localStorage.getItem('annex-editor:autosave'))).toBeNull();
  });

  it('refuses a broken file with a Japanese message naming it, and keeps the open document', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正/ }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '開く', exact: true }).click();
    // Unsaved changes: keep them by not saving, then pick the file.
    await answerDialog(page, '保存しない');
    await (await chooser).setFiles({ name: '壊れた一覧.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 this is not a workbook') });
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/ファイルを開けません[\s\S]*壊れた一覧\.xlsx/);
    await answerDialog(page, 'OK');
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    expect(await documentName(page)).toBe('組み込みの2024年版');
  });

  it('asks before replacing unsaved work, and cancel keeps it', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正/ }).click();
    await page.getByRole('button', { name: '新規' }).click();
    await answerDialog(page, 'キャンセル');
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    await page.getByRole('button', { name: '新規' }).click();
    await answerDialog(page, '保存しない');
    await expect.poll(() => page.getByTestId('status-bar').innerText()).toContain('0 行');
    expect(await documentName(page)).toBe('無題');
  });
});
