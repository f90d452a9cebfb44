import { BrowserWindow, ipcMain, type IpcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { ipcContract, type IpcChannel, type IpcResult } from '../../shared/ipc/contract';
import { isAppUrl } from '../security';
import { ipcFailure, type IpcContext, type IpcHandler, type IpcHandlers } from './ipc-types';
import { invalidRequestMessage } from './validation-message';

/** The parts of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

export interface DispatchOptions {
  /** The URL the app's page is loaded from (app://bundle/index.html, or the dev server). */
  readonly appUrl: string;
  /** The window a request came from; BrowserWindow.fromWebContents in the app. */
  readonly windowFor?: (sender: WebContents) => BrowserWindow | null;
  /** Sees every handled request's result (the close guard watches saves). */
  readonly onResult?: (channel: IpcChannel, context: IpcContext, result: IpcResult<unknown>) => void;
}

export type IpcDispatch = (
  channel: IpcChannel,
  event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>,
  payload: unknown,
) => Promise<IpcResult<unknown>>;

const CHANNELS = Object.keys(ipcContract) as IpcChannel[];

/**
 * Only the app's own top-level page may call main: not an iframe, not a page navigated elsewhere, not
 * another host or scheme (isAppUrl compares scheme and host: app://evil/ and evil://bundle/ are refused).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appUrl: string): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url, appUrl);
}

function callHandler<C extends IpcChannel>(
  handlers: IpcHandlers,
  channel: C,
  request: unknown,
  context: IpcContext,
): ReturnType<IpcHandler<C>> {
  // The request passed ipcContract[channel].request, which is what IpcRequest<C> is inferred from.
  const handler = handlers[channel] as IpcHandler<C>;
  return handler(request as Parameters<IpcHandler<C>>[0], context);
}

async function runHandler(
  handlers: IpcHandlers,
  channel: IpcChannel,
  request: unknown,
  context: IpcContext,
): Promise<IpcResult<unknown>> {
  try {
    const result = await callHandler(handlers, channel, request, context);
    if (!result.ok) return result;
    // A handler bug must not hand the page something the contract does not promise.
    const response = ipcContract[channel].response.safeParse(result.value);
    if (!response.success) {
      console.error(`IPC ${channel}: the handler's response breaks the contract`, response.error);
      return ipcFailure('internal', 'アプリ内部でエラーが発生しました（応答の形式が正しくありません）。');
    }
    return { ok: true, value: response.data };
  } catch (error) {
    console.error(`IPC ${channel}: unexpected error`, error);
    return ipcFailure('internal', 'アプリ内部で予期しないエラーが発生しました。操作をやり直してください。');
  }
}

/** Sender check → schema check → domain handler → response check; nothing is ever thrown across IPC. */
export function createIpcDispatch(handlers: IpcHandlers, options: DispatchOptions): IpcDispatch {
  const windowFor = options.windowFor ?? ((sender: WebContents) => BrowserWindow.fromWebContents(sender));
  return async (channel, event, payload) => {
    if (!isTrustedSender(event.senderFrame, options.appUrl)) {
      console.warn(`IPC ${channel}: refused a request from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
      return ipcFailure('forbidden-sender', 'このページからの要求は受け付けられません。');
    }
    const request = ipcContract[channel].request.safeParse(payload);
    if (!request.success) return ipcFailure('invalid-request', invalidRequestMessage(channel, request.error));
    const context: IpcContext = { window: windowFor(event.sender) };
    const result = await runHandler(handlers, channel, request.data, context);
    options.onResult?.(channel, context, result);
    return result;
  };
}

/** Registers one ipcMain.handle per channel of the contract; returns a function that removes them. */
export function registerIpcHandlers(
  handlers: IpcHandlers,
  options: DispatchOptions,
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'> = ipcMain,
): () => void {
  const dispatch = createIpcDispatch(handlers, options);
  for (const channel of CHANNELS) {
    ipc.handle(channel, (event, payload: unknown) => dispatch(channel, event, payload));
  }
  return () => {
    for (const channel of CHANNELS) ipc.removeHandler(channel);
  };
}
