import { dialog, screen, type BrowserWindow } from 'electron';
import type { MenuCommand } from '../shared/ipc/contract';
import { attachCloseGuard, type CloseGuard } from './close-guard';
import type { LaunchFileQueue } from './launch-files';
import { sendMainEvent } from './main-events';
import type { SettingsStore } from './settings-model';
import { createMainWindow } from './window';
import { restorableBounds } from './window-bounds';

export interface MainWindowDeps {
  readonly settings: SettingsStore;
  readonly launchFiles: LaunchFileQueue;
  readonly clearAutosaveOnCleanExit: () => void;
}

/** The editor window with its saved place, close guard and launch-file delivery; returns it and its guard. */
export function openMainWindow(deps: MainWindowDeps): { window: BrowserWindow; guard: CloseGuard } {
  const saved = deps.settings.get();
  const bounds = restorableBounds(
    saved.windowBounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = createMainWindow({ bounds, maximized: bounds !== null && saved.windowMaximized });

  const guard = attachCloseGuard(window, {
    showMessageBox: (parent, options) => dialog.showMessageBox(parent, options),
    sendCommand: (command: MenuCommand) => sendMainEvent(window.webContents, 'menu:command', command),
    clearAutosave: deps.clearAutosaveOnCleanExit,
  });

  // Saved on every close request; harmless when the guard then keeps the window open.
  window.on('close', () => {
    deps.settings.update({ windowBounds: window.getNormalBounds(), windowMaximized: window.isMaximized() });
  });

  window.webContents.on('did-finish-load', () => deps.launchFiles.pageLoaded());
  window.webContents.on('did-start-loading', () => deps.launchFiles.pageUnloaded());
  window.on('closed', () => deps.launchFiles.pageUnloaded());
  return { window, guard };
}
