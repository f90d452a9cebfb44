import { join } from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { APP_PAGE_URL } from './app-protocol';
import { applySecurity } from './security';
import type { Rect } from './window-bounds';
import { WINDOW_TITLE } from './window-title';

export { WINDOW_TITLE } from './window-title';

// import.meta.dirname is out/main once bundled; ESM has no __dirname.
export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/index.cjs');
}

/** out/renderer: the folder app://bundle/ serves. */
export function rendererRoot(): string {
  return join(import.meta.dirname, '../renderer');
}

/** The electron-vite dev server URL; ignored in a packaged app so an env var cannot load remote content. */
export function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined;
  return process.env['ELECTRON_RENDERER_URL'] || undefined;
}

/** The URL of the app's own page: IPC and navigation are allowed from and to it only. */
export function appPageUrl(): string {
  return devServerUrl() ?? APP_PAGE_URL;
}

export interface MainWindowOptions {
  /** Saved bounds already checked against today's displays (restorableBounds). */
  readonly bounds?: Rect | null;
  readonly maximized?: boolean;
}

export function createMainWindow(options: MainWindowOptions = {}): BrowserWindow {
  const devUrl = devServerUrl();
  const pageUrl = devUrl ?? APP_PAGE_URL;
  const bounds = options.bounds ?? { width: 1400, height: 900 };
  const mainWindow = new BrowserWindow({
    title: WINDOW_TITLE,
    ...bounds,
    minWidth: 800,
    minHeight: 600,
    // Shown on ready-to-show so the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });

  applySecurity(mainWindow.webContents.session, mainWindow.webContents, {
    appUrl: pageUrl,
    devServerUrl: devUrl,
    // Links to the allow-listed sites open in the user's browser; everything else stays refused.
    openExternal: (url) => shell.openExternal(url),
  });

  mainWindow.once('ready-to-show', () => {
    if (options.maximized) mainWindow.maximize();
    mainWindow.show();
  });

  // app://bundle/ is served by serveRenderer (app-protocol.ts), installed on ready before any window.
  mainWindow.loadURL(pageUrl).catch((error: unknown) => {
    console.error('Failed to load the renderer:', error);
  });
  return mainWindow;
}
