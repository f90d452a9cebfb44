import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseAnnexJson } from '../../shared/codec/annex-json';
import { readDocumentBytes } from '../../shared/codec/document-formats';
import type { AnnexDocument } from '../../shared/model/annex-document';
import { answerDialog, problemCounts, saveState } from './app-support';
import { crashPage } from './app-recovery-support';
import { cellText, clickCell, openGrid, renderedRowIds, until, untilText } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openGrid);

const REVISED_TITLE = '認知症サポーター養成講座の実施（改訂）';
const NEW_ROW_TITLE = '新しい見守りの取組';

/** The document the browser bridge's autosave holds now, or null. */
async function autosaved(page: Page): Promise<AnnexDocument | null> {
  const raw = await page.evaluate(() => localStorage.getItem('annex-editor:autosave'));
  if (raw === null) return null;
  const parsed = parseAnnexJson((JSON.parse(raw) as { documentJson: string }).documentJson);
  if (!parsed.ok) throw new Error('the autosave does not open');
  return parsed.value;
}

const cityRow = (document: AnnexDocument, id: string) => document.tables.city.rows.find((row) => row.id === id);

/** Every edit the test makes, as seen in a document. */
function hasEveryEdit(document: AnnexDocument | null): boolean {
  if (!document) return false;
  const ids = document.tables.city.rows.map((row) => row.id);
  const inserted = document.tables.city.rows.find((row) => row.title === NEW_ROW_TITLE);
  return (
    // The fix of 旭川市 46's comma, a typed 主な取組, a ○, a new row above city-03, city-05 moved down.
    !(cityRow(document, 'city-46')?.summary.includes(',') ?? true) &&
    cityRow(document, 'city-02')?.title === REVISED_TITLE &&
    (cityRow(document, 'city-03')?.marks.includes('v2-1') ?? false) &&
    inserted !== undefined &&
    ids.indexOf(inserted.id) === ids.indexOf('city-03') - 1 &&
    ids.indexOf('city-05') === ids.indexOf('city-06') + 1
  );
}

describe('crash recovery in the browser', () => {
  it('after the renderer crashes with unsaved edits, the next start offers them back, every one', async () => {
    const { page, context, url } = sessions.current;
    await page.getByTestId('problems-panel').locator('li', { hasText: '旭川市 46・取組概要' }).getByRole('button', { name: '読点をそろえる' }).click();
    await expect.poll(() => problemCounts(page)).toEqual({ errors: 0, warnings: 12 });
    await clickCell(page, 'city-02', 'title');
    await page.keyboard.press('F2');
    await page.keyboard.type('（改訂）');
    await page.keyboard.press('Enter');
    await untilText(page, 'city-02', 'title', REVISED_TITLE);
    await clickCell(page, 'city-03', 'mark:v2-1');
    await untilText(page, 'city-03', 'mark:v2-1', '○');
    await clickCell(page, 'city-03', 'title');
    await page.getByRole('button', { name: '上に行を挿入' }).click();
    await until(async () => (await renderedRowIds(page))[2] !== 'city-03', 'a row above city-03');
    await page.keyboard.type(NEW_ROW_TITLE);
    await page.keyboard.press('Enter');
    await clickCell(page, 'city-05', 'summary');
    await page.keyboard.press('Alt+ArrowDown');
    await until(async () => (await renderedRowIds(page)).indexOf('city-05') > (await renderedRowIds(page)).indexOf('city-06'), 'the move');

    // The autosave follows about 1.5 s after the last edit; then the page dies.
    await expect.poll(async () => hasEveryEdit(await autosaved(page)), { timeout: 15_000 }).toBe(true);
    const beforeCrash = (await autosaved(page)) as AnnexDocument;
    const problemsBeforeCrash = await problemCounts(page);
    await crashPage(page);

    const next = await context.newPage();
    const errors: string[] = [];
    next.on('pageerror', (error) => errors.push(error.message));
    await next.goto(url);
    const offer = next.getByRole('dialog');
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.innerText()).toContain('前回保存されなかった変更があります');
    await answerDialog(next, '復元する');
    await untilText(next, 'city-02', 'title', REVISED_TITLE);
    expect(await cellText(next, 'city-03', 'mark:v2-1')).toBe('○');
    expect(await saveState(next)).toBe('未保存の変更あり');
    await expect.poll(() => problemCounts(next)).toEqual(problemsBeforeCrash);

    // Saved, the restored document is the one the crashed page held, edit for edit.
    const download = next.waitForEvent('download');
    await next.keyboard.press('Control+s');
    const saved = await readFile(await (await download).path());
    const reopened = readDocumentBytes(saved, { fileName: '組み込みの2024年版.xlsx' });
    if (!reopened.ok) throw new Error(`the saved file does not open: ${reopened.error.join(' / ')}`);
    expect(hasEveryEdit(reopened.value.document)).toBe(true);
    expect(reopened.value.document.tables).toEqual(beforeCrash.tables);
    expect(errors).toEqual([]);
  });
});
