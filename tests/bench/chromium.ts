import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { serveDirectory } from '../e2e/support/static-server';
import { RendererPeak } from './renderer-peak';
import { armEdit, dropAndWait, editResult, gridGeometry, scrollFrames, scrollToTop, stageFile, statusErrors, untilQuiet, visibleCells, warmFonts } from './web/in-page';

/**
 * One Chromium measurement of one side: a fresh Debian Chromium (never a downloaded one) opens either the
 * built app (out/renderer, the browser bridge) or the floor page (out/bench/grid-floor), a generated annex is
 * dropped on the window, and the page times, with its own clock, the open, scrolling and (the app only) edits.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 1000 };
const WHEEL_FRAMES = 120;
const JUMP_FRAMES = 30;
/** Edits per measurement; the first warms up and is not counted. */
const EDITS = 6;
/** The app's autosave delay (renderer/src/features/files/use-autosave.ts). */
const AUTOSAVE_MS = 1_500;

export type Side = 'ours' | 'floor';

export interface Geometry {
  readonly width: number;
  readonly height: number;
  readonly headerHeight: number;
}

export interface ChromiumSample {
  readonly openMs: number;
  readonly wheelFrames: number[];
  readonly jumpFrames: number[];
  /** Key event to the frame that paints the new error count. */
  readonly editMs: number[];
  /** Key event to the DOM holding the new error count. */
  readonly editDomMs: number[];
  /** The largest live JS heap (JSHeapUsedSize after a full GC) after the open, the scrolling, the edits. */
  readonly jsHeapMb: number;
  /** The renderer process's peak resident memory (VmHWM), its worker included, at the end. */
  readonly rendererPeakMb: number;
  /** The same peak before the drop (the page at rest, fonts loaded) and once the document is open. */
  readonly rendererPeakAtStartMb: number;
  readonly rendererPeakAfterOpenMb: number;
  /** After the scrolling, before the edits (which only the app makes). */
  readonly rendererPeakAfterScrollMb: number;
  readonly geometry: Geometry;
  readonly errors: string[];
}

interface SideSetup {
  readonly root: string;
  readonly query: string;
  readonly grid: string;
  readonly drop: string;
  readonly focus: string | null;
  /** There once the page has started (the app on its built-in annex, the floor's empty grid). */
  readonly started: string;
}

function setup(side: Side, geometry: Geometry | undefined): SideSetup {
  if (side === 'ours') {
    return { root: join(process.cwd(), 'out/renderer'), query: '', grid: '[data-testid="annex-grid"]', drop: '.app', focus: '[data-testid="grid-cell-input"]', started: '[data-testid="annex-grid"] .ag-row' };
  }
  const size = geometry ?? { width: VIEWPORT.width, height: VIEWPORT.height - 100, headerHeight: 40 };
  return {
    root: join(process.cwd(), 'out/bench/grid-floor'),
    query: `?w=${size.width}&h=${size.height}&header=${size.headerHeight}`,
    grid: '#grid',
    drop: 'body',
    focus: null,
    started: '#grid .ag-grid-viewport',
  };
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

/** The live JS heap: JSHeapUsedSize after a full garbage collection (without one it mostly shows when GC last ran). */
async function jsHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return mb(metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN);
}

/** The document's distinct characters, to load the web font's glyphs for both pages before the clock starts. */
function documentCharacters(document: { tables: { city: { rows: Array<{ title: string; summary: string; departments: string[]; sections: string[] }> } } }): string {
  const chars = new Set<string>('0123456789');
  for (const row of document.tables.city.rows) {
    for (const text of [row.title, row.summary, ...row.departments, ...row.sections]) for (const char of text) chars.add(char);
  }
  return [...chars].join('');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms).unref())]);
}

/** Optional CPU profiles of each phase (BENCH_PROFILE=dir): written as .cpuprofile, summarised on stderr. */
interface Profiler {
  phase<T>(name: string, run: () => Promise<T>): Promise<T>;
}

