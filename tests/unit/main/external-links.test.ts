import type { Session, WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  allowedExternalUrl,
  applySecurity,
  applyWebContentsSecurity,
  EXTERNAL_LINK_HOSTS,
  type OpenExternal,
} from '../../../electron/security';
import { FakeSession, FakeWebContents } from '../support/electron-mock';

const APP_URL = 'app://bundle/index.html';
const CITY = 'https://www.city.asahikawa.hokkaido.jp/kurashi/';

/** A window's webContents locked down with a recording opener in place of shell.openExternal. */
function lockedWindow(openExternal?: OpenExternal) {
  const webContents = new FakeWebContents(new FakeSession());
  applyWebContentsSecurity(webContents as unknown as WebContents, APP_URL, openExternal);
  return webContents;
}

function recordingOpener() {
  const opened: string[] = [];
  const open: OpenExternal = (url) => {
    opened.push(url);
    return Promise.resolve();
  };
  return { opened, open };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('allowedExternalUrl', () => {
  it('accepts https links to an allowed host and returns them normalised', () => {
    expect(EXTERNAL_LINK_HOSTS).toContain('www.city.asahikawa.hokkaido.jp');
    expect(allowedExternalUrl(CITY)).toBe(CITY);
    expect(allowedExternalUrl('HTTPS://WWW.CITY.ASAHIKAWA.HOKKAIDO.JP/a b')).toBe(
      'https://www.city.asahikawa.hokkaido.jp/a%20b',
    );
    expect(allowedExternalUrl('https://www.city.asahikawa.hokkaido.jp:443/')).toBe(
      'https://www.city.asahikawa.hokkaido.jp/',
    );
  });

  it('refuses other schemes, hosts, look-alikes, credentials and ports', () => {
    for (const url of [
      'http://www.city.asahikawa.hokkaido.jp/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'smb://www.city.asahikawa.hokkaido.jp/share',
      'app://bundle/index.html',
      'https://example.com/',
      'https://city.asahikawa.hokkaido.jp/',
      'https://evil.www.city.asahikawa.hokkaido.jp/',
      'https://www.city.asahikawa.hokkaido.jp.evil.example/',
      'https://evil.example/www.city.asahikawa.hokkaido.jp/',
      'https://www.city.asahikawa.hokkaido.jp@evil.example/',
      'https://user:pass@www.city.asahikawa.hokkaido.jp/',
      'https://www.city.asahikawa.hokkaido.jp:8443/',
      'not a url',
      '',
    ]) {
      expect(allowedExternalUrl(url), url).toBeNull();
    }
  });

  it('checks against the list it is given', () => {
    expect(allowedExternalUrl('https://docs.example/', ['docs.example'])).toBe('https://docs.example/');
    expect(allowedExternalUrl(CITY, [])).toBeNull();
  });
});

describe('links leaving the app window', () => {
  it('opens an allowed link from window.open in the browser, and still opens no window', () => {
    const { opened, open } = recordingOpener();
    const webContents = lockedWindow(open);
    expect(webContents.windowOpenHandler?.({ url: CITY })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual([CITY]);
  });

  it('keeps the page when a link navigates away; only an allowed one reaches the browser', () => {
    const { opened, open } = recordingOpener();
    const webContents = lockedWindow(open);
    expect(webContents.navigate(CITY)).toBe(true);
    expect(webContents.navigate('http://www.city.asahikawa.hokkaido.jp/')).toBe(true);
    expect(webContents.navigate('https://example.com/')).toBe(true);
    expect(webContents.navigate(`${APP_URL}#/city`)).toBe(false);
    expect(opened).toEqual([CITY]);
  });

  it('opens nothing at all without an opener (the windows as created today)', () => {
    const webContents = lockedWindow();
    expect(webContents.windowOpenHandler?.({ url: CITY })).toEqual({ action: 'deny' });
    expect(webContents.navigate(CITY)).toBe(true);
  });

  it('passes the opener through applySecurity', () => {
    const { opened, open } = recordingOpener();
    const session = new FakeSession();
    const webContents = new FakeWebContents(session);
    applySecurity(session as unknown as Session, webContents as unknown as WebContents, { appUrl: APP_URL, openExternal: open });
    webContents.windowOpenHandler?.({ url: CITY });
    expect(opened).toEqual([CITY]);
  });

  it('logs a failed open instead of leaving an unhandled rejection', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const webContents = lockedWindow(() => Promise.reject(new Error('no browser')));
    webContents.windowOpenHandler?.({ url: CITY });
    await vi.waitFor(() => expect(logged).toHaveBeenCalledWith('Failed to open a link:', expect.any(Error)));
  });
});
