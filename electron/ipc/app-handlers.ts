import type { BrowserWindow } from 'electron';
import type { CloseGuard } from '../close-guard';
import type { AutosaveStore } from '../files/autosave-store';
import type { GrantedPaths } from '../files/granted-paths';
import type { SettingsStore } from '../settings-model';
import { createAutosaveHandlers } from './autosave-handlers';
import { createFileHandlers, type FileDialogs } from './file-handlers';
import type { IpcHandlers } from './ipc-types';
import { createPrintHandlers, type PrintHandlerDeps } from './print-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSubmissionHandlers } from './submission-handlers';
import { createWindowHandlers } from './window-handlers';

export interface AppHandlerDeps {
  readonly dialogs: FileDialogs;
  readonly settings: SettingsStore;
  readonly grants: GrantedPaths;
  readonly autosave: AutosaveStore;
  readonly defaultFolder: () => string;
  readonly guardFor: (window: BrowserWindow | null) => CloseGuard | undefined;
  readonly onRecentFilesChanged: (recentFiles: readonly string[]) => void;
  readonly openPrintPage: PrintHandlerDeps['openPrintPage'];
}

/** One handler per channel of the contract; the type makes a missing channel a compile error. */
export function createAppHandlers(deps: AppHandlerDeps): IpcHandlers {
  return {
    ...createFileHandlers(deps),
    ...createAutosaveHandlers({ store: deps.autosave, grants: deps.grants }),
    ...createSettingsHandlers(deps),
    ...createWindowHandlers(deps),
    ...createPrintHandlers(deps),
    ...createSubmissionHandlers(deps),
  };
}
