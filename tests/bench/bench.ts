import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { parseAnnexJson, stringifyAnnexJson } from '../../shared/codec/annex-json';
import { writeAnnexWorkbook } from '../../shared/excel/write-annex-workbook';
import { CASES, type CaseInput } from './cases';
import { generateAnnex } from './generate-annex';

/**
 * `npm run bench`: every case at every size, each figure beside a floor measured in the same run, in a fresh
 * child process per measurement so its peak memory is its own. Writes bench/results.json and bench/results.md.
 */
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,10000,50000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const self = process.argv[1] as string;

interface Measurement {
  readonly medianMs: number;
  readonly maxRssMb: number;
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

/** Child: run one side of one case REPEATS times after a warm-up and print the median and the peak memory. */
async function child(caseId: string, side: 'ours' | 'floor', dir: string): Promise<void> {
  const input = loadInput(dir);
  const bench = CASES.find((candidate) => candidate.id === caseId);
  if (!bench) throw new Error(`unknown case ${caseId}`);
  const run = bench[side];
  await run(input);
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await run(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const measurement: Measurement = {
    medianMs: times[Math.floor(times.length / 2)] as number,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

async function prepare(rows: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), `annex-bench-${rows}-`));
  const document = generateAnnex(rows);
  const xlsx = await writeAnnexWorkbook(document);
  const workbook = XLSX.read(xlsx, { type: 'array' });
  const cells = Object.fromEntries(
    workbook.SheetNames.map((name) => [name, XLSX.utils.sheet_to_json(workbook.Sheets[name] as XLSX.WorkSheet, { header: 1, defval: null })]),
  );
  writeFileSync(join(dir, 'annex.json'), stringifyAnnexJson(document));
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

interface Row {
  readonly case: string;
  readonly label: string;
  readonly rows: number;
  readonly ours: Measurement;
  readonly floor: Measurement;
  readonly ratio: number;
  readonly target: number | null;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function markdown(results: readonly Row[]): string {
  const lines = [
    '| case | rows | ours ms | floor ms | ratio | target | ours peak MB | floor peak MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of results) {
    const target = row.target === null ? '—' : `≤ ${row.target}×`;
    const verdict = row.target !== null && row.ratio > row.target ? ' ✗' : '';
    lines.push(
      `| ${row.case} | ${row.rows.toLocaleString('en-US')} | ${round(row.ours.medianMs)} | ${round(row.floor.medianMs)} | ${round(row.ratio)}${verdict} | ${target} | ${Math.round(row.ours.maxRssMb)} | ${Math.round(row.floor.maxRssMb)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function parent(): Promise<void> {
  const results: Row[] = [];
  const only = process.env.BENCH_CASES?.split(',');
  for (const rows of SIZES) {
    const dir = await prepare(rows);
    for (const bench of CASES.filter((candidate) => !only || only.includes(candidate.id))) {
      const floor = measure(bench.id, 'floor', dir);
      const ours = measure(bench.id, 'ours', dir);
      const row: Row = {
        case: bench.id,
        label: bench.label,
        rows,
        ours,
        floor,
        ratio: ours.medianMs / Math.max(floor.medianMs, 1e-3),
        target: Number.isNaN(bench.target) ? null : bench.target,
      };
      results.push(row);
      process.stdout.write(`${bench.id} ${rows}: ours ${round(ours.medianMs)} ms / floor ${round(floor.medianMs)} ms = ${round(row.ratio)}× (${Math.round(ours.maxRssMb)} MB)\n`);
    }
  }
  mkdirSync('bench', { recursive: true });
  writeFileSync('bench/results.json', `${JSON.stringify({ date: new Date().toISOString(), repeats: REPEATS, results }, null, 2)}\n`);
  writeFileSync('bench/results.md', markdown(results));
  process.stdout.write(`\n${markdown(results)}`);
}

const [mode, caseId, side, dir] = process.argv.slice(2);
await (mode === 'child' ? child(caseId as string, side as 'ours' | 'floor', dir as string) : parent());
