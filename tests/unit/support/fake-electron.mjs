// A fake `electron` for running out/main/index.js in plain Node. Every call prints one JSON line
// ({"fake":"electron","event":…}) on stdout for tests/unit/electron-main.test.ts to read.
// Env: FAKE_ELECTRON_LOCK=denied refuses the single-instance lock; FAKE_ELECTRON_PACKAGED=1 sets app.isPackaged;
// FAKE_ELECTRON_USER_DATA is app.getPath('userData') (a fresh temp folder otherwise);
// FAKE_ELECTRON_SECOND_ARGV (JSON array) fires 'second-instance' with that argv once the page has loaded.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

function report(event, data = {}) {
  process.stdout.write(`${JSON.stringify({ fake: 'electron', event, ...data })}\n`);
}

class Emitter {
  listeners = new Map();
  on(event, listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event, listener) {
    return this.on(event, listener);
  }
  emit(event, ...args) {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

function preventableEvent(extra = {}) {
  return { ...extra, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

class FakeSession {
  headersListener = undefined;
  permissionRequestHandler = undefined;
  permissionCheckHandler = undefined;
  webRequest = {
    onHeadersReceived: (listener) => {
      this.headersListener = listener;
      report('session.webRequest.onHeadersReceived');
    },
  };
  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler;
    report('session.setPermissionRequestHandler');
  }
  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler;
    report('session.setPermissionCheckHandler');
  }
}

const defaultSession = new FakeSession();

class FakeWebContents extends Emitter {
  session = defaultSession;
  windowOpenHandler = undefined;
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
    report('webContents.setWindowOpenHandler');
  }
  send(channel, payload) {
    report('webContents.send', { channel, payload });
  }
  isDestroyed() {
    return false;
  }
}

const ipcHandlers = new Map();

export const ipcMain = {
  handle(channel, handler) {
    ipcHandlers.set(channel, handler);
    report('ipcMain.handle', { channel });
  },
  removeHandler(channel) {
    ipcHandlers.delete(channel);
  },
  on(channel) {
    report('ipcMain.on', { channel });
  },
};

const protocolHandlers = new Map();

// Like Electron: privileges only count before ready, handlers only after it.
export const protocol = {
  registerSchemesAsPrivileged(customSchemes) {
    report('protocol.registerSchemesAsPrivileged', { customSchemes, beforeReady: !app.isReady() });
  },
  handle(scheme, handler) {
    if (protocolHandlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    protocolHandlers.set(scheme, handler);
    report('protocol.handle', { scheme, afterReady: app.isReady() });
  },
  unhandle(scheme) {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme) {
    return protocolHandlers.has(scheme);
  },
};

// Node's fetch has no file: support; Electron's net.fetch does.
export const net = {
  async fetch(input, init) {
    const url = typeof input === 'string' ? input : input.url;
    report('net.fetch', { url });
    if (url.startsWith('file:')) {
      try {
        return new Response(readFileSync(fileURLToPath(url)));
      } catch {
        return new Response(null, { status: 404 });
      }
    }
    return globalThis.fetch(input, init);
  },
};

/** Requests through the app: handler the bundle installed, as the page and its subresources would. */
async function probeProtocol(pageUrl) {
  const handler = protocolHandlers.get('app');
  if (!handler || !pageUrl.startsWith('app:')) return;
  const fetchApp = async (url, method = 'GET') => {
    const response = await handler(new Request(url, { method }));
    const body = method === 'HEAD' ? '' : await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type'),
      csp: response.headers.get('content-security-policy'),
      body,
    };
  };
  const page = await fetchApp(pageUrl);
  const script = /<script[^>]*\ssrc="([^"]+)"/.exec(page.body)?.[1];
  const style = /<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/.exec(page.body)?.[1];
  const asset = async (path) => {
    if (!path) return undefined;
    const { body, ...rest } = await fetchApp(new URL(path, pageUrl).href);
    return { ...rest, length: body.length };
  };
  const refused = async (url) => (await fetchApp(url)).status;
  report('protocolProbe', {
    page: { status: page.status, contentType: page.contentType, csp: page.csp, hasRoot: page.body.includes('id="root"') },
    script: await asset(script),
    style: await asset(style),
    traversal: await refused('app://bundle/%2e%2e/main/index.js'),
    encodedTraversal: await refused('app://bundle/..%2fmain%2findex.js'),
    otherHost: await refused('app://other/index.html'),
    missing: await refused('app://bundle/no-such-file.js'),
    post: (await fetchApp(pageUrl, 'POST')).status,
  });
}

/** Calls the bundle's IPC handlers as pages would: the app page, a foreign page, a sub-frame. */
async function probeIpc(window, appUrl) {
  const call = (channel, frame, payload) =>
    ipcHandlers.get(channel)?.({ sender: window.webContents, senderFrame: frame }, payload);
  const top = (url) => ({ url, parent: null });
  report('ipcProbe', {
    trusted: await call('settings:get', top(appUrl), null),
    foreign: await call('settings:get', top('https://attacker.example/'), null),
    otherHost: await call('settings:get', top('app://evil/'), null),
    otherScheme: await call('settings:get', top('evil://bundle/index.html'), null),
    file: await call('settings:get', top('file:///tmp/evil.html'), null),
    subFrame: await call('settings:get', { url: appUrl, parent: top(appUrl) }, null),
    malformed: await call('file:open', top(appUrl), { kind: 'annex', path: 7 }),
    documentState: await call('window:document-state', top(appUrl), { fileName: 'annex.xlsx', dirty: true }),
  });
}

