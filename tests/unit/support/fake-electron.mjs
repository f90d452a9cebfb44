// A fake `electron` for running out/main/index.js in plain Node. Every call prints one JSON line
// ({"fake":"electron","event":…}) on stdout for tests/unit/electron-main.test.ts to read.
// Env: FAKE_ELECTRON_LOCK=denied refuses the single-instance lock; FAKE_ELECTRON_PACKAGED=1 sets app.isPackaged.
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
}

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

export class BrowserWindow extends Emitter {
  static getAllWindows() {
    return [...windows];
  }
  webContents = new FakeWebContents();
  constructor(options = {}) {
    super();
    windows.push(this);
    report('BrowserWindow', { options });
  }
  loadFile(filePath) {
    report('loadFile', { filePath });
    setImmediate(() => probeSecurity(this, pathToFileURL(filePath).href));
    return Promise.resolve();
  }
  loadURL(url) {
    report('loadURL', { url });
    setImmediate(() => probeSecurity(this, url));
    return Promise.resolve();
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

class FakeApp extends Emitter {
  isPackaged = process.env.FAKE_ELECTRON_PACKAGED === '1';
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
export default { app, BrowserWindow, session, contextBridge };
