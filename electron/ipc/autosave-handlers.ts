import type { AutosaveStore } from '../files/autosave-store';
import type { GrantedPaths } from '../files/granted-paths';
import { ipcFailure, ipcSuccess, type IpcHandlers } from './ipc-types';

export type AutosaveHandlers = Pick<IpcHandlers, 'autosave:write' | 'autosave:read' | 'autosave:clear'>;

export function createAutosaveHandlers(deps: {
  readonly store: AutosaveStore;
  readonly grants: GrantedPaths;
}): AutosaveHandlers {
  return {
    async 'autosave:write'(recovery) {
      // A recovered document may save back to its file, so only a file this session may save to is kept;
      // any other path is dropped rather than the autosave refused (the work itself matters more).
      const { filePath, fileMtimeMs: _fileTime, ...work } = recovery;
      const kept = filePath !== null && !deps.grants.has(filePath) ? { ...work, filePath: null } : recovery;
      if (kept !== recovery) console.warn(`Autosave: not recording ${String(filePath)}, which this session did not open`);
      const written = await deps.store.write(kept);
      return written.ok ? ipcSuccess(null) : ipcFailure('io', written.error.message);
    },
    async 'autosave:read'() {
      const recovery = await deps.store.read();
      // The session that wrote it had this file granted; the restored document may save back to it.
      if (recovery?.filePath) deps.grants.grant(recovery.filePath, deps.grants.kindOf(recovery.filePath) ?? 'annex');
      return ipcSuccess(recovery);
    },
    async 'autosave:clear'() {
      await deps.store.clear();
      return ipcSuccess(null);
    },
  };
}
