import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcContext, IpcHandlers } from '../../../electron/ipc/ipc-types';
import { createIpcDispatch, isTrustedSender, registerIpcHandlers } from '../../../electron/ipc/register-handlers';
import { DEFAULT_SETTINGS, ipcContract, type IpcChannel, type IpcResult } from '../../../shared/ipc/contract';
import { FakeBrowserWindow, fakeIpcMain, resetFakeElectron } from '../support/electron-mock';

// register-handlers.ts is the one file that imports ipcMain: hand it the fake.
vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

const APP_URL = 'app://bundle/index.html';
const channels = Object.keys(ipcContract) as IpcChannel[];

/** Handlers that succeed with a valid response and record their calls. */
function recordingHandlers() {
  const calls: { channel: IpcChannel; request: unknown; context: IpcContext }[] = [];
  const reply =
    <T,>(channel: IpcChannel, value: T) =>
    (request: unknown, context: IpcContext): IpcResult<T> => {
      calls.push({ channel, request, context });
      return { ok: true, value };
    };
  const handlers: IpcHandlers = {
    'file:open': reply('file:open', { canceled: true as const }),
    'file:save': reply('file:save', { path: '/d/a.json', name: 'a.json', mtimeMs: 1 }),
    'file:choose-save-path': reply('file:choose-save-path', { canceled: true as const }),
    'autosave:write': reply('autosave:write', null),
    'autosave:read': reply('autosave:read', null),
    'autosave:clear': reply('autosave:clear', null),
    'settings:get': reply('settings:get', DEFAULT_SETTINGS),
    'window:document-state': reply('window:document-state', null),
    'print:to-pdf': reply('print:to-pdf', { bytes: new Uint8Array([37, 80, 68, 70]), pages: 1 }),
    'print:system': reply('print:system', { printed: true }),
    'submissions:choose-folder': reply('submissions:choose-folder', { canceled: true as const }),
    'submissions:write-files': reply('submissions:write-files', { written: [] }),
    'submissions:open': reply('submissions:open', { canceled: true as const }),
  };
  return { handlers, calls };
}

function senderEvent(url: string, options: { subFrame?: boolean; destroyed?: boolean } = {}) {
  const window = new FakeBrowserWindow({});
  const frame = options.destroyed ? null : { url, parent: options.subFrame ? { url: APP_URL, parent: null } : null };
  return { window, event: { sender: window.webContents, senderFrame: frame } };
}

beforeEach(() => resetFakeElectron());

