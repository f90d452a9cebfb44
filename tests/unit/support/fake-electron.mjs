// A fake `electron` for running out/main/index.js in plain Node. Every call prints one JSON line
// ({"fake":"electron","event":…}) on stdout for tests/unit/electron-main.test.ts to read.
// Env: FAKE_ELECTRON_LOCK=denied refuses the single-instance lock; FAKE_ELECTRON_PACKAGED=1 sets app.isPackaged;
// FAKE_ELECTRON_USER_DATA is app.getPath('userData') (a fresh temp folder otherwise);
// FAKE_ELECTRON_SECOND_ARGV (JSON array) fires 'second-instance' with that argv once the page has loaded.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/** Calls the bundle's IPC handlers as pages would: the app page, a foreign page, a sub-frame. */
async function probeIpc(window, appUrl) {
  const call = (channel, frame, payload) =>
    ipcHandlers.get(channel)?.({ sender: window.webContents, senderFrame: frame }, payload);
  const top = (url) => ({ url, parent: null });
  report('ipcProbe', {
    trusted: await call('settings:get', top(appUrl), null),
    foreign: await call('settings:get', top('https://attacker.example/'), null),
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
    ownNavigationPrevented: navigate(loadedUrl),
    windowOpen: webContents.windowOpenHandler?.({ url: 'https://example.com/' }),
    permissionGranted,
    permissionCheck: session.permissionCheckHandler?.(webContents, 'notifications', 'file://', {}),
    webviewPrevented: webview.defaultPrevented,
  });
}

/** After load: the security probe, 'did-finish-load', the IPC probe, then any second launch. */
async function pageLoaded(window, url) {
  probeSecurity(window, url);
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
    return Promise.resolve();
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
export default { app, BrowserWindow, Menu, dialog, ipcMain, screen, session, contextBridge, webUtils };
