import * as fs from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  STALE_TEMP_AGE_MS,
  sweepStaleTemps,
  tempPathFor,
  writeFileAtomic,
  type AtomicWriteFs,
} from '../../../electron/files/atomic-write';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const text = (value: string) => new TextEncoder().encode(value);
const listing = async (dir: string): Promise<string[]> => (await fs.readdir(dir)).sort();

/** Makes a file look as if its writer was killed `ageMs` ago. */
async function leftover(path: string, content: string, ageMs: number): Promise<string> {
  await fs.writeFile(path, content);
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(path, when, when);
  return path;
}

describe('leftover temp files of a killed save', () => {
  it('are removed by the next save of that file, which then succeeds; nothing else in the folder is touched', async () => {
    const dir = await tempDir();
    const target = join(dir, 'annex.json');
    await fs.writeFile(target, 'current');
    await fs.writeFile(join(dir, 'annex.bak.json'), 'older');
    const old = STALE_TEMP_AGE_MS + 60_000;
    const stale = [await leftover(tempPathFor(target), 'half a sav', old), await leftover(tempPathFor(target), 'half a backup', old)];
    // Kept: a young temp (another instance may be saving right now), another file's temp, names that only
    // look alike, and a folder named like a temp file.
    const young = await leftover(tempPathFor(target), 'in flight', 1_000);
    const otherFiles = [
      await leftover(tempPathFor(join(dir, 'other.json')), 'x', old),
      await leftover(join(dir, '.annex.json.0123456789ab.tmp.keep'), 'x', old),
      await leftover(join(dir, '.annex.json.NOTHEXNOTHEX.tmp'), 'x', old),
      await leftover(join(dir, 'annex.json.tmp'), 'x', old),
    ];
    const folderLikeTemp = tempPathFor(target);
    await fs.mkdir(folderLikeTemp);

    const saved = await writeFileAtomic(target, text('new'), { backup: true });
    expect(saved.ok).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect(await fs.readFile(join(dir, 'annex.bak.json'), 'utf8')).toBe('current');
    const names = await listing(dir);
    for (const path of stale) expect(names).not.toContain(path.slice(dir.length + 1));
    for (const path of [young, ...otherFiles, folderLikeTemp]) expect(names).toContain(path.slice(dir.length + 1));
    expect(names).toHaveLength(2 + 1 + otherFiles.length + 1);
  });

  it('sweepStaleTemps reports what it removed and never the target or its backup', async () => {
    const dir = await tempDir();
    const target = join(dir, '取組事業一覧.xlsx');
    await fs.writeFile(target, 'PK');
    await fs.writeFile(join(dir, '取組事業一覧.bak.xlsx'), 'PK old');
    const stale = await leftover(tempPathFor(target), 'x', 5_000);
    expect(await sweepStaleTemps(target, { maxAgeMs: 60_000 })).toEqual([]);
    expect(await sweepStaleTemps(target, { maxAgeMs: 1_000 })).toEqual([stale]);
    expect(await listing(dir)).toEqual(['取組事業一覧.bak.xlsx', '取組事業一覧.xlsx']);
  });

  it('a folder that cannot be listed fails no save', async () => {
    const dir = await tempDir();
    const target = join(dir, 'annex.json');
    const real = fs as unknown as AtomicWriteFs;
    const unlistable: AtomicWriteFs = {
      ...real,
      readdir: () => Promise.reject(Object.assign(new Error('EACCES: simulated'), { code: 'EACCES' })),
    };
    expect((await writeFileAtomic(target, text('saved'), { backup: true, fs: unlistable })).ok).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('saved');
  });

  it('a long Japanese file name still leaves room for the temp suffix within 255 bytes', async () => {
    const dir = await tempDir();
    // 80 characters of 3 bytes: a valid name of 245 bytes; a temp named from all of it would not fit.
    const target = join(dir, `${'計画に基づく取組事業一覧'.repeat(7).slice(0, 80)}.json`);
    await fs.writeFile(target, 'old');
    const temp = tempPathFor(target);
    expect(Buffer.byteLength(temp.slice(dir.length + 1))).toBeLessThanOrEqual(255);
    expect((await writeFileAtomic(target, text('new'), { backup: false })).ok).toBe(true);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    // Its leftovers are recognised as its own too.
    const stale = await leftover(tempPathFor(target), 'x', STALE_TEMP_AGE_MS + 1_000);
    expect(await sweepStaleTemps(target)).toEqual([stale]);
  });
});
