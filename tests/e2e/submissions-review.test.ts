import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openEditor, saveState } from './app-support';
import { cellText, clickCell, renderedRowIds, untilText } from './grid-support';
import { recipientsOf } from '../../shared/submissions/recipients';
import { editSectionWorkbook, unrelatedWorkbook } from '../fixtures-src/submission-fixtures';
import { sessionPerTest } from './support/session-per-test';
import {
  afterMerge,
  afterOwnEdit,
  annex,
  asFile,
  dropFiles,
  autosavedTables,
  cellDiff,
  fileItem,
  fileStatuses,
  NAMES,
  returnedFiles,
  reviewRow,
  reviewScreen,
  sentWorkbooks,
  TYPED,
  type ReturnedFile,
} from './submissions-support';

const sessions = sessionPerTest(openEditor);

const undoTitle = (page: Page): Promise<string | null> => page.locator('[data-action="undo"]').getAttribute('title');
const filterSection = (page: Page, section: string): Promise<string[]> => page.getByLabel('課で絞り込む').selectOption(section);

/** 提出用ファイルの作成 per 課: the send dialog, the zip downloaded, the send recorded; returns the sent workbooks. */
async function send(page: Page): Promise<Map<string, Uint8Array>> {
  await page.getByRole('button', { name: '提出用ファイルの作成' }).click();
  const dialog = page.getByTestId('send-dialog');
  await dialog.waitFor();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '作成…' }).click();
  const sent = await sentWorkbooks(await download);
  await dialog.waitFor({ state: 'detached' });
  return sent;
}

/** 提出ファイルの取り込み with the files picked in the browser's file dialog; waits for the review screen. */
async function takeIn(page: Page, files: readonly ReturnedFile[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '提出ファイルの取り込み' }).click();
  const picker = await chooser;
  expect(picker.isMultiple()).toBe(true);
  await picker.setFiles([...files]);
  await reviewScreen(page).waitFor();
}

/** The secretariat's own edit after the send, in the grid: the snow section's file will conflict with it. */
async function editRow67(page: Page): Promise<void> {
  await filterSection(page, '雪対策課');
  await clickCell(page, 'city-67', 'summary');
  await page.keyboard.type(TYPED.row67ours);
  await page.keyboard.press('Enter');
  await untilText(page, 'city-67', 'summary', TYPED.row67ours);
  await filterSection(page, '');
}

const choice = (page: Page, rowId: string, field: string) => cellDiff(page, rowId, field).getByRole('checkbox');

