import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPrintHandlers } from '../../../electron/ipc/print-handlers';
import { createIpcDispatch } from '../../../electron/ipc/register-handlers';
import { openPrintPage, printPageOver, printPageUrl, PRINT_WEB_PREFERENCES, renderScript, type PrintPage } from '../../../electron/print-window';
import { metaContentSecurityPolicy } from '../../../electron/security';
import type { IpcContext, IpcHandlers } from '../../../electron/ipc/ipc-types';
import type { PrintOptions, PrintRenderResult } from '../../../shared/print/print-options';
import { FakeBrowserWindow, FakeWebContents, FakeSession, resetFakeElectron } from '../support/electron-mock';
import { projectRoot } from '../support/paths';

vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

const APP_URL = 'app://bundle/index.html';
const OPTIONS: PrintOptions = { tables: ['city', 'council'], paper: 'A3', startPage: 1, overview: false };
const JOB = { documentJson: '{"schemaVersion":1}', options: OPTIONS };
const context: IpcContext = { window: null };
const SUMMARY = { pages: 9, parts: [{ part: 'city' as const, firstPage: 1, pages: 8 }, { part: 'council' as const, firstPage: 9, pages: 1 }], oversizeRows: [] };

/** A print page that records what it is asked and answers as told. */
function fakePage(options: { render?: PrintRenderResult | Error; printed?: boolean; onRender?: () => Promise<void> } = {}) {
  const calls: string[] = [];
  let closed = 0;
  const page: PrintPage = {
    async render(documentJson, printOptions) {
      calls.push(`render ${documentJson} ${printOptions.paper}`);
      await options.onRender?.();
      if (options.render instanceof Error) throw options.render;
      return options.render ?? { ok: true, summary: SUMMARY };
    },
    async toPdf(printOptions) {
      calls.push(`pdf ${printOptions.paper}`);
      return new Uint8Array([37, 80, 68, 70]);
    },
    async print(printOptions) {
      calls.push(`print ${printOptions.paper}`);
      return options.printed ?? true;
    },
    close() {
      closed += 1;
      calls.push('close');
    },
  };
  return { page, calls, closed: () => closed };
}

beforeEach(() => resetFakeElectron());

