import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { parseAnnexJson, stringifyAnnexJson } from '../../shared/codec/annex-json';
import { writeAnnexWorkbook } from '../../shared/excel/write-annex-workbook';
import { CASES, type CaseInput } from './cases';
import { CHROMIUM_CASES, chromiumRows, type ChromiumCaseId } from './chromium-cases';
import { measureChromium, type ChromiumSample, type Geometry, type Side } from './chromium';
import { generateAnnex } from './generate-annex';

/**
 * `npm run bench`: every case at every size, each figure beside a floor measured in the same run, in a fresh
 * child process per measurement so its peak memory is its own. Writes bench/results.json and bench/results.md
 * (results-partial.* when BENCH_SIZES or BENCH_CASES narrows the run).
 *
 * The Chromium cases (grid-*) open the generated annex in the built app and in the floor page
 * (tests/bench/grid-floor), each measurement in a fresh Debian Chromium launched by a fresh child process.
 * `node out/bench/bench.mjs profile ROWS` (after `npm run bench` has built everything) writes CPU profiles
 * of both pages' phases to bench/profiles and prints where the time goes.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const self = process.argv[1] as string;

export interface Measurement {
  readonly medianMs: number;
  /** Node cases: the first run in the fresh process, before any warm-up (JIT compilation included). */
  readonly firstRunMs?: number;
  /** Node cases: runs per timed batch (more than one for an operation shorter than MIN_BATCH_MS). */
  readonly runsPerBatch?: number;
  /** Peak resident memory: the child process's after its first run, or for the Chromium cases the renderer process's. */
  readonly maxRssMb: number;
  /** Chromium cases: the 95th percentile of the pooled frames or edits. */
  readonly p95Ms?: number;
  /** Chromium cases: the largest live JS heap (JSHeapUsedSize after a full GC) after the open, scrolling, edits. */
  readonly jsHeapMb?: number;
  /** Chromium cases: the renderer's peak before the document is dropped, and once it is open. */
  readonly rssAtStartMb?: number;
  readonly rssAfterOpenMb?: number;
  readonly rssAfterScrollMb?: number;
  /** grid-edit: the key event to the DOM holding the new count (medianMs runs to the frame that paints it). */
  readonly domMedianMs?: number;
}

/** Inputs are read on first use, so a case's peak memory holds only what that case reads. */
function loadInput(dir: string): CaseInput {
  const cache = new Map<string, unknown>();
  const lazy = <T>(key: string, load: () => T): T => {
    if (!cache.has(key)) cache.set(key, load());
    return cache.get(key) as T;
  };
  const json = (): string => lazy('json', () => readFileSync(join(dir, 'annex.json'), 'utf8'));
  return {
    get json() {
      return json();
    },
    get document() {
      return lazy('document', () => {
        const parsed = parseAnnexJson(json());
        if (!parsed.ok) throw new Error('bench input is invalid');
        return parsed.value;
      });
    },
    get xlsx() {
      return lazy('xlsx', () => new Uint8Array(readFileSync(join(dir, 'annex.xlsx'))));
    },
    get cells() {
      return lazy('cells', () => JSON.parse(readFileSync(join(dir, 'cells.json'), 'utf8')) as Record<string, unknown[][]>);
    },
  };
}

// A sub-millisecond operation is timed over a batch of runs, not at the timer's resolution.
const MIN_BATCH_MS = 100;
// Timing starts once the JIT has seen both sides run for a while (a time and a number of runs): the figure is the
// operation's, not the compiler's. A run of seconds is its own warm-up. Reading a 100-row workbook settles only
// after ~1 s (19 ms at 0.5 s, 28 at 0.7 s, 21-23 from 1 s on, in 100 ms steps of one process); SheetJS's own read
// by 0.4 s.
const MIN_WARM_UP_MS = 1_500;
const MIN_WARM_UP_RUNS = 10;
const MAX_WARM_UP_MS = 3_000;

