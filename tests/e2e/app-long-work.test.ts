import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../shared/builtin-annex';
import { writeAnnexWorkbook } from '../../shared/excel/write-annex-workbook';
import { generateAnnex } from '../bench/generate-annex';
import { openEditor } from './app-support';
import { clickCell, expectActive, until } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const ROWS = 50_000;
let workbookBase64 = '';
const sessions = sessionPerTest(openEditor);

beforeAll(async () => {
  // A 50,000-row annex workbook in the app's own layout: seconds of parsing in the file worker.
  workbookBase64 = Buffer.from(await writeAnnexWorkbook(generateAnnex(ROWS))).toString('base64');
}, 120_000);

async function dropWorkbook(): Promise<void> {
  await sessions.current.page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], '大きな一覧.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    document.querySelector('.app')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, workbookBase64);
}

const [first, second, third] = builtinAnnex().tables.city.rows.map((row) => row.id) as [string, string, string];

describe('a 50,000-row import', () => {
  it('runs in the worker with a progress bar while the grid keeps answering keys, and キャンセル leaves the document as it was', async () => {
    const { page } = sessions.current;
    await clickCell(page, first, 'title');
    await dropWorkbook();
    const progress = page.getByTestId('io-progress');
    await progress.waitFor({ timeout: 30_000 });
    expect(await progress.innerText()).toContain('大きな一覧.xlsx を読み込んでいます');

    // Keys are answered while the file is read: the active cell moves down twice, the bar still showing.
    await page.keyboard.press('ArrowDown');
    await until(() => expectActive(page, second, 'title'), 'the cell below');
    await page.keyboard.press('ArrowDown');
    await until(() => expectActive(page, third, 'title'), 'the next cell below');
    expect(await progress.isVisible()).toBe(true);

    await progress.getByRole('button', { name: 'キャンセル' }).click();
    await progress.waitFor({ state: 'detached' });
    // The built-in annex is still open, unchanged and saved; no dialog came up.
    expect(await page.getByTestId('status-bar').innerText()).toContain('76 行');
    expect(await page.getByTestId('save-state').innerText()).toBe('保存済み');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('after a cancelled import, the next one is read to the end', async () => {
    const { page } = sessions.current;
    await dropWorkbook();
    const progress = page.getByTestId('io-progress');
    await progress.waitFor({ timeout: 30_000 });
    await progress.getByRole('button', { name: 'キャンセル' }).click();
    await progress.waitFor({ state: 'detached' });
    await dropWorkbook();
    await expect.poll(() => page.getByTestId('status-bar').innerText(), { timeout: 120_000 }).toContain(`${ROWS} 行`);
    expect(await page.locator('.ag-row[row-id="city-1"]').count()).toBeGreaterThan(0);
  });
});
