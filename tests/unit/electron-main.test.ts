import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Session, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applySecurity, contentSecurityPolicy, isAppUrl, metaContentSecurityPolicy } from '../../electron/security';
import { ipcContract } from '../../shared/ipc/contract';
import { createMainWindow, WINDOW_TITLE } from '../../electron/window';
import { APP_PAGE_URL } from '../../electron/app-protocol';
import { FakeBrowserWindow, FakeSession, FakeWebContents, fakeApp, fakeShell, resetFakeElectron } from './support/electron-mock';

// `import 'electron'` under plain Node tries to download the binary: hand the sources a fake instead.
vi.mock('electron', async () => (await import('./support/electron-mock')).electronModule);

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const mainBundle = resolve(root, 'out/main/index.js');
const preloadBundle = resolve(root, 'out/preload/index.cjs');
const rendererIndex = resolve(root, 'out/renderer/index.html');
const fakeElectronLoader = resolve(import.meta.dirname, 'support/register-fake-electron.mjs');
const NOT_BUILT = 'run `npx electron-vite build` before this test';

const PAGE_URL = 'app://bundle/index.html';

const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
  "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "frame-ancestors 'none'";

function secureWindow(): { session: FakeSession; webContents: FakeWebContents } {
  const session = new FakeSession();
  const webContents = new FakeWebContents(session);
  return { session, webContents };
}

function harden(appUrl: string, devServerUrl?: string): { session: FakeSession; webContents: FakeWebContents } {
  const fakes = secureWindow();
  applySecurity(fakes.session as unknown as Session, fakes.webContents as unknown as WebContents, {
    appUrl,
    devServerUrl,
  });
  return fakes;
}