async function timeRun(run: () => unknown): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Child: run one side of one case, warm it up, then time REPEATS batches; print the median time per run, the
 * first (cold) run's time and the peak memory.
 */
async function child(caseId: string, side: 'ours' | 'floor', dir: string): Promise<void> {
  const input = loadInput(dir);
  const bench = CASES.find((candidate) => candidate.id === caseId);
  if (!bench) throw new Error(`unknown case ${caseId}`);
  const run = (): unknown => bench[side](input);
  const firstRunMs = await timeRun(run);
  // The peak of one run (its input included): later runs' garbage would measure the collector's timing instead.
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  let lastRunMs = firstRunMs;
  for (let warmUpMs = firstRunMs, runs = 1; (warmUpMs < MIN_WARM_UP_MS || runs < MIN_WARM_UP_RUNS) && warmUpMs < MAX_WARM_UP_MS; runs += 1) {
    lastRunMs = await timeRun(run);
    warmUpMs += lastRunMs;
  }
  const runsPerBatch = Math.max(1, Math.ceil(MIN_BATCH_MS / Math.max(lastRunMs, 1e-3)));
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    for (let j = 0; j < runsPerBatch; j++) await run();
    times.push((performance.now() - start) / runsPerBatch);
  }
  const measurement: Measurement = {
    medianMs: median(times),
    firstRunMs,
    runsPerBatch,
    maxRssMb,
  };
  process.stdout.write(JSON.stringify(measurement));
}

async function prepare(rows: number, withWorkbook = true): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `annex-bench-${rows}-`));
  const document = generateAnnex(rows);
  writeFileSync(join(dir, 'annex.json'), stringifyAnnexJson(document));
  if (!withWorkbook) return dir;
  const xlsx = await writeAnnexWorkbook(document);
  const workbook = XLSX.read(xlsx, { type: 'array' });
  const cells = Object.fromEntries(
    workbook.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json(workbook.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null })]),
  );
  writeFileSync(join(dir, 'annex.xlsx'), xlsx);
  writeFileSync(join(dir, 'cells.json'), JSON.stringify(cells));
  return dir;
}

function measure(caseId: string, side: 'ours' | 'floor', dir: string): Measurement {
  const output = execFileSync(process.execPath, ['--max-old-space-size=4096', self, 'child', caseId, side, dir], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_REPEATS: String(REPEATS) },
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(output) as Measurement;
}

// Fresh processes per side: one process can run a third or half slower than the next for its whole life (the
// JIT's choices, a busy neighbour on this shared machine), either side alike, so each side keeps its fastest.
const PROCESSES_PER_SIDE = 3;
// Under half a second a run, a process's state decides the figure (0.19 or 0.27 ms for the same load; SheetJS reading
// 1,000 rows in 65 or 105 ms, either side alike), and those processes cost little: five a side. Each case's 10,000
// and 50,000 rows fall on the same side of it (xlsx: 0.5 s and more; JSON and validation: 0.2 s and less), so its
// growth compares like with like.
const SHORT_RUN_MS = 500;
const PROCESSES_PER_SIDE_WHEN_SHORT = 5;

interface BothSides {
  readonly ours: Measurement;
  readonly floor: Measurement;
}

/**
 * One case at one or more sizes (one dir each), each side in fresh processes; each size's and side's fastest.
 * Every pass measures every size and side, in the reverse order of the pass before, so that a drift in this
 * machine's speed over minutes (a third, at times) cannot pass for growth between two sizes.
 */
