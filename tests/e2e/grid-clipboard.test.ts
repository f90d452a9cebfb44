import { describe, expect, it } from 'vitest';
import { cellText, clickCell, gridInput, openGrid, renderedRowIds, until, untilText } from './grid-support';
import { sessionPerTest } from './support/session-per-test';

const sessions = sessionPerTest(async () => {
  const opened = await openGrid();
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(opened.url).origin });
  return opened;
});

// What a spreadsheet puts on the clipboard for 2 rows × 3 columns (主な取組, 取組概要, a ○ column).
const SPREADSHEET_HTML = `<html><body><!--StartFragment--><table border=0 style='border-collapse:collapse'>
 <tr><td class=xl65 style='white-space:normal'>貼り付けた取組</td><td class=xl65>一行目<br>
  二行目</td><td align=center>○</td></tr>
 <tr><td>二つ目の取組</td><td>概要です。</td><td></td></tr>
<!--EndFragment--></table></body></html>`;
const SPREADSHEET_TEXT = '貼り付けた取組\t"一行目\n二行目"\t○\r\n二つ目の取組\t概要です。\t\r\n';

async function writeClipboard(html: string, text: string): Promise<void> {
  await sessions.current.page.evaluate(
    async ([h, t]) => {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/html': new Blob([h as string], { type: 'text/html' }), 'text/plain': new Blob([t as string], { type: 'text/plain' }) }),
      ]);
    },
    [html, text],
  );
}

describe('clipboard with spreadsheets', () => {
  it('pastes a block from the clipboard (text/html with a <br> cell and a ○ column) as one command', async () => {
    const { page } = sessions.current;
    await writeClipboard(SPREADSHEET_HTML, SPREADSHEET_TEXT);
    await clickCell(page, 'city-02', 'title');
    await page.keyboard.press('Control+v');
    await untilText(page, 'city-02', 'title', '貼り付けた取組');
    expect(await cellText(page, 'city-02', 'summary')).toBe('一行目\n二行目');
    expect(await cellText(page, 'city-02', 'mark:v1-1')).toBe('○');
    expect(await cellText(page, 'city-03', 'title')).toBe('二つ目の取組');
    expect(await cellText(page, 'city-03', 'summary')).toBe('概要です。');
    // An empty cell under a ○ column clears the mark.
    expect(await cellText(page, 'city-03', 'mark:v1-1')).toBe('');

    await page.keyboard.press('Control+z');
    await untilText(page, 'city-02', 'title', '認知症サポーター養成講座の実施');
    expect(await cellText(page, 'city-03', 'title')).toBe('福祉出前講座の実施');
    expect(await cellText(page, 'city-03', 'mark:v1-1')).toBe('○');
    await page.keyboard.press('Control+y');
    await untilText(page, 'city-03', 'title', '二つ目の取組');
  });

  it('pastes TSV from a paste event (Excel quoting, multi-line cells) and splits 部/課 on line breaks and 「・」', async () => {
    const { page } = sessions.current;
    await clickCell(page, 'city-04', 'departments');
    await gridInput(page).evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', '建築部・土木部\t"公共建築課\n土木総務課"\t"題に""引用"""\r\n');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await untilText(page, 'city-04', 'departments', '建築部\n土木部');
    expect(await cellText(page, 'city-04', 'sections')).toBe('公共建築課\n土木総務課');
    expect(await cellText(page, 'city-04', 'title')).toBe('題に"引用"');
  });

  it('asks before a paste runs past the last row, and adds the rows when told yes (one undo step)', async () => {
    const { page } = sessions.current;
    await page.keyboard.press('Control+End');
    await clickCell(page, 'city-76', 'title');
    await writeClipboard(SPREADSHEET_HTML, SPREADSHEET_TEXT);
    await page.keyboard.press('Control+v');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('行を追加しますか？');
    await dialog.getByRole('button', { name: 'はい' }).click();
    await untilText(page, 'city-76', 'title', '貼り付けた取組');
    await until(async () => (await page.getByRole('tab', { name: /旭川市/ }).innerText()).includes('77 行'), '77 rows');
    const added = (await renderedRowIds(page)).at(-1) as string;
    expect(added).toMatch(/^city-[0-9a-f-]{36}$/);
    expect(await cellText(page, added, 'title')).toBe('二つ目の取組');
    expect(await cellText(page, added, 'number')).toBe('77');

    await page.keyboard.press('Control+z');
    await until(async () => (await page.getByRole('tab', { name: /旭川市/ }).innerText()).includes('76 行'), 'undo to 76 rows');
    expect(await cellText(page, 'city-76', 'title')).not.toBe('貼り付けた取組');
  });

  it('copies a range as Excel-style TSV and an HTML table', async () => {
    const { page } = sessions.current;
    // City row 12 has four 課, one a line.
    await clickCell(page, 'city-01', 'sections');
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items[0];
      const html = item && item.types.includes('text/html') ? await (await item.getType('text/html')).text() : '';
      return { text: await navigator.clipboard.readText(), html };
    });
    const titles = [await cellText(page, 'city-11', 'title'), await cellText(page, 'city-12', 'title')];
    expect(copied.text).toBe(`福祉保険課\t${titles[0]}\r\n"福祉保険課\n長寿社会課\n障害福祉課\n保護課"\t${titles[1]}\r\n`);
    expect(copied.html).toContain('<table');
    expect(copied.html).toContain('福祉保険課<br style="mso-data-placement:same-cell;">長寿社会課');

    // Ctrl+X copies and clears; undo brings the cells back.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Control+x');
    await untilText(page, 'city-11', 'title', '');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${titles[0]}\r\n`);
    await page.keyboard.press('Control+z');
    await untilText(page, 'city-11', 'title', titles[0] as string);
  });
});
