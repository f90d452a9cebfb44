import { BrowserWindow, type WebContents } from 'electron';
import { printRenderResultSchema, type PrintOptions, type PrintRenderResult } from '../shared/print/print-options';
import { applyWebContentsSecurity } from './security';

/**
 * The hidden window that lays out the print view (app://bundle/print.html) for printToPDF and the system
 * print dialog. Same locks as the editor window (sandbox, context isolation, no Node, the app's own page
 * only) and no preload at all: the print page needs no bridge. Main hands it the job as JSON literals
 * through executeJavaScript; the page parses and checks the document itself.
 */
export const PRINT_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  webviewTag: false,
  // A hidden window is throttled by default; the layout must finish while nobody looks at it.
  backgroundThrottling: false,
} as const;

/** How long the page may take to lay out every page (fonts included) before the job is given up. */
export const RENDER_TIMEOUT_MS = 60_000;

/** What the print handlers need of the hidden page. */
export interface PrintPage {
  /** Lays the document out; a refused document comes back as a message, not an exception. */
  render(documentJson: string, options: PrintOptions): Promise<PrintRenderResult>;
  toPdf(options: PrintOptions): Promise<Uint8Array>;
  /** Opens the system print dialog; false when the user cancels it. */
  print(options: PrintOptions): Promise<boolean>;
  close(): void;
}

/** The print page beside the app's page: app://bundle/print.html, or the dev server's /print.html. */
export function printPageUrl(appUrl: string): string {
  return new URL('print.html', appUrl).href;
}

/** The script main runs in the print page: data only, as JSON literals (a JSON text is a JS expression). */
export function renderScript(documentJson: string, options: PrintOptions): string {
  return `window.annexPrint.render(${JSON.stringify(documentJson)}, ${JSON.stringify(options)})`;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** True for the failure reason Chromium gives when the user closes the print dialog. */
export const isCanceledPrint = (reason: string | undefined): boolean => /cancel/i.test(reason ?? '');

type PrintContents = Pick<WebContents, 'executeJavaScript' | 'printToPDF' | 'print'>;

/** The page operations over a loaded print page's webContents; separate so tests can drive them with a fake. */
export function printPageOver(contents: PrintContents, close: () => void, timeoutMs = RENDER_TIMEOUT_MS): PrintPage {
  return {
    async render(documentJson, options) {
      const result: unknown = await withTimeout(
        contents.executeJavaScript(renderScript(documentJson, options)),
        timeoutMs,
        '印刷用のページのレイアウトが時間内に終わりませんでした',
      );
      const parsed = printRenderResultSchema.safeParse(result);
      if (!parsed.success) throw new Error('印刷用のページの応答が正しくありません');
      return parsed.data;
    },
    async toPdf(options) {
      const pdf = await contents.printToPDF({
        pageSize: options.paper,
        landscape: true,
        printBackground: true,
        // The page's @page rule sets the size; the sheets carry their own margins.
        preferCSSPageSize: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
    print(options) {
      return new Promise<boolean>((resolve, reject) => {
        contents.print(
          { silent: false, printBackground: true, landscape: true, pageSize: options.paper, margins: { marginType: 'none' } },
          (success, failureReason) => {
            if (success) resolve(true);
            else if (isCanceledPrint(failureReason)) resolve(false);
            else reject(new Error(failureReason || '印刷に失敗しました'));
          },
        );
      });
    },
    close,
  };
}

/** Opens the hidden print window on the app's print page and waits until it has loaded. */
export async function openPrintPage(appUrl: string): Promise<PrintPage> {
  const window = new BrowserWindow({ show: false, width: 1280, height: 900, webPreferences: { ...PRINT_WEB_PREFERENCES } });
  const close = (): void => {
    if (!window.isDestroyed()) window.destroy();
  };
  applyWebContentsSecurity(window.webContents, appUrl);
  try {
    await window.loadURL(printPageUrl(appUrl));
  } catch (error) {
    close();
    throw error;
  }
  return printPageOver(window.webContents, close);
}
