import { app, BrowserWindow } from 'electron';
import { createMainWindow } from './window';

// Every renderer sandboxed, whatever a window's own webPreferences say; must run before ready.
app.enableSandbox();

// One instance only: two editors on the same annex file would overwrite each other's saves.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    // A second launch brings the running window forward instead.
    const [mainWindow] = BrowserWindow.getAllWindows();
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // macOS apps stay alive without windows until Cmd+Q.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  app
    .whenReady()
    .then(() => createMainWindow())
    .catch((error: unknown) => {
      console.error('Failed to start:', error);
      app.quit();
    });
}
