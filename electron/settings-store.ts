import Store from 'electron-store';
import { DEFAULT_SETTINGS, type Settings } from '../shared/ipc/contract';
import { definedEntries, sanitizeSettings, type SettingsStore } from './settings-model';

export interface ElectronSettingsOptions {
  /** The folder of settings.json; electron-store's default is app.getPath('userData'). */
  readonly cwd?: string;
}

/** Settings in `<userData>/settings.json` via electron-store (ESM-only, so it stays in main). */
export function createSettingsStore(options: ElectronSettingsOptions = {}): SettingsStore {
  const store = new Store<Settings>({
    name: 'settings',
    defaults: DEFAULT_SETTINGS,
    // A file that is not JSON at all starts over with the defaults instead of crashing the app.
    clearInvalidConfig: true,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
  return {
    get: () => sanitizeSettings(store.store),
    update(patch) {
      const next = sanitizeSettings({ ...sanitizeSettings(store.store), ...definedEntries(patch) });
      store.store = next;
      return next;
    },
  };
}
