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
    on: (event, listener) => api.on(event, listener),
    pathForFile: (file) => api.pathForFile(file) || null,
  };
}
