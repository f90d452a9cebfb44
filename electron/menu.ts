import { Menu } from 'electron';
import type { Settings } from '../shared/ipc/contract';
import { buildMenuTemplate, type MenuActions } from './menu-template';

/** Installs (or, after the recent files changed, replaces) the application menu. */
export function applyApplicationMenu(
  settings: Pick<Settings, 'recentFiles'>,
  isPackaged: boolean,
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(settings, isPackaged, platform, actions)));
}
