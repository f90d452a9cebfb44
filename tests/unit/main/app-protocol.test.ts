import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  APP_PAGE_URL,
  APP_SCHEME,
  registerAppScheme,
  resolveAppRequest,
  serveRenderer,
} from '../../../electron/app-protocol';
import { contentSecurityPolicy } from '../../../electron/security';
import { fakeProtocol, resetFakeElectron } from '../support/electron-mock';
import { useTempDirs } from './temp-dir';

// app-protocol.ts imports `protocol`: hand it the fake.
vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

const builtRenderer = resolve(import.meta.dirname, '../../../out/renderer');
const tempDir = useTempDirs();

/**
 * <parent>/package.json, <parent>/secret.txt  (must never be served)
 * <parent>/renderer/index.html, renderer/assets/…  (the root)
 */
async function bundle(): Promise<{ parent: string; root: string }> {
  const parent = await tempDir();
  const root = join(parent, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(parent, 'package.json'), '{"name":"secret"}');
  await writeFile(join(parent, 'secret.txt'), 'secret');
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  const assets: Record<string, string> = {
    'index-abc.js': 'console.log(1)',
    'doc.worker-abc.js': 'self.onmessage = () => {}',
    'index-abc.css': 'body{}',
    'font.woff': 'w',
    'font.woff2': 'w2',
    'data.json': '{}',
    'icon.svg': '<svg/>',
    'image.png': 'png',
    'blob.bin': 'bin',
    '日本語 名.js': '1',
  };
  for (const [name, text] of Object.entries(assets)) await writeFile(join(root, 'assets', name), text);
  return { parent, root };
}

beforeEach(() => resetFakeElectron());

describe('resolveAppRequest', () => {
  it('names the page app://bundle/index.html', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://bundle');
    expect(APP_PAGE_URL).toBe('app://bundle/index.html');
  });

  it('serves index.html, also for the bare origin, ignoring query and hash', async () => {
    const { root } = await bundle();
    const page = { status: 200, path: join(root, 'index.html'), contentType: 'text/html; charset=utf-8' };
    expect(resolveAppRequest('app://bundle/index.html', root)).toEqual(page);
    expect(resolveAppRequest('app://bundle/', root)).toEqual(page);
    expect(resolveAppRequest('app://bundle', root)).toEqual(page);
    expect(resolveAppRequest('app://bundle/index.html?x=1#/city', root)).toEqual(page);
  });

  it.each([
    ['index-abc.js', 'text/javascript; charset=utf-8'],
    ['doc.worker-abc.js', 'text/javascript; charset=utf-8'],
    ['index-abc.css', 'text/css; charset=utf-8'],
    ['font.woff', 'font/woff'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['image.png', 'image/png'],
    ['blob.bin', 'application/octet-stream'],
  ])('serves assets/%s as %s', async (name, contentType) => {
    const { root } = await bundle();
    expect(resolveAppRequest(`app://bundle/assets/${name}`, root)).toEqual({
      status: 200,
      path: join(root, 'assets', name),
      contentType,
    });
  });

  it('decodes percent-encoded names', async () => {
    const { root } = await bundle();
    const url = `app://bundle/assets/${encodeURIComponent('日本語 名.js')}`;
    expect(resolveAppRequest(url, root)).toMatchObject({ status: 200, path: join(root, 'assets', '日本語 名.js') });
  });

  it('refuses every path that could leave the root, even where the file exists', async () => {
    const { parent, root } = await bundle();
    const secret = join(parent, 'secret.txt');
    for (const url of [
      'app://bundle/../package.json',
      'app://bundle/../secret.txt',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/%2e%2e/secret.txt',
      'app://bundle/%2E%2E/secret.txt',
      'app://bundle/..%2fsecret.txt',
      'app://bundle/..%2Fsecret.txt',
      'app://bundle/%2e%2e%2fsecret.txt',
      'app://bundle/assets/..%2f..%2fsecret.txt',
      'app://bundle/..%5c..%5cwindows',
      'app://bundle/..%5csecret.txt',
      'app://bundle/..\\secret.txt',
      'app://bundle/assets\\..\\..\\secret.txt',
      'app://bundle//etc/passwd',
      'app://bundle/%2fetc%2fpasswd',
      `app://bundle/${encodeURIComponent(secret)}`,
      `app://bundle${pathToFileURL(secret).pathname}`,
      'app://bundle/C:/Windows/win.ini',
      'app://bundle/C%3a%5cWindows%5cwin.ini',
      'app://bundle/index.html%00.png',
      'app://bundle/%E0%A4%A', // malformed escape
    ]) {
      expect(resolveAppRequest(url, root), url).toEqual({ status: 404 });
    }
  });

  it('refuses other hosts, ports, credentials and schemes', async () => {
    const { root } = await bundle();
    for (const url of [
      'app://other/index.html',
      'app://evil/',
      'app://bundle.evil/index.html',
      'app://bundle:8080/index.html',
      'app://user:pass@bundle/index.html',
      'evil://bundle/index.html',
      'https://bundle/index.html',
      pathToFileURL(join(root, 'index.html')).href,
      'not a url',
    ]) {
      expect(resolveAppRequest(url, root), url).toEqual({ status: 404 });
    }
  });

  it('refuses missing files and folders', async () => {
    const { root } = await bundle();
    for (const url of ['app://bundle/missing.js', 'app://bundle/assets/missing.css', 'app://bundle/assets', 'app://bundle/assets/']) {
      expect(resolveAppRequest(url, root), url).toEqual({ status: 404 });
    }
  });

  it('serves every file of the built renderer with a known Content-Type', () => {
    expect(existsSync(builtRenderer), 'run `npx electron-vite build` before this test').toBe(true);
    const files = readdirSync(builtRenderer, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(1);
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const url = `${APP_ORIGIN}/${relative(builtRenderer, path).split(/[\\/]/).map(encodeURIComponent).join('/')}`;
      const resolved = resolveAppRequest(url, builtRenderer);
      expect(resolved, url).toMatchObject({ status: 200, path });
      if (resolved.status === 200) expect(resolved.contentType, url).not.toBe('application/octet-stream');
    }
  });
});

