import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fileFromArgv, LaunchFileQueue } from '../../../electron/launch-files';
import { openMainWindow } from '../../../electron/main-window';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import { FakeBrowserWindow, fakeScreen, resetFakeElectron } from '../support/electron-mock';

vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

beforeEach(() => {
  resetFakeElectron();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});

describe('files from the command line', () => {
  it('takes the annex file a packaged app is launched with (double-click, file association)', () => {
    const argv = ['C:\\Program Files\\取組事業一覧エディタ\\annex-editor.exe', 'C:\\計画\\別冊.xlsx'];
    expect(fileFromArgv(argv, { isPackaged: true, cwd: 'C:\\', platform: 'win32' })).toBe('C:\\計画\\別冊.xlsx');
    expect(fileFromArgv(['app.exe', '別冊.json'], { isPackaged: true, cwd: 'D:\\共有', platform: 'win32' })).toBe('D:\\共有\\別冊.json');
  });

  it('skips Chromium switches and, in development, the app folder', () => {
    const argv = ['/usr/bin/electron', '.', '--allow-file-access-from-files', '--original-process-start-time=1', '/d/a.json'];
    expect(fileFromArgv(argv, { isPackaged: false, cwd: '/', platform: 'linux' })).toBe('/d/a.json');
    expect(fileFromArgv(['/usr/bin/electron', 'out/main/index.js'], { isPackaged: false, cwd: '/' })).toBeNull();
  });

  it('resolves a relative path against the launching folder and ignores other files', () => {
    expect(fileFromArgv(['app', 'data/annex.csv'], { isPackaged: true, cwd: '/home/u', platform: 'linux' })).toBe('/home/u/data/annex.csv');
    expect(fileFromArgv(['app', 'notes.txt', 'setup.exe'], { isPackaged: true, cwd: '/', platform: 'linux' })).toBeNull();
  });

  it('holds files until the page has loaded, then delivers them in order', () => {
    const delivered: string[] = [];
    const queue = new LaunchFileQueue((path) => delivered.push(path));
    queue.push('/a.json');
    queue.push('/b.json');
    expect(delivered).toEqual([]);
    queue.pageLoaded();
    expect(delivered).toEqual(['/a.json', '/b.json']);
    queue.push('/c.json');
    expect(delivered).toEqual(['/a.json', '/b.json', '/c.json']);
    queue.pageUnloaded();
    queue.push('/d.json');
    expect(delivered).toHaveLength(3);
    queue.pageLoaded();
    expect(delivered.at(-1)).toBe('/d.json');
  });
});

describe('openMainWindow', () => {
  function open(settingsInit = {}) {
    const settings = createMemorySettingsStore(settingsInit);
    const delivered: string[] = [];
    const launchFiles = new LaunchFileQueue((path) => delivered.push(path));
    let cleared = 0;
    const { window } = openMainWindow({ settings, launchFiles, clearAutosaveOnCleanExit: () => (cleared += 1) });
    const fake = window as unknown as FakeBrowserWindow;
    return { settings, launchFiles, delivered, fake, cleared: () => cleared };
  }

  it('restores saved bounds that are on a display, and maximizes when it was', () => {
    const { fake } = open({ windowBounds: { x: 100, y: 80, width: 1300, height: 850 }, windowMaximized: true });
    expect(fake.options).toMatchObject({ x: 100, y: 80, width: 1300, height: 850 });
    fake.emit('ready-to-show');
    expect(fake.maximized).toBe(true);
  });

  it('uses the default size when the saved bounds are off every display', () => {
    fakeScreen.workAreas = [{ x: 0, y: 0, width: 1366, height: 728 }];
    const { fake } = open({ windowBounds: { x: 3000, y: 80, width: 1300, height: 850 }, windowMaximized: true });
    expect(fake.options).toMatchObject({ width: 1400, height: 900 });
    expect(fake.options.x).toBeUndefined();
    fake.emit('ready-to-show');
    expect(fake.maximized).toBe(false);
  });

  it('saves bounds and maximized state when the window closes', () => {
    const { fake, settings, cleared } = open();
    fake.normalBounds = { x: 5, y: 6, width: 900, height: 700 };
    fake.maximized = true;
    fake.close();
    expect(settings.get()).toMatchObject({ windowBounds: { x: 5, y: 6, width: 900, height: 700 }, windowMaximized: true });
    expect(fake.closed).toBe(true);
    expect(cleared()).toBe(1);
  });

  it('delivers a launch file once the page has finished loading', () => {
    const { fake, launchFiles, delivered } = open();
    launchFiles.push('/d/a.json');
    expect(delivered).toEqual([]);
    fake.webContents.emit('did-finish-load');
    expect(delivered).toEqual(['/d/a.json']);
  });

  it('keeps the window titled and the save prompt wired (the close guard is attached)', () => {
    const { fake } = open();
    expect(FakeBrowserWindow.created).toHaveLength(1);
    expect(fake.listeners.get('close')?.length).toBe(2);
  });
});
