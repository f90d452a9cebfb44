import type { BrowserWindow } from 'electron';
import type { CloseGuard } from '../close-guard';
import { ipcSuccess, type IpcHandlers } from './ipc-types';

export function createWindowHandlers(deps: {
  readonly guardFor: (window: BrowserWindow | null) => CloseGuard | undefined;
}): Pick<IpcHandlers, 'window:document-state'> {
  return {
    'window:document-state'(state, context) {
      deps.guardFor(context.window)?.setDocumentState(state);
      return ipcSuccess(null);
    },
  };
}