describe('registerAppScheme', () => {
  it('registers app: as standard, secure and fetch-capable, and nothing more', () => {
    registerAppScheme();
    expect(fakeProtocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('serveRenderer', () => {
  const csp = contentSecurityPolicy();

  it('answers app:// requests with the file, its type and the CSP header', async () => {
    const { root } = await bundle();
    serveRenderer(root);
    expect(fakeProtocol.isProtocolHandled('app')).toBe(true);

    const page = await fakeProtocol.request(APP_PAGE_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toBe('<!doctype html><div id="root"></div>');

    const worker = await fakeProtocol.request('app://bundle/assets/doc.worker-abc.js');
    expect(worker.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(worker.headers.get('content-security-policy')).toBe(csp);
    expect(await worker.text()).toBe('self.onmessage = () => {}');

    const font = await fakeProtocol.request('app://bundle/assets/font.woff2');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new TextEncoder().encode('w2'));
  });

  it('answers refused and missing paths with an empty 404 that still carries the CSP', async () => {
    const { root } = await bundle();
    serveRenderer(root);
    for (const url of [
      'app://bundle/../package.json',
      'app://bundle/%2e%2e/%2e%2e/etc/passwd',
      'app://bundle/..%5c..%5cwindows',
      'app://bundle/..%2fsecret.txt',
      'app://other/index.html',
      'app://bundle/missing.js',
    ]) {
      const response = await fakeProtocol.request(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy'), url).toBe(csp);
      expect(await response.text(), url).toBe('');
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const { root } = await bundle();
    serveRenderer(root);
    const head = await fakeProtocol.request(APP_PAGE_URL, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await fakeProtocol.request(APP_PAGE_URL, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(post.headers.get('content-security-policy')).toBe(csp);
  });
});