function profiler(cdp: CDPSession, dir: string | undefined, label: string): Profiler {
  if (!dir) return { phase: (_name, run) => run() };
  mkdirSync(dir, { recursive: true });
  return {
    async phase(name, run) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const result = await run();
      const { profile } = await cdp.send('Profiler.stop');
      const file = join(dir, `${label}-${name}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      process.stderr.write(`\n${label} ${name}: ${file}\n${summariseProfile(profile)}`);
      return result;
    },
  };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions with the most self time and the most total time (each function counted once per stack). */
export function summariseProfile(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (id: number): string => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return '?';
    const file = frame.url.split('/').pop() ?? '';
    return `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let all = 0;
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] as number;
    // A sample's time runs until the next sample.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    all += ms;
    self.set(key(id), (self.get(key(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = key(node);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const list = (map: Map<string, number>): string =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  return `  ${all.toFixed(0)} ms sampled\n self:\n${list(self)}\n total:\n${list(total)}\n`;
}

const STAGED_PATH = '/__bench-staged/annex.json';

/** One measurement: launch, open, scroll, edit (the app only), memory; the browser is closed after. */
export async function measureChromium(side: Side, documentPath: string, geometry: Geometry | undefined, profileDir?: string): Promise<ChromiumSample> {
  const text = readFileSync(documentPath, 'utf8');
  const document = JSON.parse(text) as Parameters<typeof documentCharacters>[0] & { tables: { city: { rows: Array<{ id: string }> } } };
  const rows = document.tables.city.rows.length;
  const firstId = document.tables.city.rows[0]?.id ?? '';
  const where = setup(side, geometry);
  const server = await serveDirectory(where.root);
  const browser = await launch();
  const errors: string[] = [];
  let peak: RendererPeak | undefined;
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP' });
    const page: Page = await context.newPage();
    peak = await RendererPeak.start(browser);
    page.on('pageerror', (error) => errors.push(error.message));
    // A renderer that dies takes its peak with it: the figures after it would be another process's.
    page.on('crash', () => errors.push('the renderer process crashed'));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const profile = profiler(cdp, profileDir, `${side}-${rows}`);
    await page.goto(`${server.url}${where.query}`);
    // The app starts on its built-in annex; both pages hold the fonts' glyphs of the document before the drop.
    await page.locator(where.started).first().waitFor({ timeout: 60_000 });
    await page.evaluate(warmFonts, documentCharacters(document));
    await page.evaluate(untilQuiet, [30, 10_000] as const);
    // The file reaches the page as a response body, not as a string argument that the renderer would hold.
    await page.route(`**${STAGED_PATH}`, (route) => route.fulfill({ path: documentPath, contentType: 'application/json' }));
    await page.evaluate(stageFile, [STAGED_PATH, 'bench.json'] as const);
    const rendererPeakAtStartMb = await peak.readMb();

    const rowSelector = `${where.grid} .ag-row[row-id="${firstId}"]`;
    const openMs = await profile.phase('open', () => page.evaluate(dropAndWait, [where.drop, rowSelector, where.focus, 120_000] as const));
    await page.evaluate(untilQuiet, [30, 30_000] as const);
    const measuredGeometry = await page.evaluate(gridGeometry, where.grid);
    // BENCH_SCREENSHOTS=dir: what each side showed once open, to check that both draw the same rows.
    if (process.env.BENCH_SCREENSHOTS) {
      mkdirSync(process.env.BENCH_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(process.env.BENCH_SCREENSHOTS, `${side}-${rows}.png`) });
    }
    const heaps = [await jsHeapMb(cdp)];
    const rendererPeakAfterOpenMb = await peak.readMb();

    const viewport = `${where.grid} .ag-grid-viewport`;
    await page.evaluate(scrollToTop, viewport);
    await page.evaluate(untilQuiet, [30, 10_000] as const);
    const wheelFrames = await profile.phase('wheel', () => page.evaluate(scrollFrames, [viewport, 'wheel', WHEEL_FRAMES] as const));
    await page.evaluate(untilQuiet, [30, 10_000] as const);
    const jumpFrames = await profile.phase('jump', () => page.evaluate(scrollFrames, [viewport, 'jump', JUMP_FRAMES] as const));
    await page.evaluate(untilQuiet, [30, 10_000] as const);
    heaps.push(await jsHeapMb(cdp));
    const rendererPeakAfterScrollMb = await peak.readMb();

    const editMs: number[] = [];
    const editDomMs: number[] = [];
    if (side === 'ours') {
      const status = '[data-testid="status-bar"]';
      // The edits are made at the top of the table, the same rows in every measurement.
      await page.evaluate(scrollToTop, viewport);
      await page.evaluate(untilQuiet, [30, 10_000] as const);
      const cells = await page.evaluate(visibleCells, [where.grid, 'title'] as const);
      if (cells.length === 0) throw new Error('no row in view to edit');
      const errorsBefore = await page.evaluate(statusErrors, status);
      await profile.phase('edits', async () => {
        // Each edit clears a 主な取組 in view (a new error) and is undone before the next. The next edit waits
        // until the app's autosave (1.5 s after a change, if the document is still unsaved) has had its turn,
        // so no edit is timed with an autosave running inside it.
        for (let i = 0; i < EDITS; i++) {
          const target = cells[i % cells.length] as { rowId: string; x: number; y: number };
          await page.mouse.click(target.x, target.y);
          await page.evaluate(untilQuiet, [20, 10_000] as const);
          const before = await page.evaluate(armEdit, status);
          const pressedAt = Date.now();
          await page.keyboard.press('Delete');
          const result = await withTimeout(page.evaluate(editResult), 60_000, `the error count after clearing ${target.rowId}`);
          if (result.after !== before + 1) throw new Error(`clearing ${target.rowId}'s 主な取組: errors ${before} → ${result.after}, expected one more`);
          if (i > 0) {
            editMs.push(result.frameMs);
            editDomMs.push(result.domMs);
          }
          await page.evaluate(untilQuiet, [20, 10_000] as const);
          await page.keyboard.press('Control+z');
          await withTimeout(
            (async () => {
              while ((await page.evaluate(statusErrors, status)) !== before) await page.waitForTimeout(50);
            })(),
            60_000,
            `the undo of ${target.rowId}`,
          );
          await page.waitForTimeout(Math.max(0, AUTOSAVE_MS + 200 - (Date.now() - pressedAt)));
          await page.evaluate(untilQuiet, [20, 10_000] as const);
        }
      });
      if ((await page.evaluate(statusErrors, status)) !== errorsBefore) throw new Error('the edits were not all undone');
      heaps.push(await jsHeapMb(cdp));
    }
    return {
      openMs,
      wheelFrames,
      jumpFrames,
      editMs,
      editDomMs,
      jsHeapMb: Math.max(...heaps),
      rendererPeakMb: await peak.readMb(),
      rendererPeakAtStartMb,
      rendererPeakAfterOpenMb,
      rendererPeakAfterScrollMb,
      geometry: measuredGeometry,
      errors,
    };
  } finally {
    peak?.stop();
    await browser.close();
    await server.close();
  }
}
