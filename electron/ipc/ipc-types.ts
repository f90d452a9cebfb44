import type { BrowserWindow } from 'electron';
import type { IpcChannel, IpcError, IpcErrorCode, IpcRequest, IpcResponse, IpcResult } from '../../shared/ipc/contract';

/** What a domain handler learns about the caller: the window whose page sent the request, if any. */
export interface IpcContext {
  readonly window: BrowserWindow | null;
}

/** A domain handler: a validated request in, errors as data out. */
export type IpcHandler<C extends IpcChannel> = (
  request: IpcRequest<C>,
  context: IpcContext,
) => Promise<IpcResult<IpcResponse<C>>> | IpcResult<IpcResponse<C>>;

export type IpcHandlers = { readonly [C in IpcChannel]: IpcHandler<C> };

export function ipcFailure(code: IpcErrorCode, message: string): { readonly ok: false; readonly error: IpcError } {
  return { ok: false, error: { code, message } };
}

export function ipcSuccess<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}
