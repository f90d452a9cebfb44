import { describe, expect, it } from 'vitest';
import { answerDialog, openEditor, problemCounts, saveState } from './app-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openEditor);

describe('the problems panel', () => {
  it('lists the built-in annex problems by severity and fixes one, undoably', async () => {
    const { page } = sessions.current;
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 13 });
    const panel = page.getByTestId('problems-panel');
    const row32 = panel.locator('li', { hasText: '旭川市 32・取組概要' });
    await row32.getByRole('button', { name: '文末に「。」を付ける' }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 12 });
    expect(await saveState(page)).toBe('未保存の変更あり');
    await page.getByRole('button', { name: '元に戻す' }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 13 });
    expect(await saveState(page)).toBe('保存済み');
  });

  it('applies every safe fix as one step, leaving the one that needs a person', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: /まとめて修正（12）/ }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 1 });
    await expect.poll(() => page.getByTestId('problems-panel').innerText()).toContain('「応応」が重なっています');
    await page.keyboard.press('Control+z');
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 13 });
  });

  it('jumps to the cell of a problem', async () => {
    const { page } = sessions.current;
    await page.getByTestId('problems-panel').locator('li', { hasText: '社会福祉協議会 11・取組概要' }).locator('.problem-jump').click();
    await expect.poll(() => page.getByRole('tab', { selected: true }).innerText()).toContain('社会福祉協議会');
    await expect
      .poll(() => page.locator('[data-testid="annex-grid"] .ag-row[row-id="council-11"]').count())
      .toBeGreaterThan(0);
  });
});

describe('find, replace and filters', () => {
  it('replaces every match in one undo step', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: '置換', exact: true }).click();
    await page.getByLabel('検索する文字列').fill('雪対策課');
    await expect.poll(() => page.locator('.find-count').innerText()).toBe('3 件');
    await page.getByLabel('置換後の文字列').fill('除雪課');
    await page.getByRole('button', { name: 'すべて置換' }).click();
    await answerDialog(page, 'OK');
    // 除雪課 is not in the master: each replaced cell is now an error.
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 3, warnings: 13 });
    await page.getByRole('button', { name: '元に戻す' }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 13 });
  });

  it('filters rows by 部 and by problem, and says so in the status bar', async () => {
    const { page } = sessions.current;
    await page.getByLabel('部で絞り込む').selectOption('土木部');
    await expect.poll(() => page.getByTestId('status-bar').innerText()).toContain('4 / 76 行（絞り込み中）');
    await page.getByRole('button', { name: '解除' }).click();
    await page.getByLabel('問題で絞り込む').selectOption('warning');
    await expect.poll(() => page.getByTestId('status-bar').innerText()).toContain('5 / 76 行（絞り込み中）');
  });
});