describe('built bundles (out/)', () => {
  it('main bundle parses as ESM under node --check', async () => {
    expect(existsSync(mainBundle), NOT_BUILT).toBe(true);
    await expect(execFileAsync(process.execPath, ['--check', mainBundle])).resolves.toBeDefined();
    // ESM has no __dirname: electron-vite's injection would crash at load if we declared our own.
    expect(readFileSync(mainBundle, 'utf8')).not.toMatch(/\b__dirname\b/);
  });

  it('preload bundle is CommonJS that requires only electron and exposes no raw ipcRenderer', async () => {
    expect(existsSync(preloadBundle), NOT_BUILT).toBe(true);
    const code = readFileSync(preloadBundle, 'utf8');
    expect(code).toContain('contextBridge');
    expect(code).toContain('"annexBridge"');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // A sandboxed preload can require nothing else: zod (the contract's schemas) must be bundled in.
    expect([...new Set(code.match(/require\("[^"]*"\)/g))]).toEqual(['require("electron")']);
    // ipcRenderer is used inside the preload, never handed to the page (tests/unit/main/preload.test.ts runs it).
    expect(code).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    await expect(execFileAsync(process.execPath, ['--check', preloadBundle])).resolves.toBeDefined();
  });

  it('renderer page carries the same CSP as the main process (minus header-only frame-ancestors)', () => {
    expect(existsSync(rendererIndex), NOT_BUILT).toBe(true);
    for (const html of [readFileSync(rendererIndex, 'utf8'), readFileSync(resolve(root, 'renderer/index.html'), 'utf8')]) {
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
      expect(meta).toBe(metaContentSecurityPolicy());
      expect(`${meta}; frame-ancestors 'none'`).toBe(contentSecurityPolicy());
      expect(html).toContain('lang="ja"');
    }
  });
});

describe('electron/window.ts', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('creates a sandboxed, context-isolated window with the CommonJS preload', () => {
    createMainWindow();
    const [window] = FakeBrowserWindow.created;
    expect(window?.options.title).toBe(WINDOW_TITLE);
    expect(window?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window?.options.webPreferences?.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
  });

  it('loads app://bundle/index.html (not a file) and applies the security handlers to that window', () => {
    expect(APP_PAGE_URL).toBe(PAGE_URL);
    createMainWindow();
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe(PAGE_URL);
    expect(window?.loadedFile).toBeUndefined();
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window?.webContents.navigate(PAGE_URL)).toBe(false);
    expect(window?.webContents.navigate('https://example.com/')).toBe(true);
    expect(window?.webContents.navigate('app://other/index.html')).toBe(true);
    expect(window?.webContents.navigate(pathToFileURL(rendererIndex).href)).toBe(true);
  });

  it("hands only allow-listed https links to the user's browser, from a new-window request or a navigation", () => {
    createMainWindow();
    const [window] = FakeBrowserWindow.created;
    expect(window?.webContents.windowOpenHandler?.({ url: 'https://www.city.asahikawa.hokkaido.jp/' })).toEqual({ action: 'deny' });
    expect(window?.webContents.navigate('https://www.city.asahikawa.hokkaido.jp/kurashi/')).toBe(true);
    window?.webContents.windowOpenHandler?.({ url: 'https://example.com/' });
    window?.webContents.navigate('http://www.city.asahikawa.hokkaido.jp/');
    expect(fakeShell.opened).toEqual(['https://www.city.asahikawa.hokkaido.jp/', 'https://www.city.asahikawa.hokkaido.jp/kurashi/']);
  });

  it('loads ELECTRON_RENDERER_URL in development', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    createMainWindow();
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe('http://localhost:5173');
    expect(window?.loadedFile).toBeUndefined();
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://attacker.example/');
    fakeApp.isPackaged = true;
    createMainWindow();
    const [window] = FakeBrowserWindow.created;
    expect(window?.loadedUrl).toBe(PAGE_URL);
    expect(window?.loadedFile).toBeUndefined();
  });
});

describe('electron/security.ts', () => {
  const appUrl = PAGE_URL;

  it('adds the strict CSP to every response, replacing any sent by the server', () => {
    const { session } = harden(appUrl);
    const response = session.respond({ 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] });
    const headers = response?.responseHeaders ?? {};
    expect(headers['Content-Security-Policy']).toEqual([PRODUCTION_CSP]);
    expect(String(headers['Content-Security-Policy'])).toContain("default-src 'self'");
    expect(String(headers['Content-Security-Policy'])).toContain("object-src 'none'");
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['X-Other']).toEqual(['kept']);
  });

  it('admits the dev server origin only in development', () => {
    expect(contentSecurityPolicy()).toBe(PRODUCTION_CSP);
    const dev = contentSecurityPolicy('http://localhost:5173/');
    expect(dev).toContain("connect-src 'self' http://localhost:5173 ws://localhost:5173");
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("object-src 'none'");
  });

  it('prevents navigation away from the app but not to its own page', () => {
    const { webContents } = harden(appUrl);
    expect(webContents.navigate('https://example.com/')).toBe(true);
    expect(webContents.navigate('file:///etc/passwd')).toBe(true);
    expect(webContents.navigate('app://evil/index.html')).toBe(true);
    expect(webContents.navigate('evil://bundle/index.html')).toBe(true);
    expect(webContents.navigate(appUrl)).toBe(false);
    expect(webContents.navigate(`${appUrl}#/city`)).toBe(false);
  });

  it('keeps a dev-server window on the dev server origin', () => {
    const { webContents } = harden('http://localhost:5173', 'http://localhost:5173');
    expect(webContents.navigate('http://localhost:5173/index.html')).toBe(false);
    expect(webContents.navigate('http://localhost:5174/')).toBe(true);
  });

  it('denies window.open, <webview> and every permission', () => {
    const { session, webContents } = harden(appUrl);
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      expect(session.requestPermission(permission)).toBe(false);
      expect(session.permissionCheckHandler?.({}, permission, 'file://', {})).toBe(false);
    }
    const attach = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('isAppUrl accepts app://bundle/… and refuses other hosts and schemes (Node gives them all origin "null")', () => {
    // The trap this guards against: an origin comparison would call these two the same.
    expect(new URL('evil://bundle/').origin).toBe(new URL(appUrl).origin);
    for (const url of [appUrl, `${appUrl}?x=1`, `${appUrl}#/city`, 'app://bundle/', 'app://bundle/assets/index.js']) {
      expect(isAppUrl(url, appUrl), url).toBe(true);
    }
    for (const url of [
      'app://other/',
      'app://other/index.html',
      'app://bundle.evil/index.html',
      'app://bundle:8080/index.html',
      'app://user:pass@bundle/index.html',
      'evil://bundle/',
      'evil://bundle/index.html',
      'file:///opt/annex-editor/out/renderer/index.html',
      'file:///etc/passwd',
      'https://example.com',
      'http://bundle/index.html',
      'not a url',
    ]) {
      expect(isAppUrl(url, appUrl), url).toBe(false);
    }
  });

  it('isAppUrl compares the whole origin of the dev server', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', `${dev}/`)).toBe(true);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example/', dev)).toBe(false);
    expect(isAppUrl(appUrl, dev)).toBe(false);
    expect(isAppUrl('https://example.com', dev)).toBe(false);
  });

  it('isAppUrl never trusts file: pages, not even the built index.html', () => {
    const file = pathToFileURL(rendererIndex).href;
    expect(isAppUrl(file, file)).toBe(false);
    expect(isAppUrl(file, appUrl)).toBe(false);
  });
});

