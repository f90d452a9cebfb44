import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from './security';

// The renderer is served from app://bundle/ rather than file://: file pages have an opaque origin, where
// module workers and fetch are unreliable; a standard, secure scheme gives the page a real origin.
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

const INDEX_FILE = 'index.html';

// Module scripts and module workers are refused without a JavaScript MIME type.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};
const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

export type AppRequestResolution =
  | { readonly status: 200; readonly path: string; readonly contentType: string }
  | { readonly status: 404 };

const NOT_FOUND: AppRequestResolution = { status: 404 };

/** The Content-Type served for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}

/** Decoded path segments of an app:// URL, or undefined if any could step out of its folder. */
function safeSegments(pathname: string): string[] | undefined {
  // "app://bundle/" is the page itself.
  if (pathname === '' || pathname === '/') return [INDEX_FILE];
  const raw = pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const encoded of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return undefined;
    }
    // Encoded separators (..%2f, ..%5c), drive letters (C:), NUL and dot segments never name a bundle file.
    if (segment === '' || segment === '.' || segment === '..' || /[/\\:\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * Maps an app:// request URL to a file under `root` (out/renderer): 200 with the path and Content-Type,
 * or 404 for another scheme or host, a path that could leave `root`, or no such file.
 */
export function resolveAppRequest(url: string, root: string): AppRequestResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NOT_FOUND;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return NOT_FOUND;
  if (parsed.username !== '' || parsed.password !== '') return NOT_FOUND;

  const segments = safeSegments(parsed.pathname);
  if (!segments) return NOT_FOUND;
  const base = resolve(root);
  const path = resolve(base, ...segments);
  // Belt and braces: whatever the segments were, the file must lie strictly inside root.
  const inside = relative(base, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return NOT_FOUND;

  try {
    if (!statSync(path).isFile()) return NOT_FOUND;
  } catch {
    return NOT_FOUND;
  }
  return { status: 200, path, contentType: contentTypeFor(path) };
}

/** Responds to one app:// request from files under `root`; every response carries the app's CSP. */
export async function respondToAppRequest(request: Request, root: string, csp: string): Promise<Response> {
  // webRequest may not see custom-protocol responses, so the policy travels on the response itself.
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { ...headers, Allow: 'GET, HEAD' } });
  }
  const resolved = resolveAppRequest(request.url, root);
  if (resolved.status !== 200) return new Response(null, { status: 404, headers });
  let body: Uint8Array;
  try {
    body = await readFile(resolved.path);
  } catch {
    // Gone between the stat and the read.
    return new Response(null, { status: 404, headers });
  }
  return new Response(request.method === 'HEAD' ? null : body, {
    status: 200,
    headers: { ...headers, 'Content-Type': resolved.contentType, 'Content-Length': String(body.byteLength) },
  });
}

/** Declares app: a standard, secure scheme with fetch; Electron accepts this only before app ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves app://bundle/… from `root` (out/renderer) on the default session; call once, after ready. */
export function serveRenderer(root: string): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, root, csp));
}
