import type { PreloadApi } from '../../../shared/ipc/bridge-api';
import { browserBridge } from './browser-bridge';
import { electronBridge } from './electron-bridge';
import type { RendererBridge } from './renderer-bridge';

declare global {
  interface Window {
    readonly annexBridge?: PreloadApi;
  }
}

/** The Electron bridge inside the app, the browser one anywhere else. */
export function createBridge(): RendererBridge {
  return window.annexBridge?.platform === 'electron' ? electronBridge(window.annexBridge) : browserBridge();
}

export type { RendererBridge } from './renderer-bridge';
