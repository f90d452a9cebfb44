import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs } from '../../../cli/print/chromium';
import { projectRoot } from '../../unit/support/paths';
import { serveDirectory } from './static-server';

// Debian's Chromium; a browser is never downloaded.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AppSession {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  /** Page errors and console errors seen so far; a test ends by expecting none. */
  readonly errors: string[];
  close(): Promise<void>;
}

// Playwright gives each launch a fresh temporary profile of its own.
let browser: Browser | undefined;

async function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(true),
    });
  }
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** Opens the built renderer (out/renderer) in a fresh browser context with the browser bridge. */
export async function openApp(options: { viewport?: { width: number; height: number } } = {}): Promise<AppSession> {
  const server = await serveDirectory(join(projectRoot, 'out/renderer'));
  const context = await (await sharedBrowser()).newContext({
    viewport: options.viewport ?? { width: 1600, height: 1000 },
    locale: 'ja-JP',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // AG Grid's warnings too: a misconfigured or unregistered feature is named there and nowhere else.
    if (message.type() === 'error' || message.text().includes('AG Grid')) errors.push(message.text());
  });
  await page.goto(server.url);
  return {
    page,
    context,
    url: server.url,
    errors,
    async close() {
      await context.close();
      await server.close();
    },
  };
}
