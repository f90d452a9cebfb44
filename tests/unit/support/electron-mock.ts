// In-process fake of the `electron` module for vitest (`vi.mock('electron', …)`): records what the app
// asks for and lets tests fire the handlers it installed.
import type { BrowserWindowConstructorOptions, HeadersReceivedResponse, WindowOpenHandlerResponse } from 'electron';

type Listener = (...args: never[]) => unknown;

class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export interface PreventableEvent {
  readonly url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function preventableEvent(url?: string): PreventableEvent {
  return {
    ...(url === undefined ? {} : { url }),
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: HeadersReceivedResponse) => void,
) => void;
type PermissionRequestHandler = (webContents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (webContents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  headersListener: HeadersListener | undefined;
  permissionRequestHandler: PermissionRequestHandler | undefined;
  permissionCheckHandler: PermissionCheckHandler | undefined;
  readonly webRequest = {
    onHeadersReceived: (listener: HeadersListener) => {
      this.headersListener = listener;
    },
  };
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }

  /** The response headers the app's listener hands back for a response carrying `responseHeaders`. */
  respond(responseHeaders: Record<string, string[]>, url = 'file:///index.html'): HeadersReceivedResponse | undefined {
    let result: HeadersReceivedResponse | undefined;
    this.headersListener?.({ url, responseHeaders }, (response) => {
      result = response;
    });
    return result;
  }

  requestPermission(permission: string): boolean | undefined {
    let granted: boolean | undefined;
    this.permissionRequestHandler?.({}, permission, (answer) => {
      granted = answer;
    }, {});
    return granted;
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | undefined;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** Fires will-navigate and says whether the app cancelled it. */
  navigate(url: string): boolean {
    const event = preventableEvent(url);
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly created: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.created];
  }

  readonly webContents = new FakeWebContents(new FakeSession());
  loadedFile: string | undefined;
  loadedUrl: string | undefined;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadFile(filePath: string): Promise<void> {
    this.loadedFile = filePath;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

export const fakeApp = {
  isPackaged: false,
};

export function resetFakeElectron(): void {
  FakeBrowserWindow.created.length = 0;
  fakeApp.isPackaged = false;
}

export const electronModule = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  session: { defaultSession: new FakeSession() },
};
