import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { applySecurity } from './security';

export const WINDOW_TITLE = '取組事業一覧エディタ';

// import.meta.dirname is out/main once bundled; ESM has no __dirname.
export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/index.cjs');
}

export function rendererIndexPath(): string {
  return join(import.meta.dirname, '../renderer/index.html');
}

/** The electron-vite dev server URL; ignored in a packaged app so an env var cannot load remote content. */
export function devServerUrl(): string | undefined {
  if (app.isPackaged) return undefined;
  return process.env['ELECTRON_RENDERER_URL'] || undefined;
}

export function createMainWindow(): BrowserWindow {
  const devUrl = devServerUrl();
  const mainWindow = new BrowserWindow({
    title: WINDOW_TITLE,
    width: 1400,
    height: 900,
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
    appUrl: devUrl ?? pathToFileURL(rendererIndexPath()).href,
    devServerUrl: devUrl,
  });

  mainWindow.once('ready-to-show', () => mainWindow.show());

  const loading = devUrl ? mainWindow.loadURL(devUrl) : mainWindow.loadFile(rendererIndexPath());
  loading.catch((error: unknown) => {
    console.error('Failed to load the renderer:', error);
  });
  return mainWindow;
}
