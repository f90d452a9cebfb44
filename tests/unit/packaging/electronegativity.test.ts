import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import allowList from './electronegativity-allowed.json';
import { blockedNetworkRequests, scanWithElectronegativity, type Finding, type ScanResult } from './electronegativity-scan';

const root = resolve(import.meta.dirname, '../../..');
const electronVersion = (JSON.parse(readFileSync(resolve(root, 'node_modules/electron/package.json'), 'utf8')) as {
  version: string;
}).version;

const describeFinding = (f: Finding) => `${f.id} ${f.file}:${f.line} (${f.confidence}) ${f.description}`;
const isAllowed = (f: Finding) => allowList.allowed.some((entry) => entry.id === f.id && entry.file === f.file);

describe('Electronegativity over electron/ and renderer/', () => {
  let work = '';
  let scan: ScanResult;

  beforeAll(async () => {
    // One project: its global checks (navigation limits, permission handler, CSP) look across main and page.
    work = mkdtempSync(join(tmpdir(), 'annex-electronegativity-'));
    for (const path of ['electron', 'renderer', 'package.json']) cpSync(resolve(root, path), join(work, path), { recursive: true });
    scan = await scanWithElectronegativity(work, electronVersion);
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('parses every file (a file it cannot parse would hide its findings), without going online', () => {
    expect(scan.errors).toEqual([]);
    expect(blockedNetworkRequests()).toBeGreaterThan(0);
  });

  it('finds no HIGH issue beyond the explained allow-list', () => {
    const unexplained = scan.findings.filter((f) => f.severity === 'HIGH' && !isAllowed(f));
    expect(unexplained.map(describeFinding)).toEqual([]);
  });

  it('keeps the allow-list current: every entry still matches a HIGH finding and gives a reason', () => {
    for (const entry of allowList.allowed) {
      expect(entry.reason.length, `${entry.id} ${entry.file}`).toBeGreaterThan(40);
      const matched = scan.findings.some((f) => f.severity === 'HIGH' && f.id === entry.id && f.file === entry.file);
      expect(matched, `${entry.id} ${entry.file} no longer reported: remove it from the allow-list`).toBe(true);
    }
  });
});

describe('Electronegativity itself, on a deliberately unsafe window', () => {
  it('reports HIGH findings, so a clean scan above means something', async () => {
    const work = mkdtempSync(join(tmpdir(), 'annex-electronegativity-canary-'));
    try {
      writeFileSync(
        join(work, 'main.ts'),
        "import { BrowserWindow } from 'electron';\n" +
          'export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n' +
          "win.loadURL('http://example.com/');\n",
      );
      const canary = await scanWithElectronegativity(work, electronVersion);
      expect(canary.errors).toEqual([]);
      const high = canary.findings.filter((f) => f.severity === 'HIGH').map((f) => f.id);
      // No context isolation on the window, and no will-navigate handler anywhere.
      expect(high).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
