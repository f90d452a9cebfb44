import { contextBridge } from 'electron';

// Replaced at build time (electron.vite.config.ts): a sandboxed preload cannot read package.json.
declare const __APP_VERSION__: string;

export interface AnnexBridge {
  readonly platform: 'electron';
  readonly version: string;
}

const bridge: AnnexBridge = Object.freeze({ platform: 'electron', version: __APP_VERSION__ });

// Plain data only: no Node APIs and no raw ipcRenderer cross into the page.
contextBridge.exposeInMainWorld('annexBridge', bridge);