function measureBothSides(caseId: string, dirs: readonly string[]): BothSides[] {
  const fastest = (measurements: Measurement[]): Measurement => measurements.reduce((best, next) => (next.medianMs < best.medianMs ? next : best));
  const samples = dirs.map((): Record<'ours' | 'floor', Measurement[]> => ({ ours: [], floor: [] }));
  const isShort = (): boolean => samples.every((each) => Math.max(fastest(each.ours).medianMs, fastest(each.floor).medianMs) < SHORT_RUN_MS);
  const order = dirs.flatMap((dir, index) => (['floor', 'ours'] as const).map((side) => ({ dir, side, into: samples[index] as (typeof samples)[number] })));
  for (let pass = 0; pass < PROCESSES_PER_SIDE || (pass < PROCESSES_PER_SIDE_WHEN_SHORT && isShort()); pass += 1) {
    for (const { dir, side, into } of pass % 2 === 0 ? order : [...order].reverse()) into[side].push(measure(caseId, side, dir));
  }
  return samples.map((each) => ({ ours: fastest(each.ours), floor: fastest(each.floor) }));
}

/** Longer than any measurement takes (a 50,000-row one about a minute): past it, the browser has stalled. */
const CHROMIUM_TIMEOUT_MS = 5 * 60_000;

/**
 * A Chromium measurement in a child of its own, which launches a Chromium of its own. A stalled one (a headless
 * Chromium once stopped drawing frames for half an hour) is ended and measured again, once.
 */
