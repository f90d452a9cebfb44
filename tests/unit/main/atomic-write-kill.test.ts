import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/paths';

const KILLS = 50;
const fixture = resolve(import.meta.dirname, 'fixtures/atomic-writer.mjs');

let work: string;
let moduleUrl: string;

/** A large JSON document whose every byte depends on `label`, so any mix of A and B fails to compare. */
function bigDocument(label: string, rows: number): string {
  const body = Array.from({ length: rows }, (_, index) => ({
    id: `${label}-${index}`,
    title: `${label} の取組 ${index}`,
    summary: `地域の見守り活動（${label}）を進めます。`.repeat(4),
  }));
  return JSON.stringify({ label, rows: body });
}

// Deterministic, so a failing run can be repeated with the seed it prints.
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function waitForMessage(child: ChildProcess, type: string): Promise<void> {
  return new Promise((resolveReady, reject) => {
    child.on('message', (message: { type: string; error?: unknown }) => {
      if (message.type === type) resolveReady();
      if (message.type === 'failed') reject(new Error(`writer failed: ${JSON.stringify(message.error)}`));
    });
    child.once('exit', (code) => reject(new Error(`writer exited early with ${String(code)}`)));
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'annex-kill-'));
  // The child runs plain Node: bundle the real module (TypeScript and its shared/ imports) with Vite.
  await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    build: {
      ssr: resolve(projectRoot, 'electron/files/atomic-write.ts'),
      outDir: join(work, 'bundle'),
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: 'atomic-write.mjs' } },
    },
  });
  moduleUrl = pathToFileURL(join(work, 'bundle/atomic-write.mjs')).href;
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('writeFileAtomic under SIGKILL', () => {
  it(`leaves the file and its backup whole, as exactly A or B, after ${KILLS} kills at random moments`, async () => {
    const seed = Number(process.env['ANNEX_KILL_SEED'] ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const folder = join(work, 'docs');
    await rm(folder, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(folder));
    const target = join(folder, 'annex.json');
    const backup = join(folder, 'annex.bak.json');
    const documentA = bigDocument('A', 12_000);
    const documentB = bigDocument('B', 20_000);
    const pathA = join(work, 'a.json');
    const pathB = join(work, 'b.json');
    await writeFile(pathA, documentA);
    await writeFile(pathB, documentB);
    expect(Buffer.byteLength(documentA)).toBeGreaterThan(2_000_000);

    // The target exists from the start, as an annex being edited would.
    const { writeFileAtomic } = (await import(moduleUrl)) as typeof import('../../../electron/files/atomic-write');
    const started = performance.now();
    expect((await writeFileAtomic(target, new TextEncoder().encode(documentA), { backup: true })).ok).toBe(true);
    const oneWriteMs = Math.max(5, performance.now() - started);

    const seen = { A: 0, B: 0, backups: 0 };
    for (let kill = 0; kill < KILLS; kill += 1) {
      const child = fork(fixture, [moduleUrl, target, pathA, pathB], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      await waitForMessage(child, 'ready');
      // Anywhere within a few writes: inside the temp write, the fsync, the backup copy, or a rename.
      await new Promise((wait) => setTimeout(wait, random() * oneWriteMs * 4));
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');

      const context = `kill ${kill + 1}/${KILLS}, seed ${seed}`;
      const content = await readFile(target, 'utf8');
      expect([documentA, documentB].includes(content), `annex.json is torn (${context})`).toBe(true);
      seen[content === documentA ? 'A' : 'B'] += 1;
      const backupContent = await readFile(backup, 'utf8').catch(() => null);
      if (backupContent !== null) {
        expect([documentA, documentB].includes(backupContent), `annex.bak.json is torn (${context})`).toBe(true);
        seen.backups += 1;
      }
      expect(JSON.parse(content)).toHaveProperty('label');
    }

    const leftovers = (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
    // Only temp files, the target and its backup: a kill never leaves a half-named or extra file.
    expect((await readdir(folder)).filter((name) => !name.endsWith('.tmp')).sort()).toEqual(['annex.bak.json', 'annex.json']);
    // Temp files left behind prove kills landed mid-write, not only between writes.
    expect(leftovers.length, `seed ${seed}`).toBeGreaterThan(0);
    expect(seen.A + seen.B).toBe(KILLS);
    console.info(`kill test (seed ${seed}): ${seen.A}×A, ${seen.B}×B, ${leftovers.length} temp files left mid-write`);
  }, 180_000);
});
