import { fork, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { readDocumentBytes } from '../../../shared/codec/document-formats';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { bundleForChild } from './bundle-for-child';
import { mulberry32 } from '../support/seeded-random';

// Hundreds of kills; ANNEX_KILLS raises it for a soak run, ANNEX_KILL_SEED repeats a failing run.
const KILLS = Number(process.env['ANNEX_KILLS'] ?? 300);
// Writers started ahead of their turn, so Node's start-up overlaps the previous writer's run.
const WARM_WRITERS = 3;
const fixture = resolve(import.meta.dirname, 'fixtures/atomic-writer.mjs');

type AtomicWriteModule = typeof import('../../../electron/files/atomic-write');

let work: string;
let moduleUrl: string;


/** Two real annexes that differ in every city row and in length, so any mix of them is neither. */
function twoVersions(): { readonly A: AnnexDocument; readonly B: AnnexDocument } {
  const A = builtinAnnex();
  const rows = A.tables.city.rows.slice(1).map((row) => ({ ...row, summary: `${row.summary}令和７年度から拡充します。` }));
  return { A, B: { ...A, tables: { ...A.tables, city: { ...A.tables.city, rows } } } };
}

interface Writer {
  readonly child: ChildProcess;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;
  /** Set when the writer reported a failed save (nothing but a kill may stop it). */
  failure: unknown;
}

function startWriter(target: string, pathA: string, pathB: string): Writer {
  const child = fork(fixture, [moduleUrl, target, pathA, pathB], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  const writer: Writer = {
    child,
    exited,
    failure: undefined,
    ready: new Promise<void>((resolveReady, reject) => {
      child.on('message', (message: { type: string; error?: unknown }) => {
        if (message.type === 'ready') resolveReady();
        if (message.type === 'failed') writer.failure = message.error;
      });
      void exited.then(() => reject(new Error(`writer exited before it was ready (${String(child.exitCode)})`)));
    }),
  };
  // Only a writer that never got its turn is left to reject; that is not this test's failure.
  writer.ready.catch(() => undefined);
  return writer;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'annex-kill-'));
  // The child runs plain Node: the real module, bundled.
  moduleUrl = await bundleForChild('electron/files/atomic-write.ts', join(work, 'bundle'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('writeFileAtomic under SIGKILL', () => {
  it(`after ${KILLS} kills at random moments the file and its backup each open as A or B, the backup being the previous version`, async () => {
    const seed = Number(process.env['ANNEX_KILL_SEED'] ?? Date.now() % 1_000_000);
    const random = mulberry32(seed);
    const folder = join(work, 'docs');
    await mkdir(folder);
    const target = join(folder, 'annex.json');
    const backup = join(folder, 'annex.bak.json');
    const versions = twoVersions();
    const bytes = { A: Buffer.from(stringifyAnnexJson(versions.A)), B: Buffer.from(stringifyAnnexJson(versions.B)) };
    expect(bytes.A.equals(bytes.B)).toBe(false);
    const pathA = join(work, 'a.json');
    const pathB = join(work, 'b.json');
    await writeFile(pathA, bytes.A);
    await writeFile(pathB, bytes.B);

    // The reader is deterministic: bytes equal to A's open as A's document, which is checked once here.
    for (const which of ['A', 'B'] as const) {
      const read = readDocumentBytes(bytes[which], { fileName: 'annex.json' });
      expect(read.ok && read.value.document).toEqual(versions[which]);
    }
    /** Which version the bytes are, after checking they open through the app's own reader. */
    const openAs = (content: Buffer, name: string, context: string): 'A' | 'B' => {
      const which = content.equals(bytes.A) ? 'A' : content.equals(bytes.B) ? 'B' : null;
      expect(which, `${name} is neither A nor B: torn or mixed (${context})`).not.toBeNull();
      const read = readDocumentBytes(content, { fileName: name });
      expect(read.ok, `${name} does not open (${context}): ${read.ok ? '' : read.error.join(' / ')}`).toBe(true);
      return which ?? 'A';
    };

    // As an annex being edited: saved twice, so the file is B and its backup A before the first kill.
    const { writeFileAtomic } = (await import(moduleUrl)) as AtomicWriteModule;
    expect((await writeFileAtomic(target, bytes.A, { backup: true })).ok).toBe(true);
    const started = performance.now();
    expect((await writeFileAtomic(target, bytes.B, { backup: true })).ok).toBe(true);
    // Kills land anywhere within about three saves: the temp write, an fsync, the backup copy, a rename.
    const windowMs = Math.max(5, performance.now() - started) * 3;

    const seen = { A: 0, B: 0, backupIsPrevious: 0, backupIsCurrent: 0 };
    const pool = Array.from({ length: WARM_WRITERS }, () => startWriter(target, pathA, pathB));
    const loopStarted = performance.now();
    try {
      for (let kill = 1; kill <= KILLS; kill += 1) {
        const writer = pool.shift() as Writer;
        pool.push(startWriter(target, pathA, pathB));
        await writer.ready;
        writer.child.send('go');
        await new Promise((wait) => setTimeout(wait, random() * windowMs));
        writer.child.kill('SIGKILL');
        await writer.exited;

        const context = `kill ${kill}/${KILLS}, seed ${seed}`;
        expect(writer.failure, `the writer reported a failed save (${context})`).toBeUndefined();
        const current = openAs(await readFile(target), 'annex.json', context);
        const previous = openAs(await readFile(backup), 'annex.bak.json', context);
        seen[current] += 1;
        // The backup is the version the last completed save replaced; or, killed between writing the
        // backup and renaming the new file in, a copy of the file as it still is. Never anything older.
        if (previous === current) seen.backupIsCurrent += 1;
        else seen.backupIsPrevious += 1;
      }
    } finally {
      for (const writer of pool) writer.child.kill('SIGKILL');
      await Promise.all(pool.map((writer) => writer.exited));
    }
    const loopMs = performance.now() - loopStarted;

    const names = await readdir(folder);
    const leftovers = names.filter((name) => name.endsWith('.tmp'));
    // Only temp files besides the file and its backup: a kill never leaves a half-named or extra file.
    expect(names.filter((name) => !name.endsWith('.tmp')).sort()).toEqual(['annex.bak.json', 'annex.json']);
    // Temp files left behind prove kills landed mid-write, not only between saves.
    expect(leftovers.length, `seed ${seed}`).toBeGreaterThan(0);
    // Both versions were found in place: saves completed between kills, and kills landed around them.
    expect(seen.A, `seed ${seed}`).toBeGreaterThan(0);
    expect(seen.B, `seed ${seed}`).toBeGreaterThan(0);

    // The next save, once the leftovers are old enough to be surely dead, sweeps them and succeeds.
    const old = new Date(Date.now() - 60 * 60 * 1000);
    await Promise.all(leftovers.map((name) => utimes(join(folder, name), old, old)));
    const before = openAs(await readFile(target), 'annex.json', 'after the kills');
    const next = before === 'A' ? 'B' : 'A';
    expect((await writeFileAtomic(target, bytes[next], { backup: true })).ok).toBe(true);
    expect((await readdir(folder)).sort()).toEqual(['annex.bak.json', 'annex.json']);
    expect(openAs(await readFile(target), 'annex.json', 'after the sweep')).toBe(next);
    expect(openAs(await readFile(backup), 'annex.bak.json', 'after the sweep')).toBe(before);

    console.info(
      `kill test (seed ${seed}): ${KILLS} kills in ${(loopMs / 1000).toFixed(1)} s; file ${seen.A}×A ${seen.B}×B; ` +
        `backup the previous version ${seen.backupIsPrevious}×, a copy of the current ${seen.backupIsCurrent}×; ` +
        `${leftovers.length} temp files left mid-write, swept by the next save`,
    );
  }, 300_000);
});