function measureInChromium(side: Side, dir: string, geometry: Geometry | undefined, attempt = 1): ChromiumSample {
  try {
    const output = execFileSync(process.execPath, [self, 'chromium', side, dir, JSON.stringify(geometry ?? null)], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: CHROMIUM_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    return JSON.parse(output) as ChromiumSample;
  } catch (cause) {
    const stalled = (cause as NodeJS.ErrnoException).code === 'ETIMEDOUT';
    if (!stalled || attempt > 1) throw cause;
    process.stdout.write(`  chromium ${side}: no result after ${CHROMIUM_TIMEOUT_MS / 60_000} min, measured again\n`);
    return measureInChromium(side, dir, geometry, attempt + 1);
  }
}

export interface Row {
  readonly case: string;
  readonly label: string;
  readonly rows: number;
  readonly ours: Measurement;
  /** Null for a case with an absolute target only. */
  readonly floor: Measurement | null;
  readonly ratio: number | null;
  /** The most ours may take as a multiple of the floor. */
  readonly target: number | null;
  /** The most ours may take, in ms (the Chromium edit case). */
  readonly targetMs?: number;
  /** Chromium cases: errors the pages reported (uncaught exceptions, console errors), once each. */
  readonly pageErrors?: { readonly ours: readonly string[]; readonly floor: readonly string[] };
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

const missed = (row: Row): boolean =>
  (row.target !== null && row.ratio !== null && row.ratio > row.target) || (row.targetMs !== undefined && row.ours.medianMs >= row.targetMs);

// The issue's bound on the renderer at 50,000 rows.
const MEMORY_LIMIT = { rows: 50_000, mb: 500 };

const peaks = (measurement: Measurement, rows: number): string => {
  const over = rows === MEMORY_LIMIT.rows && measurement.maxRssMb >= MEMORY_LIMIT.mb ? ' ✗' : '';
  return `${[measurement.rssAtStartMb, measurement.rssAfterOpenMb, measurement.rssAfterScrollMb, measurement.maxRssMb].map((mb) => Math.round(mb ?? Number.NaN)).join(' / ')}${over}`;
};

// The issue's bound on growth: 50,000 rows may cost at most 5.5 times 10,000 rows (linear, with a margin).
const GROWTH_FROM = 10_000;
const GROWTH_TO = 50_000;
const GROWTH_LIMIT = 5.5;

interface Growth {
  readonly case: string;
  readonly oursMs: readonly [number, number];
  readonly ours: number;
  readonly floor: number | null;
  readonly missed: boolean;
}

/** Each case measured at both sizes: how many times its time grew from 10,000 to 50,000 rows, ours and the floor's. */
function growthOf(all: readonly Row[]): Growth[] {
  const at = (caseId: string, rows: number): Row | undefined => all.find((row) => row.case === caseId && row.rows === rows);
  return all.flatMap((large) => {
    const small = large.rows === GROWTH_TO ? at(large.case, GROWTH_FROM) : undefined;
    if (!small) return [];
    const ours = large.ours.medianMs / small.ours.medianMs;
    const floor = large.floor && small.floor ? large.floor.medianMs / small.floor.medianMs : null;
    return [{ case: large.case, oursMs: [small.ours.medianMs, large.ours.medianMs] as const, ours, floor, missed: ours > GROWTH_LIMIT }];
  });
}

function growthLines(all: readonly Row[]): string[] {
  const growth = growthOf(all);
  if (growth.length === 0) return [];
  return [
    '',
    `Growth from ${GROWTH_FROM.toLocaleString('en-US')} to ${GROWTH_TO.toLocaleString('en-US')} rows (time at the larger size over time at the smaller; linear is 5):`,
    '',
    '| case | ours ms | ours growth | floor growth | target |',
    '|---|---:|---:|---:|---:|',
    ...growth.map(
      (each) =>
        `| ${each.case} | ${round(each.oursMs[0], 1)} → ${round(each.oursMs[1], 1)} | ${round(each.ours)}${each.missed ? ' ✗' : ''} | ${each.floor === null ? '—' : round(each.floor)} | ≤ ${GROWTH_LIMIT} |`,
    ),
  ];
}

function markdown(all: readonly Row[]): string {
  return `${[...tableLines(all), ...growthLines(all)].join('\n')}\n`;
}

function tableLines(all: readonly Row[]): string[] {
  const results = all.filter((row) => !row.case.startsWith('grid-'));
  const lines = [
    'Node (three fresh processes per side, five when a run takes under 0.5 s, the fastest kept; median time per run after a warm-up, short runs timed in batches; first run: the cold first call; peak: the process after its first run):',
    '',
    '| case | rows | ours ms | floor ms | ratio | target | ours first run ms | floor first run ms | ours peak MB | floor peak MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of results) {
    if (!row.floor || row.ratio === null) continue;
    const target = row.target === null ? '—' : `≤ ${row.target}×`;
    const verdict = row.target !== null && row.ratio > row.target ? ' ✗' : '';
    lines.push(
      `| ${row.case} | ${row.rows.toLocaleString('en-US')} | ${round(row.ours.medianMs)} | ${round(row.floor.medianMs)} | ${round(row.ratio)}${verdict} | ${target} | ${round(row.ours.firstRunMs ?? Number.NaN)} | ${round(row.floor.firstRunMs ?? Number.NaN)} | ${Math.round(row.ours.maxRssMb)} | ${Math.round(row.floor.maxRssMb)} |`,
    );
  }
  const browser = all.filter((row) => row.case.startsWith('grid-'));
  if (results.length === 0) lines.length = 0;
  if (browser.length === 0) return lines;
  const ms = (value: number | undefined): string => (value === undefined ? '—' : String(round(value, 1)));
  lines.push(
    ...(lines.length > 0 ? [''] : []),
    'Chromium (headless Debian Chromium, the built app vs the floor page; medians, frames and edits pooled over the measurements):',
    '',
    '| case | rows | ours ms | floor ms | ratio | target | ours p95 ms | floor p95 ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of browser) {
    const target = row.targetMs !== undefined ? `< ${row.targetMs} ms` : row.target === null ? '—' : `≤ ${row.target}×`;
    const verdict = missed(row) ? ' ✗' : '';
    const ratio = row.ratio === null ? '—' : `${round(row.ratio)}${verdict}`;
    lines.push(
      `| ${row.case} | ${row.rows.toLocaleString('en-US')} | ${ms(row.ours.medianMs)}${row.ratio === null ? verdict : ''} | ${row.floor ? ms(row.floor.medianMs) : '—'} | ${ratio} | ${target} | ${ms(row.ours.p95Ms)} | ${ms(row.floor?.p95Ms)} |`,
    );
  }
  lines.push(
    '',
    'Chromium memory (median over the measurements; JS heap: live after a full GC, the largest after the open, the scrolling, ' +
      "the edits; renderer: the process's peak resident memory, its worker included, read from VmHWM every 50 ms since Chromium resets it at each memory dump, before the drop, once open, after the scrolling, and at the end, after the edits only the app makes; ✗ marks an end peak of 500 MB or more at 50,000 rows):",
    '',
    '| rows | ours JS heap MB | floor JS heap MB | ours renderer peak MB (start / open / scrolled / end) | floor renderer peak MB (start / open / scrolled / end) |',
    '|---:|---:|---:|---:|---:|',
  );
  // Every Chromium row of a size comes from the same measurements: one line per size.
  for (const row of browser.filter((candidate, index) => browser.findIndex((other) => other.rows === candidate.rows) === index)) {
    lines.push(
      `| ${row.rows.toLocaleString('en-US')} | ${Math.round(row.ours.jsHeapMb ?? Number.NaN)} | ${Math.round(row.floor?.jsHeapMb ?? Number.NaN)} | ${peaks(row.ours, row.rows)} | ${row.floor ? peaks(row.floor, row.rows) : '—'} |`,
    );
  }
  return lines;
}

/** REPEATS measurements of each side, alternating which goes first; the floor takes the app's grid box. */
function chromiumSamples(dir: string, rows: number): { ours: ChromiumSample[]; floor: ChromiumSample[] } {
  const ours: ChromiumSample[] = [];
  const floor: ChromiumSample[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const order: Side[] = i % 2 === 0 ? ['ours', 'floor'] : ['floor', 'ours'];
    for (const side of order) {
      const sample = measureInChromium(side, dir, ours[0]?.geometry);
      (side === 'ours' ? ours : floor).push(sample);
      process.stdout.write(
        `  chromium ${rows} ${side} #${i + 1}: open ${round(sample.openMs, 1)} ms, wheel ${round(median(sample.wheelFrames), 1)} ms, jump ${round(median(sample.jumpFrames), 1)} ms` +
          `${sample.editMs.length > 0 ? `, edit ${round(median(sample.editMs), 1)} ms` : ''}, heap ${Math.round(sample.jsHeapMb)} MB, renderer ${Math.round(sample.rendererPeakAtStartMb)} / ${Math.round(sample.rendererPeakAfterOpenMb)} / ${Math.round(sample.rendererPeakAfterScrollMb)} / ${Math.round(sample.rendererPeakMb)} MB` +
          `${sample.errors.length > 0 ? `, page errors: ${sample.errors.join(' | ')}` : ''}\n`,
      );
    }
  }
  return { ours, floor };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** The sizes measured together: the two a growth compares, when both are run; every other size alone. */
function sizeGroups(sizes: readonly number[]): number[][] {
  const paired = sizes.includes(GROWTH_FROM) && sizes.includes(GROWTH_TO);
  const alone = sizes.filter((rows) => !paired || (rows !== GROWTH_FROM && rows !== GROWTH_TO)).map((rows) => [rows]);
  return paired ? [...alone, [GROWTH_FROM, GROWTH_TO]] : alone;
}

function nodeRows(bench: (typeof CASES)[number], dirs: ReadonlyMap<number, string>): Row[] {
  return sizeGroups(SIZES).flatMap((group) =>
    measureBothSides(bench.id, group.map((rows) => dirs.get(rows) as string)).map(({ ours, floor }, index): Row => {
      const rows = group[index] as number;
      const ratio = ours.medianMs / Math.max(floor.medianMs, 1e-3);
      process.stdout.write(`${bench.id} ${rows}: ours ${round(ours.medianMs)} ms / floor ${round(floor.medianMs)} ms = ${round(ratio)}× (first run ${round(ours.firstRunMs ?? Number.NaN)} / ${round(floor.firstRunMs ?? Number.NaN)} ms, ${Math.round(ours.maxRssMb)} MB)\n`);
      return { case: bench.id, label: bench.label, rows, ours, floor, ratio, target: Number.isNaN(bench.target) ? null : bench.target };
    }),
  );
}

function browserRows(dir: string, rows: number, browserCases: readonly ChromiumCaseId[]): Row[] {
  const started = performance.now();
  const measured = chromiumRows(rows, chromiumSamples(dir, rows), browserCases);
  for (const row of measured) {
    const floor = row.floor ? ` / floor ${round(row.floor.medianMs, 1)} ms = ${round(row.ratio as number)}×` : '';
    process.stdout.write(`${row.case} ${rows}: ours ${round(row.ours.medianMs, 1)} ms (p95 ${round(row.ours.p95Ms ?? Number.NaN, 1)})${floor}${missed(row) ? ' ✗' : ''}\n`);
  }
  process.stdout.write(`chromium ${rows}: ${REPEATS} × 2 measurements in ${round((performance.now() - started) / 1000, 1)} s\n`);
  return measured;
}

async function parent(): Promise<void> {
  const results: Row[] = [];
  const only = process.env.BENCH_CASES?.split(',');
  const nodeCases = CASES.filter((candidate) => !only || only.includes(candidate.id));
  const browserCases = CHROMIUM_CASES.filter((candidate) => !only || only.includes(candidate.id)).map((candidate) => candidate.id);
  // Every size's inputs at once: a growth's two sizes are measured side by side.
  const dirs = new Map<number, string>();
  try {
    for (const rows of SIZES) dirs.set(rows, await prepare(rows, nodeCases.length > 0));
    for (const bench of nodeCases) results.push(...nodeRows(bench, dirs));
    if (browserCases.length > 0) for (const rows of SIZES) results.push(...browserRows(dirs.get(rows) as string, rows, browserCases));
  } finally {
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  }
  // The tables list sizes in order, each size's cases in the suite's order.
  const caseOrder = (row: Row): number => [...CASES.map((each) => each.id), ...CHROMIUM_CASES.map((each) => each.id)].indexOf(row.case);
  results.sort((a, b) => a.rows - b.rows || caseOrder(a) - caseOrder(b));
  mkdirSync('bench', { recursive: true });
  // A narrowed run must not overwrite the last whole one.
  const name = process.env.BENCH_SIZES || process.env.BENCH_CASES ? 'bench/results-partial' : 'bench/results';
  writeFileSync(`${name}.json`, `${JSON.stringify({ date: new Date().toISOString(), repeats: REPEATS, results, growth: growthOf(results) }, null, 2)}\n`);
  writeFileSync(`${name}.md`, markdown(results));
  process.stdout.write(`\n${markdown(results)}`);
}

/** Profiles one size's Chromium phases, both sides, without recording results (profiling slows the page). */
async function profile(rows: number): Promise<void> {
  const dir = await prepare(rows, false);
  try {
    const ours = await measureChromium('ours', join(dir, 'annex.json'), undefined, 'bench/profiles');
    await measureChromium('floor', join(dir, 'annex.json'), ours.geometry, 'bench/profiles');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, ...args] = process.argv.slice(2);
switch (mode) {
  case 'child':
    await child(args[0] as string, args[1] as 'ours' | 'floor', args[2] as string);
    break;
  case 'chromium': {
    const geometry = JSON.parse(args[2] as string) as Geometry | null;
    const sample = await measureChromium(args[0] as Side, join(args[1] as string, 'annex.json'), geometry ?? undefined);
    process.stdout.write(JSON.stringify(sample));
    break;
  }
  case 'profile':
    await profile(Number(args[0] ?? 10_000));
    break;
  case 'table':
    // The Markdown of a results file written before, as the run would have printed it.
    process.stdout.write(markdown((JSON.parse(readFileSync(args[0] ?? 'bench/results.json', 'utf8')) as { results: Row[] }).results));
    break;
  default:
    await parent();
}