describe('registerIpcHandlers', () => {
  it('registers exactly one ipcMain handler per channel of the contract, and removes them', () => {
    const { handlers } = recordingHandlers();
    const unregister = registerIpcHandlers(handlers, { appUrl: APP_URL });
    expect([...fakeIpcMain.handlers.keys()].sort()).toEqual([...channels].sort());
    unregister();
    expect(fakeIpcMain.handlers.size).toBe(0);
  });

  it('passes a valid request from the app page to the handler with the sender window', async () => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, { appUrl: APP_URL });
    const { window, event } = senderEvent(`${APP_URL}#/city`);
    const result = await fakeIpcMain.invoke('settings:get', event, null);
    expect(result).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.context.window).toBe(window);
  });

  it.each([
    ['another web page', 'https://attacker.example/index.html', {}],
    ['a local file', 'file:///tmp/evil.html', {}],
    ['the built page opened as a file', 'file:///opt/annex-editor/resources/app.asar/out/renderer/index.html', {}],
    ['another host of the app scheme', 'app://evil/', {}],
    ['a host that only starts like ours', 'app://bundle.evil/index.html', {}],
    ['another scheme with our host', 'evil://bundle/index.html', {}],
    ['our host with credentials', 'app://user@bundle/index.html', {}],
    ['a sub-frame of the app page', APP_URL, { subFrame: true }],
    ['a destroyed frame', APP_URL, { destroyed: true }],
  ])('refuses %s with forbidden-sender and never calls the handler', async (_label, url, options) => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, { appUrl: APP_URL });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const channel of channels) {
      const result = (await fakeIpcMain.invoke(channel, senderEvent(url, options).event, null)) as IpcResult<unknown>;
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      if (!result.ok) expect(result.error.message).toBe('このページからの要求は受け付けられません。');
    }
    expect(calls).toHaveLength(0);
    warn.mockRestore();
  });

  it('accepts the app page at app://bundle/ whatever its path, query or hash', () => {
    for (const url of [APP_URL, `${APP_URL}#/city`, `${APP_URL}?view=print`, 'app://bundle/']) {
      expect(isTrustedSender({ url, parent: null }, APP_URL), url).toBe(true);
    }
    expect(isTrustedSender({ url: 'app://evil/', parent: null }, APP_URL)).toBe(false);
    expect(isTrustedSender({ url: 'evil://bundle/index.html', parent: null }, APP_URL)).toBe(false);
  });

  it('accepts any page of the dev server origin in development', () => {
    expect(isTrustedSender({ url: 'http://localhost:5173/', parent: null }, 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', parent: null }, 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(null, APP_URL)).toBe(false);
  });

  it.each([
    ['wrong type', 'file:open', { kind: 'annex', path: 42 }, '「path」の型が正しくありません'],
    ['unknown kind', 'file:open', { kind: 'exe' }, '「kind」の値が正しくありません'],
    ['extra key', 'file:save', { path: '/d/a.json', bytes: new Uint8Array(1), expectedMtimeMs: null, force: true }, '余分な項目があります（force）'],
    ['huge path', 'file:open', { kind: 'annex', path: `/${'a'.repeat(5000)}.json` }, '「path」が長すぎるか大きすぎます'],
    ['bytes as a string', 'file:save', { path: '/d/a.json', bytes: 'PK', expectedMtimeMs: null }, '「bytes」'],
    ['missing payload', 'window:document-state', undefined, '要求の型が正しくありません'],
    ['non-null for a null channel', 'settings:get', { all: true }, '要求'],
    ['huge file name', 'window:document-state', { fileName: 'x'.repeat(300), dirty: true }, '「fileName」が長すぎるか大きすぎます'],
  ] as const)('rejects a malformed payload (%s) with invalid-request; the handler is not called', async (_label, channel, payload, message) => {
    const { handlers, calls } = recordingHandlers();
    registerIpcHandlers(handlers, { appUrl: APP_URL });
    const result = (await fakeIpcMain.invoke(channel, senderEvent(APP_URL).event, payload)) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) {
      expect(result.error.message).toContain(`アプリ内部の要求の形式が正しくありません（${channel}）`);
      expect(result.error.message).toContain(message);
    }
    expect(calls).toHaveLength(0);
  });

  it('turns a handler that throws into internal with a Japanese message, logging the detail', async () => {
    const { handlers } = recordingHandlers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = createIpcDispatch(
      {
        ...handlers,
        'settings:get': () => {
          throw new Error('store exploded');
        },
      },
      { appUrl: APP_URL, windowFor: () => null },
    );
    const result = await dispatch('settings:get', senderEvent(APP_URL).event as never, null);
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'アプリ内部で予期しないエラーが発生しました。操作をやり直してください。' },
    });
    expect(String(error.mock.calls[0]?.[0])).toContain('settings:get');
    expect(error.mock.calls[0]?.[1]).toBeInstanceOf(Error);
    error.mockRestore();
  });

  it('turns a rejected promise into internal too, and a response that breaks the contract', async () => {
    const { handlers } = recordingHandlers();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = createIpcDispatch(
      {
        ...handlers,
        'autosave:read': () => Promise.reject(new Error('disk gone')),
        'settings:get': () => ({ ok: true, value: { ...DEFAULT_SETTINGS, secret: 'x' } }) as never,
      },
      { appUrl: APP_URL, windowFor: () => null },
    );
    const event = senderEvent(APP_URL).event as never;
    expect(await dispatch('autosave:read', event, null)).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatch('settings:get', event, null)).toMatchObject({ ok: false, error: { code: 'internal' } });
    error.mockRestore();
  });

  it('passes a domain error through as data, and reports every result to onResult', async () => {
    const { handlers } = recordingHandlers();
    const seen: [IpcChannel, IpcResult<unknown>][] = [];
    const dispatch = createIpcDispatch(
      {
        ...handlers,
        'file:save': () => ({ ok: false, error: { code: 'changed-on-disk', message: 'ファイルが他のアプリで変更されています' } }),
      },
      { appUrl: APP_URL, windowFor: () => null, onResult: (channel, _context, result) => seen.push([channel, result]) },
    );
    const result = await dispatch(
      'file:save',
      senderEvent(APP_URL).event as never,
      { path: '/d/a.json', bytes: new Uint8Array([1]), expectedMtimeMs: 5 },
    );
    expect(result).toEqual({ ok: false, error: { code: 'changed-on-disk', message: 'ファイルが他のアプリで変更されています' } });
    expect(seen).toEqual([['file:save', result]]);
  });
});
