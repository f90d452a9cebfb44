// In-process fake of the `electron` module for vitest (`vi.mock('electron', …)`): records what the app
// asks for and lets tests fire the handlers it installed.
import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  HeadersReceivedResponse,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  PrintToPDFOptions,
  WebContentsPrintOptions,
  WindowOpenHandlerResponse,
} from 'electron';

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
  respond(responseHeaders: Record<string, string[]>, url = 'app://bundle/index.html'): HeadersReceivedResponse | undefined {
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

let nextWebContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: ((details: { url: string }) => WindowOpenHandlerResponse) | undefined;
  /** Every main → renderer message, in order. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;
  constructor(readonly session: FakeSession) {
    super();
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  // The print window: scripts main runs in the page, and what the page prints.
  readonly executedScripts: string[] = [];
  /** What the page's script resolves to (a print page's render result by default). */
  scriptResult: (code: string) => unknown = () => ({ ok: true, summary: { pages: 1, parts: [], oversizeRows: [] } });
  readonly pdfRequests: PrintToPDFOptions[] = [];
  pdfBytes = Buffer.from('%PDF-1.4 fake');
  readonly printRequests: WebContentsPrintOptions[] = [];
  /** How the system print dialog ends: [success, failureReason]. */
  printOutcome: [boolean, string] = [true, ''];
  executeJavaScript(code: string): Promise<unknown> {
    this.executedScripts.push(code);
    try {
      return Promise.resolve(this.scriptResult(code));
    } catch (error) {
      return Promise.reject(error);
    }
  }
  printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.pdfRequests.push(options);
    return Promise.resolve(this.pdfBytes);
  }
  print(options: WebContentsPrintOptions, callback?: (success: boolean, failureReason: string) => void): void {
    this.printRequests.push(options);
    const [success, reason] = this.printOutcome;
    queueMicrotask(() => callback?.(success, reason));
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

  static fromWebContents(webContents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.created.find((window) => window.webContents === webContents) ?? null;
  }

  readonly webContents = new FakeWebContents(new FakeSession());
  loadedFile: string | undefined;
  loadedUrl: string | undefined;
  title = '';
  documentEdited = false;
  maximized = false;
  destroyed = false;
  closeRequests = 0;
  /** Whether the last close() went through (no listener called preventDefault). */
  closed = false;
  normalBounds = { x: 10, y: 20, width: 1200, height: 800 };

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setDocumentEdited(edited: boolean): void {
    this.documentEdited = edited;
  }
  getNormalBounds() {
    return { ...this.normalBounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like BrowserWindow.destroy(): closes at once, with no 'close' event to prevent it. */
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** Like BrowserWindow.close(): fires 'close', and closes unless a listener prevented it. */
  close(): void {
    this.closeRequests += 1;
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.closed = true;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
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

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: keeps the handlers so tests can invoke them as a renderer would. */
export class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  readonly listeners = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: InvokeHandler): this {
    this.listeners.set(channel, listener);
    return this;
  }
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(handler(event, ...args));
  }
}

export const fakeIpcMain = new FakeIpcMain();

export const fakeApp = {
  isPackaged: false,
  userData: '/nonexistent/annex-editor-user-data',
  getPath(name: string): string {
    return name === 'userData' ? fakeApp.userData : `/nonexistent/${name}`;
  },
  getVersion: () => '0.1.0-test',
  getName: () => 'annex-editor',
};

export const fakeMenu = {
  applied: undefined as { template: MenuItemConstructorOptions[] } | null | undefined,
  buildFromTemplate(template: MenuItemConstructorOptions[]) {
    return { template };
  },
  setApplicationMenu(menu: { template: MenuItemConstructorOptions[] } | null): void {
    fakeMenu.applied = menu;
  },
};

export const fakeDialog = {
  /** The button index the next message boxes answer with. */
  nextResponse: 0,
  messageBoxes: [] as MessageBoxOptions[],
  showMessageBox(_window: unknown, options: MessageBoxOptions): Promise<{ response: number; checkboxChecked: boolean }> {
    fakeDialog.messageBoxes.push(options);
    return Promise.resolve({ response: fakeDialog.nextResponse, checkboxChecked: false });
  },
};

export const fakeScreen = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
  getAllDisplays() {
    return fakeScreen.workAreas.map((workArea) => ({ workArea, bounds: workArea }));
  },
};

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** protocol: records privileged schemes and keeps handlers so tests can make requests through them. */
export const fakeProtocol = {
  privileged: [] as CustomScheme[],
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    fakeProtocol.privileged.push(...customSchemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    // Electron throws on a second handler for the same scheme.
    if (fakeProtocol.handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    fakeProtocol.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    fakeProtocol.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return fakeProtocol.handlers.has(scheme);
  },
  /** A request as the page would make it, answered by the handler for its scheme. */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const handler = fakeProtocol.handlers.get(new URL(url).protocol.slice(0, -1));
    if (!handler) throw new Error(`No handler for ${url}`);
    return handler(new Request(url, init));
  },
};

/** net: fetch through Node's (no file: support; app code reads files itself). */
export const fakeNet = {
  fetch: (input: string | Request, init?: RequestInit): Promise<Response> => fetch(input, init),
};

/** shell: records the links handed to the user's browser. */
export const fakeShell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    fakeShell.opened.push(url);
    return Promise.resolve();
  },
};

export function resetFakeElectron(): void {
  fakeShell.opened.length = 0;
  FakeBrowserWindow.created.length = 0;
  fakeApp.isPackaged = false;
  fakeIpcMain.handlers.clear();
  fakeIpcMain.listeners.clear();
  fakeMenu.applied = undefined;
  fakeDialog.nextResponse = 0;
  fakeDialog.messageBoxes.length = 0;
  fakeScreen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  fakeProtocol.privileged.length = 0;
  fakeProtocol.handlers.clear();
}

export const electronModule = {
  app: fakeApp,
  BrowserWindow: FakeBrowserWindow,
  Menu: fakeMenu,
  dialog: fakeDialog,
  ipcMain: fakeIpcMain,
  net: fakeNet,
  protocol: fakeProtocol,
  screen: fakeScreen,
  shell: fakeShell,
  session: { defaultSession: new FakeSession() },
};
