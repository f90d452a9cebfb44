import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemorySettingsStore, sanitizeSettings } from '../../../electron/settings-model';
import { createSettingsStore } from '../../../electron/settings-store';
import { restorableBounds } from '../../../electron/window-bounds';
import { DEFAULT_SETTINGS } from '../../../shared/ipc/contract';
import { fakeApp, resetFakeElectron } from '../support/electron-mock';
import { useTempDirs } from './temp-dir';

// electron-store imports electron's default export (vitest.config.ts inlines it so this mock reaches it).
vi.mock('electron', async () => {
  const { electronModule } = await import('../support/electron-mock');
  return { ...electronModule, default: electronModule };
});

const tempDir = useTempDirs();

beforeEach(() => resetFakeElectron());

describe('settings in electron-store', () => {
  it('starts from the defaults in <userData>/settings.json', async () => {
    fakeApp.userData = await tempDir();
    const store = createSettingsStore();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    store.update({ lastFolder: 'C:\\Users\\福祉保険課\\Documents' });
    const onDisk = JSON.parse(await readFile(join(fakeApp.userData, 'settings.json'), 'utf8')) as unknown;
    expect(onDisk).toMatchObject({ lastFolder: 'C:\\Users\\福祉保険課\\Documents' });
  });

  it('keeps settings across instances (a restart)', async () => {
    const cwd = await tempDir();
    createSettingsStore({ cwd }).update({
      recentFiles: ['/d/a.json'],
      windowBounds: { x: 10, y: 20, width: 1000, height: 700 },
      windowMaximized: true,
    });
    expect(createSettingsStore({ cwd }).get()).toMatchObject({
      recentFiles: ['/d/a.json'],
      windowBounds: { x: 10, y: 20, width: 1000, height: 700 },
      windowMaximized: true,
    });
  });

  it('falls back per key when a value on disk is invalid, keeping the valid ones', async () => {
    const cwd = await tempDir();
    await writeFile(
      join(cwd, 'settings.json'),
      JSON.stringify({ recentFiles: 'not a list', lastFolder: '/kept', windowMaximized: 'yes', unknown: 1 }),
    );
    expect(createSettingsStore({ cwd }).get()).toEqual({ ...DEFAULT_SETTINGS, lastFolder: '/kept' });
  });

  it('starts over with the defaults when the file is not JSON at all', async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, 'settings.json'), '{ broken');
    expect(createSettingsStore({ cwd }).get()).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings model', () => {
  it('sanitizes anything into valid settings', () => {
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ windowBounds: { x: 1, y: 2, width: 3 } })).toEqual(DEFAULT_SETTINGS);
    expect(sanitizeSettings({ recentFiles: Array.from({ length: 30 }, (_, i) => `/f${i}.json`) }).recentFiles).toEqual([]);
  });

  it('an in-memory store merges updates and ignores undefined', () => {
    const store = createMemorySettingsStore({ lastFolder: '/a' });
    store.update({ lastFilePath: '/a/b.json', lastFolder: undefined });
    expect(store.get()).toMatchObject({ lastFolder: '/a', lastFilePath: '/a/b.json' });
  });
});

describe('window bounds on start', () => {
  const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
  const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('restores bounds that are on a display', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900 };
    expect(restorableBounds(saved, [laptop])).toEqual(saved);
    expect(restorableBounds({ x: 2000, y: 100, width: 1400, height: 900 }, [laptop, rightMonitor])).not.toBeNull();
  });

  it('ignores bounds left on a monitor that is no longer attached', () => {
    expect(restorableBounds({ x: 2000, y: 100, width: 1400, height: 900 }, [laptop])).toBeNull();
  });

  it('ignores bounds whose title bar is above or below every display, or barely visible', () => {
    expect(restorableBounds({ x: 100, y: -500, width: 800, height: 600 }, [laptop])).toBeNull();
    expect(restorableBounds({ x: 100, y: 1030, width: 800, height: 600 }, [laptop])).toBeNull();
    expect(restorableBounds({ x: 1900, y: 100, width: 800, height: 600 }, [laptop])).toBeNull();
  });

  it('ignores nothing saved and nonsense sizes', () => {
    expect(restorableBounds(null, [laptop])).toBeNull();
    expect(restorableBounds({ x: 0, y: 0, width: 0, height: 600 }, [laptop])).toBeNull();
    expect(restorableBounds({ x: Number.NaN, y: 0, width: 800, height: 600 }, [laptop])).toBeNull();
  });
});
