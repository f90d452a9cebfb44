import type { IpcChannel, IpcRequest, IpcResponse, IpcResult, MainEvent, MainEventPayload } from './contract';

/**
 * What the preload exposes to the page as `window.annexBridge`: typed calls over the contract, main's
 * events, and the path of a dropped file. No raw ipcRenderer and no Node API cross into the page.
 */
export interface PreloadApi {
  readonly platform: 'electron';
  readonly version: string;
  invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>>;
  /** Subscribes to an event from main; returns the unsubscribe function. */
  on<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void;
  /** The file system path of a file dropped on the window (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
}
