import { describe, expect, it } from 'vitest';
import { cellText, clickCell, openGrid, renderedRowIds, until, untilText } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(openGrid);

const firstRows = async (count: number): Promise<string[]> => (await renderedRowIds(sessions.current.page)).slice(0, count);
const numbers = async (ids: readonly string[]): Promise<string[]> => Promise.all(ids.map((id) => cellText(sessions.current.page, id, 'number')));

describe('row operations', () => {
  it('inserts a row above (Ctrl++) and below (toolbar), renumbering at once; undo and redo', async () => {
    const { page } = sessions.current;
    await clickCell(page, 'city-03', 'title');
    await page.keyboard.press('Control++');
    await until(async () => (await firstRows(5)).length === 5 && (await firstRows(5))[2] !== 'city-03', 'a row above city-03');
    const [, , inserted] = await firstRows(5);
    expect(inserted).toMatch(/^city-[0-9a-f-]{36}$/);
    expect(await firstRows(5)).toEqual(['city-01', 'city-02', inserted, 'city-03', 'city-04']);
    expect(await numbers(await firstRows(5))).toEqual(['1', '2', '3', '4', '5']);
    expect(await cellText(page, inserted as string, 'title')).toBe('');
    // The new row is the active one: typing goes into it.
    await page.keyboard.type('新しい取組');
    await page.keyboard.press('Enter');
    await untilText(page, inserted as string, 'title', '新しい取組');

    await clickCell(page, 'city-03', 'title');
    await page.getByRole('button', { name: '下に行を挿入' }).click();
    await until(async () => (await firstRows(6))[4] !== 'city-04', 'a row below city-03');
    const below = (await firstRows(6))[4] as string;
    expect(await firstRows(6)).toEqual(['city-01', 'city-02', inserted, 'city-03', below, 'city-04']);
    expect(await numbers(['city-03', below, 'city-04'])).toEqual(['4', '5', '6']);

    await page.keyboard.press('Control+z');
    await until(async () => !(await renderedRowIds(page)).includes(below), 'undo of the insert below');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await until(async () => (await firstRows(3))[2] === 'city-03', 'undo of the insert above');
    expect(await numbers(['city-03'])).toEqual(['3']);
    await page.keyboard.press('Control+y');
    await until(async () => (await firstRows(3))[2] === inserted, 'redo of the insert above');
    expect(await numbers(['city-03'])).toEqual(['4']);
  });

  it('moves a row with Alt+↓ and Alt+↑, keeping ids and renumbering; undo and redo', async () => {
    const { page } = sessions.current;
    await clickCell(page, 'city-02', 'summary');
    await page.keyboard.press('Alt+ArrowDown');
    await until(async () => (await firstRows(3)).join() === 'city-01,city-03,city-02', 'the move down');
    expect(await numbers(['city-01', 'city-03', 'city-02'])).toEqual(['1', '2', '3']);
    // The moved row keeps its content and stays selected, so a second Alt+↓ moves it again.
    expect(await cellText(page, 'city-02', 'title')).toBe('認知症サポーター養成講座の実施');
    await page.keyboard.press('Alt+ArrowDown');
    await until(async () => (await firstRows(4)).join() === 'city-01,city-03,city-04,city-02', 'the second move');
    await page.keyboard.press('Alt+ArrowUp');
    await until(async () => (await firstRows(4)).join() === 'city-01,city-03,city-02,city-04', 'the move up');

    await page.keyboard.press('Control+z');
    await until(async () => (await firstRows(4)).join() === 'city-01,city-03,city-04,city-02', 'undo');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await until(async () => (await firstRows(3)).join() === 'city-01,city-02,city-03', 'undo to the start');
    expect(await numbers(['city-02'])).toEqual(['2']);
    await page.keyboard.press('Control+y');
    await until(async () => (await firstRows(3)).join() === 'city-01,city-03,city-02', 'redo');
  });

  it('selects whole rows on 通し番号 (click, Shift+click, Ctrl+click), then duplicates and deletes them', async () => {
    const { page } = sessions.current;
    await clickCell(page, 'city-02', 'number');
    await clickCell(page, 'city-03', 'number', ['Shift']);
    await clickCell(page, 'city-05', 'number', ['Control']);
    await page.getByRole('button', { name: '行を複製' }).click();
    await until(async () => (await renderedRowIds(page)).length >= 9 && (await firstRows(9))[6] !== 'city-06', 'the copies');
    const rows = await firstRows(9);
    expect(rows.slice(0, 5)).toEqual(['city-01', 'city-02', 'city-03', 'city-04', 'city-05']);
    const copies = rows.slice(5, 8);
    expect(new Set(copies).size).toBe(3);
    expect(await Promise.all(copies.map((id) => cellText(page, id, 'title')))).toEqual(
      await Promise.all(['city-02', 'city-03', 'city-05'].map((id) => cellText(page, id, 'title'))),
    );
    // The copies are selected: Ctrl+- deletes them again.
    await page.keyboard.press('Control+-');
    await until(async () => (await firstRows(6)).join() === 'city-01,city-02,city-03,city-04,city-05,city-06', 'the delete');
    await page.keyboard.press('Control+z');
    await until(async () => (await firstRows(6))[5] !== 'city-06', 'undo of the delete');
  });

  it('moves rows by dragging the 通し番号 handle (one move command)', async () => {
    const { page } = sessions.current;
    const handle = page.locator('.ag-row[row-id="city-01"] .ag-cell[col-id="number"] .ag-row-drag');
    const target = page.locator('.ag-row[row-id="city-04"] .ag-cell[col-id="number"]');
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('rows not rendered');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++) await page.mouse.move(from.x + from.width / 2, from.y + ((to.y + to.height / 2 - from.y) * step) / 10);
    await page.mouse.up();
    await until(async () => (await firstRows(4)).join() === 'city-02,city-03,city-04,city-01', 'the drop');
    expect(await numbers(['city-02', 'city-01'])).toEqual(['1', '4']);
    await page.keyboard.press('Control+z');
    await until(async () => (await firstRows(2)).join() === 'city-01,city-02', 'undo of the drop');
  });
});