describe('section submissions in the browser', () => {
  it('sends per 課 or per 部 from a dialog listing the addressees, downloads one zip and records the send as an undoable edit', async () => {
    const { page } = sessions.current;
    await page.getByRole('button', { name: '提出用ファイルの作成' }).click();
    const dialog = page.getByTestId('send-dialog');
    await dialog.waitFor();
    // Focus starts on 課ごと; Escape closes without sending.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('section');
    const recipients = dialog.getByTestId('send-recipients');
    const perSection = recipientsOf(annex, 'section');
    expect(await recipients.locator('tbody tr').count()).toBe(perSection.length);
    expect(await recipients.locator('tr', { hasText: '保健所 健康推進課' }).locator('td').allInnerTexts()).toEqual(['保健所 健康推進課', '旭川市', '5', NAMES.health]);
    expect(await recipients.locator('tr', { hasText: '社会福祉協議会' }).locator('td').nth(2).innerText()).toBe('11');
    expect(await dialog.getByTestId('send-total').innerText()).toMatch(new RegExp(`^${perSection.length} ファイル・`));
    await page.screenshot({ path: '/tmp/submissions-send-dialog.png' });

    await dialog.getByLabel('部ごと').check();
    const [welfare] = recipientsOf(annex, 'department');
    expect(await recipients.locator('tbody tr').count()).toBe(recipientsOf(annex, 'department').length);
    expect(await recipients.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['福祉保険部', '旭川市', String(welfare?.rows.length), '取組事業一覧_福祉保険部.xlsx']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await saveState(page)).toBe('保存済み');

    const sent = await send(page);
    expect(sent.size).toBe(perSection.length);
    expect([...sent.keys()]).toContain(NAMES.health);
    expect([...sent.keys()]).toContain('取組事業一覧_社会福祉協議会.xlsx');
    expect(await page.getByTestId('submission-notice').innerText()).toContain('提出用ファイルを 23 件作成しました');
    // The send is in the document: it is unsaved, and one undo step takes it out again.
    expect(await saveState(page)).toBe('未保存の変更あり');
    expect(await undoTitle(page)).toBe('元に戻す (Ctrl+Z): 提出用ファイルの作成（課ごと・23 件）');
    await page.keyboard.press('Control+z');
    await expect.poll(() => undoTitle(page)).toBe('元に戻す (Ctrl+Z)');
  });

  it('reviews returned files: statuses and reasons, struck-through old and new values, conflicts side by side; applies exactly the choices as one undo step; a second intake changes nothing', async () => {
    const { page } = sessions.current;
    const sent = await send(page);
    await editRow67(page);
    const files = returnedFiles(sent);
    await takeIn(page, files);

    expect(await fileStatuses(page)).toEqual([
      [NAMES.health, '取り込み可'],
      [NAMES.snow, '取り込み可'],
      [NAMES.healthAgain, '取り込み済み'],
      [NAMES.corrupted, '読めない'],
      [NAMES.unrelated, '提出ファイルではない'],
      [NAMES.unknown, '課が不明'],
      [NAMES.wrongSection, '別の課'],
    ]);
    // Each file that changes nothing says why.
    expect(await fileItem(page, NAMES.healthAgain).innerText()).toContain(`「${NAMES.health}」と同じファイルです`);
    expect(await fileItem(page, NAMES.corrupted).innerText()).toContain('壊れています');
    expect(await fileItem(page, NAMES.unrelated).innerText()).toContain('見つかりません');
    expect(await fileItem(page, NAMES.unknown).innerText()).toContain('観光課');
    expect(await fileItem(page, NAMES.wrongSection).innerText()).toContain('ほかの宛先（土木部 雪対策課）');
    expect(await reviewScreen(page).getByTestId('review-summary').innerText()).toBe(
      'ファイル 7 件（取り込み可 2・取り込み済み 1・別の課 1・課が不明 1・提出ファイルではない 1・読めない 1）',
    );
    // The first file to take is shown, with focus on it in the list; the arrows move through the files, Tab into the rows.
    const focusedFile = (): Promise<string | null | undefined> =>
      page.evaluate(() => document.activeElement?.closest('[data-testid="review-file"]')?.getAttribute('data-file-name'));
    const detail = reviewScreen(page).getByTestId('review-detail');
    expect(await focusedFile()).toBe(NAMES.health);
    await page.keyboard.press('ArrowDown');
    expect(await focusedFile()).toBe(NAMES.snow);
    expect(await detail.locator('h3').innerText()).toContain(NAMES.snow);
    await page.keyboard.press('ArrowUp');
    expect(await detail.locator('h3').innerText()).toContain(NAMES.health);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('この行の変更を取り込む（ゲートキーパー養成研修）');
    // Matched by the workbook's fingerprint to the send recorded in the document, and compared with the rows as sent.
    expect(await detail.locator('.file-facts').innerText()).toMatch(/宛先\s*保健所 健康推進課[\s\S]*照合\s*提出情報（送付ID）で照合\s*比較のもと\s*送付したときの行/);
    expect(await detail.locator('[data-group]').evaluateAll((groups) => groups.map((group) => group.getAttribute('data-group')))).toEqual(['changed', 'added', 'deleted']);
    // The added row goes after the section's last row in the annex now (city-63, the one it drops).
    expect(await detail.locator('[data-group="added"] .row-place').innerText()).toBe('通し番号 63 の後に追加');

    // Old struck through, new beside it; 通し番号 as sent, in the file and now, and how the row was matched.
    const row9 = cellDiff(page, 'city-09', 'summary');
    expect(await row9.locator('del').innerText()).toBe(annex.tables.city.rows[8]?.summary);
    expect(await row9.locator('ins').innerText()).toBe(TYPED.row9summary);
    expect(await row9.locator('del').evaluate((element) => getComputedStyle(element).textDecorationLine)).toBe('line-through');
    expect(await reviewRow(page, 'city-09').locator('.row-numbers').innerText()).toBe('通し番号 送付時 9・ファイル 9・現在 9');
    expect(await reviewRow(page, 'city-09').locator('.row-match').innerText()).toBe('照合: 行ID');

    // Accept one cell of row 45, reject the other; proposals are chosen by default.
    expect(await choice(page, 'city-45', 'title').isChecked()).toBe(true);
    await choice(page, 'city-45', 'mark:v1-1').uncheck();
    expect(await reviewRow(page, 'city-45').locator('header input[type="checkbox"]').evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);
    // The dropped row is never taken unless chosen: here with Enter on its focused checkbox.
    const deletion = reviewRow(page, 'city-63').locator('header input[type="checkbox"]');
    expect(await deletion.isChecked()).toBe(false);
    await deletion.focus();
    await page.keyboard.press('Enter');
    expect(await deletion.isChecked()).toBe(true);
    await page.screenshot({ path: '/tmp/submissions-review-choices.png' });

    // The snow section's file: one proposal, and the conflict with the secretariat's edit shown three ways, not taken.
    await fileItem(page, NAMES.snow).locator('button').click();
    expect(await cellDiff(page, 'city-68', 'title').locator('ins').innerText()).toBe(TYPED.row68title);
    const conflict = cellDiff(page, 'city-67', 'summary');
    expect(await conflict.locator('dt').allInnerTexts()).toEqual(['送付時', '提出', '現在']);
    expect(await conflict.locator('dd').allInnerTexts()).toEqual([annex.tables.city.rows[66]?.summary, TYPED.row67theirs, TYPED.row67ours]);
    expect(await choice(page, 'city-67', 'summary').isChecked()).toBe(false);
    expect(await detail.locator('[data-group="conflict"] h4').innerText()).toBe('競合（1 行）');

    // The validation of the result: the added row's missing 。 is a problem the merge brings in.
    const preview = reviewScreen(page).getByTestId('merge-preview');
    await expect.poll(() => preview.getByTestId('preview-counts').innerText()).toBe('取り込む行の問題: エラー 0 件・警告 1 件');
    expect(await preview.getByTestId('preview-introduced').innerText()).toBe('取り込みで新たに生じる問題: 1 件（うちエラー 0 件）');
    expect(await preview.locator('.preview-issue').innerText()).toMatch(/警告\s*新規\s*旭川市 63・取組概要\s*文末に「。」がありません/);
    expect(await reviewScreen(page).getByTestId('review-selection').innerText()).toBe(
      '取り込む内容: セルの変更 3・行の追加 1・行の削除 1（受け取りを記録するファイル 2 件）',
    );
    await page.screenshot({ path: '/tmp/submissions-review.png' });

    await reviewScreen(page).getByRole('button', { name: '取り込む', exact: true }).click();
    await reviewScreen(page).waitFor({ state: 'detached' });
    expect(await page.getByTestId('submission-notice').innerText()).toContain('提出の取り込み（2 ファイル・5 行）を行いました');
    expect(await undoTitle(page)).toBe('元に戻す (Ctrl+Z): 提出の取り込み（2 ファイル・5 行）');

    // The document holds exactly the accepted changes, and the grid shows them.
    const hasAdded = async (): Promise<boolean> => (await autosavedTables(page))?.city.rows.some((row) => row.title === TYPED.addedTitle) ?? false;
    await expect.poll(hasAdded, { timeout: 10_000 }).toBe(true);
    const merged = (await autosavedTables(page))?.city.rows ?? [];
    const addedId = merged.find((row) => row.title === TYPED.addedTitle)?.id ?? '';
    expect(addedId).toMatch(/^city-s\d{8}-[0-9a-f]{8}-1$/);
    expect(merged).toEqual(afterMerge(addedId));
    await filterSection(page, '健康推進課');
    expect(await renderedRowIds(page)).toEqual(['city-09', 'city-45', 'city-46', 'city-62', addedId]);
    expect(await cellText(page, 'city-09', 'summary')).toBe(TYPED.row9summary);
    expect(await cellText(page, 'city-45', 'title')).toBe(TYPED.row45title);
    expect(await cellText(page, 'city-45', 'mark:v1-1')).toBe('');

    // One step back undoes the whole merge (the secretariat's own edit stays); one step forward redoes it.
    await clickCell(page, 'city-09', 'title');
    await page.keyboard.press('Control+z');
    await untilText(page, 'city-09', 'summary', annex.tables.city.rows[8]?.summary ?? '');
    expect(await renderedRowIds(page)).toEqual(['city-09', 'city-45', 'city-46', 'city-62', 'city-63']);
    await expect.poll(async () => (await autosavedTables(page))?.city.rows, { timeout: 10_000 }).toEqual(afterOwnEdit());
    await page.keyboard.press('Control+y');
    await untilText(page, 'city-09', 'summary', TYPED.row9summary);
    await expect.poll(async () => (await autosavedTables(page))?.city.rows, { timeout: 10_000 }).toEqual(afterMerge(addedId));
    await filterSection(page, '');

    // The same files again: the two taken are 取り込み済み, the rest set aside as before, and nothing can be applied.
    await takeIn(page, files);
    expect(await fileStatuses(page)).toEqual([
      [NAMES.health, '取り込み済み'],
      [NAMES.snow, '取り込み済み'],
      [NAMES.healthAgain, '取り込み済み'],
      [NAMES.corrupted, '読めない'],
      [NAMES.unrelated, '提出ファイルではない'],
      [NAMES.unknown, '課が不明'],
      [NAMES.wrongSection, '別の課'],
    ]);
    expect(await fileItem(page, NAMES.health).innerText()).toContain('として取り込み済みのファイルです。何も変えません');
    expect(await reviewScreen(page).getByRole('button', { name: '取り込む', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await reviewScreen(page).waitFor({ state: 'detached' });
    expect(await undoTitle(page)).toBe('元に戻す (Ctrl+Z): 提出の取り込み（2 ファイル・5 行）');
  });

  it('takes several files dropped on the window, asks before bringing in errors, and writes a send-back workbook explaining them', async () => {
    const { page } = sessions.current;
    const sent = await send(page);
    const healthSent = sent.get(NAMES.health);
    if (!healthSent) throw new Error('no workbook for 健康推進課');
    // 取組概要 cleared: a required cell left empty.
    const health = editSectionWorkbook(healthSent, annex, 'city', (sheet) => sheet.setText('city-46', 'summary', ''));
    await dropFiles(page, [asFile(NAMES.health, health), asFile(NAMES.unrelated, unrelatedWorkbook())]);
    await reviewScreen(page).waitFor();
    expect(await fileStatuses(page)).toEqual([
      [NAMES.health, '取り込み可'],
      [NAMES.unrelated, '提出ファイルではない'],
    ]);
    const preview = reviewScreen(page).getByTestId('merge-preview');
    await expect.poll(() => preview.getByTestId('preview-introduced').innerText()).toBe('取り込みで新たに生じる問題: 1 件（うちエラー 1 件）');
    expect(await preview.locator('.preview-issue').innerText()).toMatch(/エラー\s*新規\s*旭川市 46・取組概要/);

    // The answer goes back to the section with the problem marked and explained, recorded as a send of its own.
    const download = page.waitForEvent('download');
    await reviewScreen(page).getByRole('button', { name: '差し戻し用ファイルを作成…' }).click();
    const workbook = await download;
    expect(workbook.suggestedFilename()).toBe('取組事業一覧_保健所_健康推進課_確認.xlsx');
    const book = XLSX.read(await (await import('node:fs/promises')).readFile(await workbook.path()), { type: 'buffer' });
    expect(book.SheetNames).toContain('確認事項');
    const problems = XLSX.utils.sheet_to_json<string[]>(book.Sheets['確認事項'] as XLSX.WorkSheet, { header: 1 }).flat().join('\n');
    expect(problems).toContain('難病患者等の相談窓口の設置');
    await expect.poll(() => reviewScreen(page).getByTestId('review-notice').innerText()).toBe(
      '差し戻し用ファイル「取組事業一覧_保健所_健康推進課_確認.xlsx」を作成しました（保健所 健康推進課）。送付の記録を文書に加えました',
    );

    // 取り込む asks first; いいえ keeps the review open and the document as it was.
    await reviewScreen(page).getByRole('button', { name: '取り込む', exact: true }).click();
    const question = page.getByRole('dialog', { name: '確認' });
    expect(await question.innerText()).toContain('取り込むと新たにエラーが 1 件生じます');
    await question.getByRole('button', { name: 'いいえ' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await reviewScreen(page).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await reviewScreen(page).waitFor({ state: 'detached' });
    expect(await undoTitle(page)).toBe('元に戻す (Ctrl+Z): 差し戻し（保健所 健康推進課）');
  });
});
