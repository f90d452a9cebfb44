import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleImports, dependencyClosure } from './runtime-deps';
import { ELECTRON_DEFAULT_WIRE, FUSE_OFF, FUSE_ON, makeStandInElectron } from './stand-in-electron';

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const BUNDLES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const fakeElectronLoader = resolve(root, 'tests/unit/support/register-fake-electron.mjs');
const NOT_BUILT = 'out/ is missing: run `npx electron-vite build` (npm test builds before the unit tests)';

type FuseName = keyof typeof FuseV1Options;
const FUSE_NAMES = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))) as FuseName[];

/** The fuse wire as { fuse: 'on' | 'off' } for a readable diff. */
async function fuseStates(binary: string): Promise<Record<string, string>> {
  const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
  const state = (byte: number | undefined) => (byte === FUSE_ON ? 'on' : byte === FUSE_OFF ? 'off' : `byte ${byte}`);
  return Object.fromEntries(FUSE_NAMES.map((name) => [name, state(wire[FuseV1Options[name]])]));
}

/** Files under a folder, relative to the repo root with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(resolve(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).replaceAll('\\', '/'));
}

describe('electron-builder dir target (linux) against a stand-in Electron', () => {
  let work = '';
  let appDir = '';
  let asar = '';
  let entries: string[] = [];

  beforeAll(async () => {
    for (const bundle of BUNDLES) expect(existsSync(resolve(root, bundle)), `${NOT_BUILT} (${bundle})`).toBe(true);
    work = mkdtempSync(join(tmpdir(), 'annex-pack-'));
    const electronVersion = (JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }).version;
    const electronDist = makeStandInElectron(join(work, 'electron-dist'), electronVersion);
    expect(await fuseStates(join(electronDist, 'electron'))).toMatchObject({ RunAsNode: 'on', OnlyLoadAppFromAsar: 'off' });
    const { CI: _ci, ...env } = process.env;
    await execFileAsync(
      process.execPath,
      [
        resolve(root, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        '--config',
        'electron-builder.yml',
        `-c.electronDist=${electronDist}`,
        `-c.directories.output=${join(work, 'release')}`,
      ],
      // Nothing may be fetched: a download attempt fails here and fails the test.
      { cwd: root, env: { ...env, ELECTRON_BUILDER_CACHE: join(work, 'cache') }, timeout: 80_000 },
    );
    appDir = join(work, 'release', 'linux-unpacked');
    asar = join(appDir, 'resources', 'app.asar');
    entries = listPackage(asar, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  }, 90_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('flips the fuses in the packaged binary: no run-as-node, NODE_OPTIONS, --inspect or file: privileges; asar only', async () => {
    const stateOf = (byte: number | undefined) => (byte === FUSE_ON ? 'on' : 'off');
    const shipped = Object.fromEntries(FUSE_NAMES.map((name) => [name, stateOf(ELECTRON_DEFAULT_WIRE[FuseV1Options[name]])]));
    const packaged = await fuseStates(join(appDir, 'annex-editor'));
    expect(packaged).toEqual({
      ...shipped,
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      GrantFileProtocolExtraPrivileges: 'off',
      OnlyLoadAppFromAsar: 'on',
      EnableEmbeddedAsarIntegrityValidation: 'on',
    });
    expect(packaged).not.toEqual(shipped);
  });

  it('packs the app into resources/app.asar, with no loose app folder beside it', () => {
    expect(readdirSync(join(appDir, 'resources'))).toEqual(['app.asar']);
    const pkg = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'annex-editor', main: 'out/main/index.js', type: 'module' });
  });

  it('holds package.json and every built main, preload and renderer file', () => {
    const topLevel = [...new Set(entries.map((entry) => entry.split('/')[1]))].sort();
    expect(topLevel).toEqual(['node_modules', 'out', 'package.json']);
    expect([...new Set(entries.filter((e) => e.startsWith('/out/')).map((e) => e.split('/')[2]))].sort()).toEqual([
      'main',
      'preload',
      'renderer',
    ]);
    const built = ['out/main', 'out/preload', 'out/renderer'].flatMap(filesUnder).filter((file) => !file.endsWith('.map'));
    expect(built.length).toBeGreaterThan(3);
    const packed = new Set(entries);
    expect(built.filter((file) => !packed.has(`/${file}`))).toEqual([]);
  });

  it('leaves out sources, type declarations, source maps, tests, fixtures and the bench', () => {
    expect(entries.filter((entry) => /\.(ts|tsx|mts|cts|map)$/.test(entry))).toEqual([]);
    const testFolders = /\/(tests?|__tests__|spec|fixtures|benchmarks?|bench)\//;
    expect(entries.filter((entry) => testFolders.test(`${entry}/`))).toEqual([]);
  });

  it('ships exactly the packages main imports at run time and their dependencies; bundled libraries stay out', () => {
    const mainImports = bundleImports(readFileSync(resolve(root, 'out/main/index.js'), 'utf8'));
    expect(mainImports).toContain('electron-store');
    // The sandboxed preload can require nothing but electron: everything it uses is bundled in.
    expect(bundleImports(readFileSync(resolve(root, 'out/preload/index.cjs'), 'utf8'))).toEqual([]);
    const shipped = [
      ...new Set(entries.flatMap((entry) => [...entry.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1]))),
    ].sort();
    expect(shipped).toEqual(dependencyClosure(mainImports, root));
    for (const bundled of ['react', 'react-dom', 'ag-grid-community', 'xlsx', 'fflate', 'playwright-core', 'exceljs']) {
      expect(shipped).not.toContain(bundled);
    }
  });

  it('starts from the unpacked asar alone: main finds every package it imports inside the archive', async () => {
    // Outside the repo, Node resolves imports only from the archive's own node_modules.
    const unpacked = join(work, 'unpacked');
    extractAll(asar, unpacked);
    const { CI: _ci, NODE_OPTIONS: _nodeOptions, ELECTRON_RENDERER_URL: _devUrl, ...env } = process.env;
    const { stdout } = await execFileAsync(
      process.execPath,
      ['--import', pathToFileURL(fakeElectronLoader).href, join(unpacked, 'out/main/index.js')],
      { cwd: unpacked, env: { ...env, FAKE_ELECTRON_PACKAGED: '1', FAKE_ELECTRON_USER_DATA: join(work, 'user-data') }, timeout: 20_000 },
    );
    const events = stdout.split('\n').filter((line) => line.startsWith('{"fake":"electron"'));
    expect(events.some((line) => line.includes('"event":"loadURL"') && line.includes('app://bundle/index.html'))).toBe(true);
  });
});