function labelsOf(template) {
  return template.map((item) => ({
    label: item.label ?? item.role,
    ...(item.accelerator ? { accelerator: item.accelerator } : {}),
    ...(Array.isArray(item.submenu) ? { submenu: labelsOf(item.submenu) } : {}),
  }));
}

export const Menu = {
  buildFromTemplate(template) {
    return { template };
  },
  setApplicationMenu(menu) {
    report('Menu.setApplicationMenu', { items: labelsOf(menu?.template ?? []) });
  },
};

export const dialog = {
  showMessageBox(...args) {
    report('dialog.showMessageBox', { options: args.at(-1) });
    return Promise.resolve({ response: 2, checkboxChecked: false });
  },
  showOpenDialog() {
    return Promise.resolve({ canceled: true, filePaths: [] });
  },
  showSaveDialog() {
    return Promise.resolve({ canceled: true, filePath: '' });
  },
};

export const screen = {
  getAllDisplays() {
    const workArea = { x: 0, y: 0, width: 1920, height: 1040 };
    return [{ workArea, bounds: workArea }];
  },
};

const windows = [];

/** Drives the handlers the app installed, so the test sees what the built bundle really does. */
function probeSecurity(window, loadedUrl) {
  const { webContents } = window;
  const { session } = webContents;
  let headers;
  session.headersListener?.(
    { url: loadedUrl, responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['kept'] } },
    (response) => { headers = response.responseHeaders; },
  );
  const navigate = (url) => {
    const event = preventableEvent({ url });
    webContents.emit('will-navigate', event, url);
    return event.defaultPrevented;
  };
  let permissionGranted;
  session.permissionRequestHandler?.(webContents, 'media', (granted) => { permissionGranted = granted; }, {});
  const webview = preventableEvent();
  webContents.emit('will-attach-webview', webview, {}, {});
  report('probe', {
    responseHeaders: headers,
    externalNavigationPrevented: navigate('https://example.com/'),
    fileNavigationPrevented: navigate('file:///etc/passwd'),
    otherHostNavigationPrevented: navigate('app://other/index.html'),
    ownNavigationPrevented: navigate(loadedUrl),
    windowOpen: webContents.windowOpenHandler?.({ url: 'https://example.com/' }),
    permissionGranted,
    permissionCheck: session.permissionCheckHandler?.(webContents, 'notifications', 'file://', {}),
    webviewPrevented: webview.defaultPrevented,
  });
}

/** After load: the security and protocol probes, 'did-finish-load', the IPC probe, then any second launch. */
async function pageLoaded(window, url) {
  probeSecurity(window, url);
  await probeProtocol(url);
  window.webContents.emit('did-finish-load');
  await probeIpc(window, url);
  if (process.env.FAKE_ELECTRON_SECOND_ARGV) {
    app.emit('second-instance', {}, JSON.parse(process.env.FAKE_ELECTRON_SECOND_ARGV), process.cwd());
  }
}

export class BrowserWindow extends Emitter {
  static getAllWindows() {
    return [...windows];
  }
  static fromWebContents(webContents) {
    return windows.find((window) => window.webContents === webContents) ?? null;
  }
  webContents = new FakeWebContents();
  constructor(options = {}) {
    super();
    windows.push(this);
    report('BrowserWindow', { options });
  }
  loadFile(filePath) {
    report('loadFile', { filePath });
    setImmediate(() => void pageLoaded(this, pathToFileURL(filePath).href));
    return Promise.resolve();
  }
  loadURL(url) {
    report('loadURL', { url });
    setImmediate(() => void pageLoaded(this, url));
    return Promise.resolve();
  }
  show() {}
  focus() {
    report('window.focus');
  }
  restore() {}
  isMinimized() {
    return false;
  }
  setTitle(title) {
    report('window.setTitle', { title });
  }
  setDocumentEdited() {}
  getNormalBounds() {
    return { x: 0, y: 0, width: 1400, height: 900 };
  }
  isMaximized() {
    return false;
  }
  maximize() {}
  isDestroyed() {
    return false;
  }
  close() {}
}

const userData = process.env.FAKE_ELECTRON_USER_DATA ?? mkdtempSync(join(tmpdir(), 'annex-fake-electron-'));

class FakeApp extends Emitter {
  isPackaged = process.env.FAKE_ELECTRON_PACKAGED === '1';
  ready = false;
  isReady() {
    return this.ready;
  }
  getPath(name) {
    return name === 'userData' ? userData : join(userData, `fake-${name}`);
  }
  getVersion() {
    return '0.0.0-fake';
  }
  getName() {
    return 'annex-editor';
  }
  enableSandbox() {
    report('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    const granted = process.env.FAKE_ELECTRON_LOCK !== 'denied';
    report('app.requestSingleInstanceLock', { granted });
    return granted;
  }
  quit() {
    report('app.quit');
  }
  whenReady() {
    report('app.whenReady');
    // Ready a tick later, as in Electron: code at module top level runs before it.
    return Promise.resolve().then(() => {
      if (!this.ready) report('app.ready');
      this.ready = true;
    });
  }
  on(event, listener) {
    report('app.on', { name: event });
    return super.on(event, listener);
  }
}

export const app = new FakeApp();
export const session = { defaultSession };
export const contextBridge = {
  exposeInMainWorld(key, api) {
    report('contextBridge.exposeInMainWorld', { key, api });
  },
};
export const webUtils = { getPathForFile: () => '' };
// Links the app hands to the user's browser, recorded instead of opened.
export const shell = { opened: [], openExternal: async (url) => void shell.opened.push(url) };
export default { app, BrowserWindow, Menu, dialog, ipcMain, net, protocol, screen, session, contextBridge, webUtils, shell };
