import type { IpcResult } from '../../../shared/ipc/contract';
import type { PreloadApi } from '../../../shared/ipc/bridge-api';
import type { RendererBridge } from './renderer-bridge';

const canceledToNull = <T extends object>(result: IpcResult<T | { canceled: true }>): IpcResult<T | null> =>
  result.ok && 'canceled' in result.value ? { ok: true, value: null } : (result as IpcResult<T>);

/** The bridge over the preload's typed IPC. */
export function electronBridge(api: PreloadApi): RendererBridge {
  return {
    kind: 'electron',
    open: async (kind, path) => canceledToNull(await api.invoke('file:open', path === undefined ? { kind } : { kind, path })),
    save: (path, bytes, expectedMtimeMs) => api.invoke('file:save', { path, bytes, expectedMtimeMs }),
    chooseSavePath: async (suggestedName, kind) => canceledToNull(await api.invoke('file:choose-save-path', { suggestedName, kind })),
    writeAutosave: (recovery) => api.invoke('autosave:write', recovery),
    readAutosave: () => api.invoke('autosave:read', null),
    clearAutosave: () => api.invoke('autosave:clear', null),
    settings: () => api.invoke('settings:get', null),
    setDocumentState: (fileName, dirty) => void api.invoke('window:document-state', { fileName, dirty }),
    printToPdf: (job) => api.invoke('print:to-pdf', job),
    printSystem: (job) => api.invoke('print:system', job),
    async chooseSubmissionFolder(names) {
      const chosen = canceledToNull(await api.invoke('submissions:choose-folder', { names: [...names] }));
      if (!chosen.ok || !chosen.value) return chosen as IpcResult<null>;
      const { path, existing } = chosen.value;
      return { ok: true, value: { path, name: path.split(/[\\/]/).filter(Boolean).pop() ?? path, existing } };
    },
    async writeSubmissionFiles(folder, files) {
      const result = await api.invoke('submissions:write-files', { folder: folder.path, files: files.map(({ name, bytes }) => ({ name, bytes })) });
      return result.ok ? { ok: true, value: { written: result.value.written.length } } : result;
    },
    openSubmissions: async (paths) => canceledToNull(await api.invoke('submissions:open', paths === undefined ? {} : { paths: [...paths] })),
    on: (event, listener) => api.on(event, listener),
    pathForFile: (file) => api.pathForFile(file) || null,
  };
}
