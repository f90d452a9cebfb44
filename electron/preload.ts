import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { PreloadApi } from '../shared/ipc/bridge-api';
import {
  ipcContract,
  mainEventSchemas,
  type IpcChannel,
  type IpcResult,
  type MainEvent,
} from '../shared/ipc/contract';

// Replaced at build time (electron.vite.config.ts): a sandboxed preload cannot read package.json.
declare const __APP_VERSION__: string;

type Listener = (payload: unknown) => void;

const hasOwn = (object: object, key: unknown): boolean =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(object, key);

const listeners = new Map<MainEvent, Set<Listener>>();
// A file handed over by the OS may arrive before the page has subscribed: keep it until it does.
const heldUntilSubscribed = new Set<MainEvent>(['app:open-file']);
const held = new Map<MainEvent, unknown[]>();

for (const event of Object.keys(mainEventSchemas) as MainEvent[]) {
  listeners.set(event, new Set());
  // The IpcRendererEvent stays here: only the checked payload reaches the page.
  ipcRenderer.on(event, (_ipcEvent, payload: unknown) => {
    const parsed = mainEventSchemas[event].safeParse(payload);
    if (!parsed.success) {
      console.error(`annexBridge: dropped a malformed '${event}' event`);
      return;
    }
    const subscribed = listeners.get(event) ?? new Set<Listener>();
    if (subscribed.size === 0 && heldUntilSubscribed.has(event)) {
      held.set(event, [...(held.get(event) ?? []), parsed.data]);
      return;
    }
    for (const listener of subscribed) deliver(listener, parsed.data);
  });
}

function deliver(listener: Listener, payload: unknown): void {
  try {
    listener(payload);
  } catch (error) {
    console.error('annexBridge: an event listener failed', error);
  }
}

function invoke(channel: IpcChannel, request: unknown): Promise<IpcResult<unknown>> {
  // Only the contract's channels reach main; anything else is refused here without a message sent.
  if (!hasOwn(ipcContract, channel)) {
    return Promise.resolve({
      ok: false,
      error: { code: 'invalid-request', message: `アプリ内部の不明な要求です（${String(channel)}）。` },
    });
  }
  return (ipcRenderer.invoke(channel, request) as Promise<IpcResult<unknown>>).catch((error: unknown) => {
    console.error(`annexBridge: ${channel} failed`, error);
    return { ok: false, error: { code: 'internal', message: 'アプリ内部の通信に失敗しました。' } };
  });
}

function on(event: MainEvent, listener: Listener): () => void {
  if (!hasOwn(mainEventSchemas, event)) throw new TypeError(`annexBridge.on: unknown event ${String(event)}`);
  if (typeof listener !== 'function') throw new TypeError('annexBridge.on: the listener must be a function');
  const subscribed = listeners.get(event) ?? new Set<Listener>();
  subscribed.add(listener);
  const waiting = held.get(event);
  if (waiting) {
    held.delete(event);
    for (const payload of waiting) deliver(listener, payload);
  }
  return () => {
    subscribed.delete(listener);
  };
}

const api: PreloadApi = Object.freeze({
  platform: 'electron' as const,
  version: __APP_VERSION__,
  invoke: invoke as PreloadApi['invoke'],
  on: on as PreloadApi['on'],
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});

// Functions and plain data only: no Node API and no raw ipcRenderer cross into the page.
contextBridge.exposeInMainWorld('annexBridge', api);