interface FakeElectronEvent {
  readonly fake: 'electron';
  readonly event: string;
  readonly [key: string]: unknown;
}

/**
 * Runs out/main/index.js in plain Node with `electron` mapped to tests/unit/support/fake-electron.mjs,
 * its userData in a fresh temp folder (electron-store really writes there).
 */
async function runBuiltMain(env: Record<string, string> = {}, args: string[] = []): Promise<FakeElectronEvent[]> {
  const userData = mkdtempSync(join(tmpdir(), 'annex-main-bundle-'));
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FAKE_ELECTRON_USER_DATA: userData, ...env };
  if (!('ELECTRON_RENDERER_URL' in env)) delete childEnv['ELECTRON_RENDERER_URL'];
  delete childEnv['NODE_OPTIONS'];
  try {
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', pathToFileURL(fakeElectronLoader).href, mainBundle, ...args],
      { cwd: root, env: childEnv, timeout: 20_000 },
    );
    return stdout
      .split('\n')
      .filter((line) => line.startsWith('{"fake":"electron"'))
      .map((line) => JSON.parse(line) as FakeElectronEvent);
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
}

function eventsNamed(events: readonly FakeElectronEvent[], name: string): FakeElectronEvent[] {
  return events.filter((e) => e.event === name);
}

describe('built main bundle under plain Node with a fake electron', () => {
  it('takes the single-instance lock and opens one secure window on the built renderer', async () => {
    expect(existsSync(mainBundle), NOT_BUILT).toBe(true);
    const events = await runBuiltMain();
    const names = events.map((e) => e.event);
    expect(names).toContain('app.requestSingleInstanceLock');
    expect(names).toContain('app.enableSandbox');
    expect(names).not.toContain('app.quit');
    expect(names.indexOf('app.requestSingleInstanceLock')).toBeLessThan(names.indexOf('BrowserWindow'));

    const windows = eventsNamed(events, 'BrowserWindow');
    expect(windows).toHaveLength(1);
    const options = windows[0]?.['options'] as { title: string; webPreferences: Record<string, unknown> };
    expect(options.title).toBe('取組事業一覧エディタ');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: preloadBundle,
    });
    expect(eventsNamed(events, 'loadURL').map((e) => e['url'])).toEqual([PAGE_URL]);
    expect(eventsNamed(events, 'loadFile')).toHaveLength(0);
  });

  it('registers app: as a privileged scheme before ready, and serves it after ready but before the window loads', async () => {
    const events = await runBuiltMain();
    const names = events.map((e) => e.event);
    const privileged = eventsNamed(events, 'protocol.registerSchemesAsPrivileged');
    expect(privileged).toHaveLength(1);
    expect(privileged[0]).toMatchObject({
      beforeReady: true,
      customSchemes: [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }],
    });
    expect(names.indexOf('protocol.registerSchemesAsPrivileged')).toBeGreaterThan(names.indexOf('app.enableSandbox'));
    expect(names.indexOf('protocol.registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('app.ready'));

    const handled = eventsNamed(events, 'protocol.handle');
    expect(handled).toEqual([{ fake: 'electron', event: 'protocol.handle', scheme: 'app', afterReady: true }]);
    expect(names.indexOf('protocol.handle')).toBeGreaterThan(names.indexOf('app.ready'));
    expect(names.indexOf('protocol.handle')).toBeLessThan(names.indexOf('BrowserWindow'));
    expect(names.indexOf('protocol.handle')).toBeLessThan(names.indexOf('loadURL'));
  });

  it('serves the built page and its assets over app:// with types and the CSP, and refuses the rest', async () => {
    const [probe] = eventsNamed(await runBuiltMain(), 'protocolProbe');
    expect(probe?.['page']).toEqual({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      csp: PRODUCTION_CSP,
      hasRoot: true,
    });
    expect(probe?.['script']).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8', csp: PRODUCTION_CSP });
    expect((probe?.['script'] as { length: number }).length).toBeGreaterThan(1000);
    expect(probe?.['style']).toMatchObject({ status: 200, contentType: 'text/css; charset=utf-8', csp: PRODUCTION_CSP });
    expect(probe).toMatchObject({
      traversal: 404,
      encodedTraversal: 404,
      otherHost: 404,
      missing: 404,
      post: 405,
    });
  });

  it('wires CSP, navigation, window-open, webview and permission handlers in the bundle', async () => {
    const [probe] = eventsNamed(await runBuiltMain(), 'probe');
    expect(probe).toMatchObject({
      responseHeaders: { 'Content-Security-Policy': [PRODUCTION_CSP], 'X-Other': ['kept'] },
      externalNavigationPrevented: true,
      fileNavigationPrevented: true,
      otherHostNavigationPrevented: true,
      ownNavigationPrevented: false,
      windowOpen: { action: 'deny' },
      permissionGranted: false,
      permissionCheck: false,
      webviewPrevented: true,
    });
  });

  it('quits without a window when another instance holds the lock', async () => {
    const names = (await runBuiltMain({ FAKE_ELECTRON_LOCK: 'denied' })).map((e) => e.event);
    expect(names).toContain('app.quit');
    expect(names).not.toContain('BrowserWindow');
  });

  it('uses the dev server only when not packaged', async () => {
    const dev = await runBuiltMain({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(eventsNamed(dev, 'loadURL')[0]?.['url']).toBe('http://localhost:5173');
    const [devProbe] = eventsNamed(dev, 'probe');
    expect(JSON.stringify(devProbe?.['responseHeaders'])).toContain('ws://localhost:5173');

    const packaged = await runBuiltMain({
      ELECTRON_RENDERER_URL: 'https://attacker.example/',
      FAKE_ELECTRON_PACKAGED: '1',
    });
    expect(eventsNamed(packaged, 'loadURL').map((e) => e['url'])).toEqual([PAGE_URL]);
    expect(eventsNamed(packaged, 'loadFile')).toHaveLength(0);
  });

  it('registers one IPC handler for every channel of the contract, before the window loads', async () => {
    const events = await runBuiltMain();
    const handled = eventsNamed(events, 'ipcMain.handle').map((e) => e['channel']);
    expect([...handled].sort()).toEqual(Object.keys(ipcContract).sort());
    const names = events.map((e) => e.event);
    expect(names.lastIndexOf('ipcMain.handle')).toBeLessThan(names.indexOf('loadURL'));
  });

  it('answers the app page, refuses foreign pages and sub-frames, and rejects malformed payloads', async () => {
    const [probe] = eventsNamed(await runBuiltMain(), 'ipcProbe');
    expect(probe?.['trusted']).toMatchObject({ ok: true, value: { recentFiles: [], windowMaximized: false } });
    expect(probe?.['foreign']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(probe?.['otherHost']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(probe?.['otherScheme']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(probe?.['file']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(probe?.['subFrame']).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(probe?.['malformed']).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(probe?.['documentState']).toEqual({ ok: true, value: null });
  });

  it('titles the window from the page’s document state', async () => {
    const titles = eventsNamed(await runBuiltMain(), 'window.setTitle').map((e) => e['title']);
    expect(titles).toContain('annex.xlsx ● - 取組事業一覧エディタ');
  });

  it('installs the Japanese menu', async () => {
    const [menu] = eventsNamed(await runBuiltMain(), 'Menu.setApplicationMenu');
    const items = menu?.['items'] as { label: string; submenu?: { label?: string; accelerator?: string }[] }[];
    expect(items.map((item) => item.label)).toEqual(['ファイル(&F)', '編集(&E)', '表示(&V)', 'ヘルプ(&H)']);
    expect(items[0]?.submenu).toContainEqual({ label: '上書き保存', accelerator: 'CmdOrCtrl+S' });
  });

  it('hands a file from the first launch’s argv to the page once it has loaded', async () => {
    const file = join(tmpdir(), '取組事業一覧.json');
    const events = await runBuiltMain({}, [file, '--some-switch']);
    const sends = eventsNamed(events, 'webContents.send');
    expect(sends).toContainEqual({ fake: 'electron', event: 'webContents.send', channel: 'app:open-file', payload: file });
    const names = events.map((e) => e.event);
    expect(names.indexOf('webContents.send')).toBeGreaterThan(names.indexOf('loadURL'));
  });

  it('hands a file from a second launch to the running window and brings it forward', async () => {
    const file = join(tmpdir(), 'second.xlsx');
    const events = await runBuiltMain({ FAKE_ELECTRON_SECOND_ARGV: JSON.stringify(['electron', '.', file]) });
    expect(eventsNamed(events, 'webContents.send')).toContainEqual(
      expect.objectContaining({ channel: 'app:open-file', payload: file }),
    );
    expect(eventsNamed(events, 'window.focus')).toHaveLength(1);
  });
});
