import { existingRecentFiles, isExistingFile } from '../files/recent-files';
import type { SettingsStore } from '../settings-model';
import { ipcSuccess, type IpcHandlers } from './ipc-types';

export interface SettingsHandlerDeps {
  readonly settings: SettingsStore;
  readonly onRecentFilesChanged?: (recentFiles: readonly string[]) => void;
  readonly exists?: (path: string) => Promise<boolean>;
}

/** Drops recent files that no longer exist, stores the shorter list and reports it when it changed. */
export async function pruneRecentFiles(deps: SettingsHandlerDeps): Promise<readonly string[]> {
  const { recentFiles } = deps.settings.get();
  const existing = await existingRecentFiles(recentFiles, deps.exists ?? isExistingFile);
  if (existing.length !== recentFiles.length) {
    deps.settings.update({ recentFiles: existing });
    deps.onRecentFilesChanged?.(existing);
  }
  return existing;
}

export function createSettingsHandlers(deps: SettingsHandlerDeps): Pick<IpcHandlers, 'settings:get'> {
  return {
    async 'settings:get'() {
      await pruneRecentFiles(deps);
      return ipcSuccess(deps.settings.get());
    },
  };
}