describe('print handlers', () => {
  it('lays the document out in a fresh print page, returns the PDF and its page count, and closes the page', async () => {
    const fake = fakePage();
    const handlers = createPrintHandlers({ openPrintPage: async () => fake.page });
    const result = await handlers['print:to-pdf'](JOB, context);
    expect(result).toEqual({ ok: true, value: { bytes: new Uint8Array([37, 80, 68, 70]), pages: 9 } });
    expect(fake.calls).toEqual(['render {"schemaVersion":1} A3', 'pdf A3', 'close']);
  });

  it('prints through the system dialog, and reports a cancelled dialog as not printed', async () => {
    const printed = fakePage();
    expect(await createPrintHandlers({ openPrintPage: async () => printed.page })['print:system'](JOB, context)).toEqual({
      ok: true,
      value: { printed: true },
    });
    const cancelled = fakePage({ printed: false });
    expect(await createPrintHandlers({ openPrintPage: async () => cancelled.page })['print:system'](JOB, context)).toEqual({
      ok: true,
      value: { printed: false },
    });
    expect(cancelled.closed()).toBe(1);
  });

  it('passes on the page’s refusal of a document as a Japanese message, and prints nothing', async () => {
    const fake = fakePage({ render: { ok: false, message: 'schemaVersion がありません' } });
    const result = await createPrintHandlers({ openPrintPage: async () => fake.page })['print:to-pdf'](JOB, context);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'PDF を作れませんでした：schemaVersion がありません' } });
    expect(fake.calls).toEqual(['render {"schemaVersion":1} A3', 'close']);
  });

  it('turns a failure of the page into an error result and still closes the window', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = fakePage({ render: new Error('印刷用のページのレイアウトが時間内に終わりませんでした') });
    const result = await createPrintHandlers({ openPrintPage: async () => fake.page })['print:system'](JOB, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!result.ok) expect(result.error.message).toContain('時間内に終わりませんでした');
    expect(fake.closed()).toBe(1);
    const unopened = await createPrintHandlers({
      openPrintPage: () => Promise.reject(new Error('ERR_FILE_NOT_FOUND')),
    })['print:to-pdf'](JOB, context);
    expect(unopened).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('runs one job at a time: a second job opens its page only after the first has closed', async () => {
    const events: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let opened = 0;
    const handlers = createPrintHandlers({
      openPrintPage: async () => {
        const id = ++opened;
        events.push(`open ${id}`);
        const fake = fakePage({ onRender: id === 1 ? () => gate : undefined });
        return { ...fake.page, close: () => events.push(`close ${id}`) };
      },
    });
    const first = handlers['print:to-pdf'](JOB, context);
    const second = handlers['print:to-pdf'](JOB, context);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual(['open 1']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['open 1', 'close 1', 'open 2', 'close 2']);
  });

  it('are reached through the checked dispatch: the job must pass its schema', async () => {
    const fake = fakePage();
    const handlers = { ...createPrintHandlers({ openPrintPage: async () => fake.page }) } as unknown as IpcHandlers;
    const dispatch = createIpcDispatch(handlers, { appUrl: APP_URL, windowFor: () => null });
    const event = { sender: new FakeWebContents(new FakeSession()) as unknown as WebContents, senderFrame: { url: APP_URL, parent: null } as never };
    for (const bad of [
      { ...JOB, options: { ...OPTIONS, paper: 'B4' } },
      { ...JOB, options: { ...OPTIONS, tables: [] } },
      { ...JOB, options: { ...OPTIONS, startPage: 0 } },
      { ...JOB, html: '<p>x</p>' },
      { documentJson: 42, options: OPTIONS },
    ]) {
      expect(await dispatch('print:to-pdf', event, bad)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(fake.calls).toEqual([]);
    expect(await dispatch('print:to-pdf', event, JOB)).toMatchObject({ ok: true, value: { pages: 9 } });
  });
});

describe('the hidden print window', () => {
  it('has the editor window’s locks, no preload, and loads the app’s own print page', async () => {
    const page = await openPrintPage(APP_URL);
    const window = FakeBrowserWindow.created[0];
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toEqual(PRINT_WEB_PREFERENCES);
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(window?.options.webPreferences?.preload).toBeUndefined();
    expect(window?.loadedUrl).toBe('app://bundle/print.html');
    // Navigation away from the app's origin and new windows are refused, as in the editor window.
    expect(window?.webContents.navigate('https://example.com/')).toBe(true);
    expect(window?.webContents.navigate('app://bundle/index.html')).toBe(false);
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    page.close();
    expect(window?.destroyed).toBe(true);
    page.close();
  });

  it('finds the print page beside the dev server’s page too', () => {
    expect(printPageUrl('app://bundle/index.html')).toBe('app://bundle/print.html');
    expect(printPageUrl('http://localhost:5173/')).toBe('http://localhost:5173/print.html');
  });

  it('hands the page its job as JSON literals only: a hostile document cannot break out of the string', () => {
    const hostile = '"); globalThis.pwned = true; ("\u2028</script>';
    const script = renderScript(hostile, OPTIONS);
    const calls: unknown[][] = [];
    const annexPrint = { render: (...args: unknown[]) => calls.push(args) };
    new Function('window', script)({ annexPrint });
    expect(calls).toEqual([[hostile, OPTIONS]]);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('renders, prints to PDF on the CSS page size without margins, and maps the print dialog’s outcome', async () => {
    const contents = new FakeWebContents(new FakeSession());
    const page = printPageOver(contents as unknown as WebContents, () => undefined);
    contents.scriptResult = () => ({ ok: true, summary: SUMMARY });
    expect(await page.render('{}', OPTIONS)).toEqual({ ok: true, summary: SUMMARY });
    expect(contents.executedScripts[0]).toBe(renderScript('{}', OPTIONS));
    contents.scriptResult = () => ({ ok: true, summary: { pages: 'many' } });
    await expect(page.render('{}', OPTIONS)).rejects.toThrow('応答が正しくありません');

    expect(await page.toPdf({ ...OPTIONS, paper: 'A4' })).toEqual(new Uint8Array(contents.pdfBytes));
    expect(contents.pdfRequests[0]).toEqual({
      pageSize: 'A4',
      landscape: true,
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });

    expect(await page.print(OPTIONS)).toBe(true);
    expect(contents.printRequests[0]).toMatchObject({ silent: false, printBackground: true, landscape: true, pageSize: 'A3' });
    contents.printOutcome = [false, 'Print job canceled'];
    expect(await page.print(OPTIONS)).toBe(false);
    contents.printOutcome = [false, 'Print job failed'];
    await expect(page.print(OPTIONS)).rejects.toThrow('Print job failed');
  });

  it('gives up on a page that never finishes its layout', async () => {
    const contents = new FakeWebContents(new FakeSession());
    contents.scriptResult = () => new Promise(() => undefined);
    const page = printPageOver(contents as unknown as WebContents, () => undefined, 20);
    await expect(page.render('{}', OPTIONS)).rejects.toThrow('時間内に終わりませんでした');
  });
});

describe('print.html', () => {
  it('carries the app’s CSP and loads the print view only', () => {
    const html = readFileSync(join(projectRoot, 'renderer/print.html'), 'utf8');
    expect(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1]).toBe(metaContentSecurityPolicy());
    expect(html).toContain('lang="ja"');
    expect(html).toContain('src="./src/print-main.tsx"');
  });
});
