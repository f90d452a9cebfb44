import type { Session, WebContents } from 'electron';

// Kept identical to the <meta> in renderer/index.html (a unit test compares them).
const BASE_POLICY: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['font-src', ["'self'", 'data:']],
  ['img-src', ["'self'", 'data:']],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** The renderer's CSP; with a dev server URL it also admits that server's HTTP/WebSocket origin. */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : undefined;
  return BASE_POLICY.map(([directive, sources]) => {
    const extra: string[] = [];
    if (dev && directive === 'connect-src') {
      // Vite's HMR client talks to the dev server over WebSocket.
      extra.push(dev.origin, `${dev.protocol === 'https:' ? 'wss' : 'ws'}://${dev.host}`);
    }
    if (dev && directive === 'script-src') {
      // @vitejs/plugin-react injects an inline React Refresh preamble in dev only.
      extra.push("'unsafe-inline'");
    }
    return [directive, ...sources, ...extra].join(' ');
  }).join('; ');
}

// Browsers ignore (and warn about) frame-ancestors in a <meta> policy; the header carries it.
const HEADER_ONLY_DIRECTIVES = new Set(['frame-ancestors']);

/** The same policy as written into renderer/index.html's <meta http-equiv="Content-Security-Policy">. */
export function metaContentSecurityPolicy(devServerUrl?: string): string {
  return contentSecurityPolicy(devServerUrl)
    .split('; ')
    .filter((directive) => !HEADER_ONLY_DIRECTIVES.has(directive.split(' ')[0] ?? ''))
    .join('; ');
}

/**
 * True when `url` is on the app's own origin: app://bundle/… in the app, the dev server's origin in
 * development. Scheme and host (with port) are compared, not `origin`: Node's URL gives every
 * non-special scheme (app:, evil:) the origin "null", so an origin check would admit any of them.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  // file: has no host to tell pages apart, and the app no longer loads from it.
  if (app.protocol === 'file:' || app.host === '') return false;
  if (target.username !== '' || target.password !== '') return false;
  return target.protocol === app.protocol && target.host === app.host;
}

/**
 * Hosts whose pages may open in the user's browser, over https only. The app links nowhere today; a link
 * (a help page, the plan's page on the city's site) needs its host here before it can leave the app.
 */
export const EXTERNAL_LINK_HOSTS: readonly string[] = ['www.city.asahikawa.hokkaido.jp'];

/** The link as it may be opened (normalised by the URL parser), or null unless https on an allowed host. */
export function allowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return null;
  }
  if (target.protocol !== 'https:' || target.username !== '' || target.password !== '') return null;
  // `host` carries a non-default port, so https://allowed:8443/ is not the allowed site.
  return hosts.includes(target.host) ? target.href : null;
}

/** shell.openExternal, handed in so this file stays importable without Electron (electron.vite.config.ts). */
export type OpenExternal = (url: string) => Promise<void>;

export interface SecurityOptions {
  /** The URL the window loads: the dev server, or app://bundle/index.html. */
  readonly appUrl: string;
  /** Set only in development (never in a packaged app). */
  readonly devServerUrl?: string | undefined;
  /** Opens allowed https links in the user's browser; without it every link stays closed. */
  readonly openExternal?: OpenExternal | undefined;
}

/** Session-wide locks: CSP on every response and no permission ever granted. */
export function applySessionSecurity(session: Session, devServerUrl?: string): void {
  const csp = contentSecurityPolicy(devServerUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    // Drop any server-sent CSP so ours is the one that applies.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } });
  });
  // The editor needs no camera, notifications, geolocation, …: refuse every request and check.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hands an allowed link to the browser; anything else is dropped. */
function openIfAllowed(url: string, openExternal: OpenExternal | undefined): void {
  const allowed = allowedExternalUrl(url);
  if (!allowed || !openExternal) return;
  openExternal(allowed).catch((error: unknown) => console.error('Failed to open a link:', error));
}

/** Per-window locks: stay on the app's page, open no windows, attach no <webview>; allowed links go to the browser. */
export function applyWebContentsSecurity(webContents: WebContents, appUrl: string, openExternal?: OpenExternal): void {
  webContents.on('will-navigate', (event) => {
    // A dropped file or a stray link must not replace the app with other content.
    if (isAppUrl(event.url, appUrl)) return;
    event.preventDefault();
    openIfAllowed(event.url, openExternal);
  });
  webContents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, openExternal);
    return { action: 'deny' };
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
}

export function applySecurity(session: Session, webContents: WebContents, options: SecurityOptions): void {
  applySessionSecurity(session, options.devServerUrl);
  applyWebContentsSecurity(webContents, options.appUrl, options.openExternal);
}
