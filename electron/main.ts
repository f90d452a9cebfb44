import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { isAbandonedSave, type CloseGuard } from './close-guard';
import { AutosaveStore } from './files/autosave-store';
import { GrantedPaths } from './files/granted-paths';
import { createAppHandlers } from './ipc/app-handlers';
import { registerIpcHandlers } from './ipc/register-handlers';
import { pruneRecentFiles } from './ipc/settings-handlers';
import { fileFromArgv, LaunchFileQueue } from './launch-files';
import { sendMainEvent } from './main-events';
import { openMainWindow } from './main-window';
import { applyApplicationMenu } from './menu';
import { openPrintPage } from './print-window';
import { createSettingsStore } from './settings-store';
import { appPageUrl, rendererRoot } from './window';
import { WINDOW_TITLE } from './window-title';

// Every renderer sandboxed, whatever a window's own webPreferences say; must run before ready.
app.enableSandbox();
// app: must be privileged (standard, secure, fetch) before ready, or the page gets an opaque origin.
registerAppScheme();

// One instance only: two editors on the same annex file would overwrite each other's saves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  const grants = new GrantedPaths();
  const guards = new WeakMap<BrowserWindow, CloseGuard>();
  const guardFor = (window: BrowserWindow | null) => (window ? guards.get(window) : undefined);
  let mainWindow: BrowserWindow | null = null;
  let openWindow: (() => void) | undefined;

  const send = {
    command: (command: MenuCommand) => {
      if (!mainWindow) return;
      guardFor(mainWindow)?.commandSent(command);
      sendMainEvent(mainWindow.webContents, 'menu:command', command);
    },
    openRecent: (path: string) => {
      if (mainWindow) sendMainEvent(mainWindow.webContents, 'menu:open-recent', path);
    },
  };

  const launchFiles = new LaunchFileQueue((path) => {
    if (mainWindow) sendMainEvent(mainWindow.webContents, 'app:open-file', path);
  });
  // The user pointed the OS at this file: the page may read it and save back to it.
  const openFromOs = (path: string) => {
    grants.grant(path, 'annex');
    launchFiles.push(path);
  };
  const firstFile = fileFromArgv(process.argv, { isPackaged: app.isPackaged, cwd: process.cwd() });
  if (firstFile) openFromOs(firstFile);

  app.on('second-instance', (_event, argv, workingDirectory) => {
    const file = fileFromArgv(argv, { isPackaged: app.isPackaged, cwd: workingDirectory });
    if (file) openFromOs(file);
    // A second launch brings the running window forward instead.
    if (!mainWindow) return openWindow?.();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // macOS hands files over by event rather than argv.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openFromOs(path);
  });

  // macOS apps stay alive without windows until Cmd+Q.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow?.();
  });

  app
    .whenReady()
    .then(() => {
      // Before any window: the page and its assets load from app://bundle/.
      serveRenderer(rendererRoot());
      const settings = createSettingsStore();
      const autosave = new AutosaveStore(join(app.getPath('userData'), 'autosave'));

      const rebuildMenu = (recentFiles: readonly string[]) =>
        applyApplicationMenu({ recentFiles: [...recentFiles] }, app.isPackaged, {
          ...send,
          showAbout: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'バージョン情報',
              message: WINDOW_TITLE,
              detail: `バージョン ${app.getVersion()}\nElectron ${process.versions['electron'] ?? '-'}`,
            }),
        });

      const handlers = createAppHandlers({
        dialogs: {
          showOpenDialog: (parent, options) =>
            parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options),
          showSaveDialog: (parent, options) =>
            parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options),
        },
        settings,
        grants,
        autosave,
        defaultFolder: () => app.getPath('documents'),
        guardFor,
        onRecentFilesChanged: rebuildMenu,
        openPrintPage: () => openPrintPage(appPageUrl()),
      });
      registerIpcHandlers(handlers, {
        appUrl: appPageUrl(),
        onResult: (channel, context, result) => {
          if (isAbandonedSave(channel, result)) guardFor(context.window)?.saveAbandoned();
        },
      });

      // A quit waits for the autosave queue, so a clean exit really removes recovery.json.
      app.on('will-quit', (event) => {
        if (!autosave.busy) return;
        event.preventDefault();
        void autosave.whenIdle().then(() => app.quit());
      });

      openWindow = () => {
        const { window, guard } = openMainWindow({
          settings,
          launchFiles,
          clearAutosaveOnCleanExit: () => void autosave.clearOnCleanExit(),
        });
        guards.set(window, guard);
        mainWindow = window;
        window.on('closed', () => {
          if (mainWindow === window) mainWindow = null;
        });
      };

      rebuildMenu(settings.get().recentFiles);
      void pruneRecentFiles({ settings, onRecentFilesChanged: rebuildMenu });
      openWindow();
    })
    .catch((error: unknown) => {
      console.error('Failed to start:', error);
      app.quit();
    });
}
