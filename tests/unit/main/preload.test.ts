import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInThisContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { PreloadApi } from '../../../shared/ipc/bridge-api';
import { ipcContract, mainEventSchemas } from '../../../shared/ipc/contract';
import { projectRoot } from '../support/paths';

const preloadBundle = resolve(projectRoot, 'out/preload/index.cjs');
const NOT_BUILT = 'run `npx electron-vite build` before this test';
const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string };

type IpcListener = (event: unknown, payload: unknown) => void;

/**
 * Runs the BUILT preload as Electron runs a sandboxed one (CommonJS, `require('electron')` only),
 * with fakes for contextBridge, ipcRenderer and webUtils.
 */
function loadPreload(invokeAnswer: (channel: string, request: unknown) => Promise<unknown> = async () => ({ ok: true, value: null })) {
  expect(existsSync(preloadBundle), NOT_BUILT).toBe(true);
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, IpcListener[]>();
  const invoked: [string, unknown][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      on: (channel: string, listener: IpcListener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
      invoke: (channel: string, request: unknown) => {
        invoked.push([channel, request]);
        return invokeAnswer(channel, request);
      },
    },
    webUtils: { getPathForFile: (file: { name: string }) => `C:\\Users\\u\\Desktop\\${file.name}` },
  };
  const requireFake = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} };
  const run = runInThisContext(`(function (require, module, exports) {${readFileSync(preloadBundle, 'utf8')}\n})`, {
    filename: preloadBundle,
  }) as (r: typeof requireFake, m: typeof module, e: object) => void;
  run(requireFake, module, module.exports);
  const api = exposed.get('annexBridge') as PreloadApi;
  /** Main sends an event, as webContents.send would. */
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, payload);
  };
  return { api, exposed, invoked, listeners, required, emit };
}

describe('preload (built bundle)', () => {
  it('exposes exactly the PreloadApi as window.annexBridge, frozen, with no raw ipcRenderer', () => {
    const { api, exposed, required } = loadPreload();
    expect([...exposed.keys()]).toEqual(['annexBridge']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on', 'pathForFile', 'platform', 'version']);
    expect(api.platform).toBe('electron');
    expect(api.version).toBe(pkg.version);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.values(api).some((value) => typeof value === 'object' && value !== null)).toBe(false);
    // zod is bundled in: a sandboxed preload can require nothing but electron.
    expect([...new Set(required)]).toEqual(['electron']);
  });

  it('listens to main’s events only', () => {
    const { listeners } = loadPreload();
    expect([...listeners.keys()].sort()).toEqual(Object.keys(mainEventSchemas).sort());
  });

  it('invoke sends a contract channel with its request and returns main’s result', async () => {
    const { api, invoked } = loadPreload(async () => ({ ok: true, value: { canceled: true } }));
    const result = await api.invoke('file:open', { kind: 'annex' });
    expect(result).toEqual({ ok: true, value: { canceled: true } });
    expect(invoked).toEqual([['file:open', { kind: 'annex' }]]);
    for (const channel of Object.keys(ipcContract)) {
      await api.invoke(channel as never, null as never);
    }
    expect(invoked.map(([channel]) => channel).slice(1)).toEqual(Object.keys(ipcContract));
  });

  it.each(['shell:open-external', '__proto__', 'constructor', 'toString', 'electron-store-get-data', ''])(
    'invoke refuses %j without sending anything',
    async (channel) => {
      const { api, invoked } = loadPreload();
      const result = await api.invoke(channel as never, null as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(invoked).toEqual([]);
    },
  );

  it('invoke turns a rejected IPC call into internal, never a thrown error', async () => {
    const { api } = loadPreload(() => Promise.reject(new Error("No handler registered for 'settings:get'")));
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(await api.invoke('settings:get', null)).toEqual({
        ok: false,
        error: { code: 'internal', message: 'アプリ内部の通信に失敗しました。' },
      });
    } finally {
      console.error = original;
    }
  });

  it('on delivers a valid payload (and only the payload), drops a malformed one, and unsubscribes', () => {
    const { api, emit } = loadPreload();
    const received: unknown[][] = [];
    const original = console.error;
    console.error = () => undefined;
    try {
      const off = api.on('menu:command', (...args: unknown[]) => received.push(args));
      emit('menu:command', 'save');
      emit('menu:command', 'format-disk');
      emit('menu:command', { command: 'save' });
      expect(received).toEqual([['save']]);
      off();
      emit('menu:command', 'open');
      expect(received).toHaveLength(1);

      const paths: unknown[] = [];
      api.on('menu:open-recent', (path) => paths.push(path));
      emit('menu:open-recent', '');
      emit('menu:open-recent', 'x'.repeat(5000));
      emit('menu:open-recent', 'C:\\計画\\annex.xlsx');
      expect(paths).toEqual(['C:\\計画\\annex.xlsx']);
    } finally {
      console.error = original;
    }
  });

  it('on refuses an unknown event or a non-function listener', () => {
    const { api } = loadPreload();
    expect(() => api.on('ipc:raw' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('__proto__' as never, () => undefined)).toThrow(TypeError);
    expect(() => api.on('menu:command', 'alert(1)' as never)).toThrow(TypeError);
  });

  it('holds a file from the OS until the page subscribes to app:open-file', () => {
    const { api, emit } = loadPreload();
    emit('app:open-file', '/d/a.json');
    const opened: string[] = [];
    api.on('app:open-file', (path) => opened.push(path));
    expect(opened).toEqual(['/d/a.json']);
    emit('app:open-file', '/d/b.json');
    expect(opened).toEqual(['/d/a.json', '/d/b.json']);
  });

  it('menu commands sent before anyone listens are not replayed later', () => {
    const { api, emit } = loadPreload();
    emit('menu:command', 'save');
    const received: string[] = [];
    api.on('menu:command', (command) => received.push(command));
    expect(received).toEqual([]);
  });

  it('pathForFile asks webUtils for a dropped file’s path', () => {
    const { api } = loadPreload();
    expect(api.pathForFile({ name: 'annex.xlsx' } as File)).toBe('C:\\Users\\u\\Desktop\\annex.xlsx');
  });
});
