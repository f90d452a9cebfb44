import * as fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupPathFor,
  tempPathFor,
  writeFileAtomic,
  type AtomicFileHandle,
  type AtomicWriteFs,
} from '../../../electron/files/atomic-write';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const text = (value: string) => new TextEncoder().encode(value);
const fsError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Real node:fs with one step made to fail, as a full disk or a locked file would. */
function failingFs(step: 'write' | 'sync' | 'copyFile' | 'rename-backup' | 'rename-target', code: string): AtomicWriteFs {
  const real = fs as unknown as AtomicWriteFs;
  return {
    ...real,
    open: async (path, flags, mode) => {
      const handle = (await fs.open(path, flags, mode)) as unknown as AtomicFileHandle;
      return {
        writeFile: (data) => (step === 'write' ? Promise.reject(fsError(code)) : handle.writeFile(data)),
        sync: () => (step === 'sync' && flags === 'wx' ? Promise.reject(fsError(code)) : handle.sync()),
        close: () => handle.close(),
      };
    },
    copyFile: (from, to) => (step === 'copyFile' ? Promise.reject(fsError(code)) : real.copyFile(from, to)),
    rename: (from, to) => {
      if (step === 'rename-backup' && to.includes('.bak')) return Promise.reject(fsError(code));
      if (step === 'rename-target' && !to.includes('.bak')) return Promise.reject(fsError(code));
      return real.rename(from, to);
    },
  };
}

async function listing(dir: string): Promise<string[]> {
  return (await fs.readdir(dir)).sort();
}

describe('writeFileAtomic', () => {
  it('creates a new file with no backup and no temp file left', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.xlsx');
    const result = await writeFileAtomic(path, text('A'), { backup: true });
    expect(result).toEqual({ ok: true, value: { backupPath: null } });
    expect(await fs.readFile(path, 'utf8')).toBe('A');
    expect(await listing(dir)).toEqual(['annex.xlsx']);
  });

  it('replaces the file and keeps the previous version as <name>.bak<ext>', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.xlsx');
    await writeFileAtomic(path, text('first'), { backup: true });
    const second = await writeFileAtomic(path, text('second'), { backup: true });
    expect(second).toEqual({ ok: true, value: { backupPath: join(dir, 'annex.bak.xlsx') } });
    expect(await fs.readFile(path, 'utf8')).toBe('second');
    expect(await fs.readFile(join(dir, 'annex.bak.xlsx'), 'utf8')).toBe('first');

    await writeFileAtomic(path, text('third'), { backup: true });
    expect(await fs.readFile(path, 'utf8')).toBe('third');
    expect(await fs.readFile(join(dir, 'annex.bak.xlsx'), 'utf8')).toBe('second');
    expect(await listing(dir)).toEqual(['annex.bak.xlsx', 'annex.xlsx']);
  });

  it('writes no backup when none is asked for', async () => {
    const dir = await tempDir();
    const path = join(dir, 'export.json');
    await writeFileAtomic(path, text('1'), { backup: false });
    await writeFileAtomic(path, text('2'), { backup: false });
    expect(await listing(dir)).toEqual(['export.json']);
    expect(await fs.readFile(path, 'utf8')).toBe('2');
  });

  it('names backups and temp files beside the target', () => {
    expect(backupPathFor('/d/annex.xlsx')).toBe('/d/annex.bak.xlsx');
    expect(backupPathFor('/d/annex')).toBe('/d/annex.bak');
    expect(backupPathFor('/d/my.annex.json')).toBe('/d/my.annex.bak.json');
    const temp = tempPathFor('/d/annex.xlsx');
    expect(temp).toMatch(/^\/d\/\.annex\.xlsx\.[0-9a-f]{12}\.tmp$/);
    expect(tempPathFor('/d/annex.xlsx')).not.toBe(temp);
    expect(tempPathFor(`/d/${'長'.repeat(250)}.json`).split('/').pop()?.length).toBeLessThan(160);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.json');
    await fs.writeFile(path, 'old');
    await fs.chmod(path, 0o640);
    await writeFileAtomic(path, text('new'), { backup: false });
    expect((await fs.stat(path)).mode & 0o777).toBe(0o640);
  });

  it('replaces the file a symbolic link points to and keeps the link', async () => {
    const dir = await tempDir();
    const real = join(dir, 'real.json');
    const link = join(dir, 'link.json');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    expect((await writeFileAtomic(link, text('new'), { backup: true })).ok).toBe(true);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
    expect(await fs.readFile(join(dir, 'real.bak.json'), 'utf8')).toBe('old');
  });

  it.each([
    ['write', 'ENOSPC', 'ディスクの空き容量が足りません'],
    ['sync', 'EIO', 'ディスクの読み書きでエラーが発生しました'],
    ['copyFile', 'ENOSPC', 'ディスクの空き容量が足りません'],
    ['rename-backup', 'EACCES', '書き込む権限がありません'],
    ['rename-target', 'EPERM', '書き込む権限がありません'],
    ['rename-target', 'EROFS', '書き込む権限がありません'],
  ] as const)('a %s failure (%s) leaves the file as it was and loses no version', async (step, code, reason) => {
    const dir = await tempDir();
    const path = join(dir, 'annex.xlsx');
    await fs.writeFile(path, 'current');
    await fs.writeFile(join(dir, 'annex.bak.xlsx'), 'older');

    const result = await writeFileAtomic(path, text('new'), { backup: true, fs: failingFs(step, code), platform: 'linux' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(reason);
    // The message names the file being written: the backup during the backup step, else the annex.
    const backupStep = step === 'copyFile' || step === 'rename-backup';
    expect(result.error.message).toMatch(backupStep ? /^「annex\.bak\.xlsx」を保存できません：/ : /^「annex\.xlsx」を保存できません：/);
    expect(await fs.readFile(path, 'utf8')).toBe('current');
    // Only once the backup was complete may it hold the current (untouched) version.
    expect(await fs.readFile(join(dir, 'annex.bak.xlsx'), 'utf8')).toBe(step === 'rename-target' ? 'current' : 'older');
    // No temp file is left behind.
    expect(await listing(dir)).toEqual(['annex.bak.xlsx', 'annex.xlsx']);
  });

  it('fails with a Japanese message, creating nothing, when the folder has vanished', async () => {
    const dir = await tempDir();
    const folder = join(dir, 'gone');
    await fs.mkdir(folder);
    await fs.rmdir(folder);
    const path = join(folder, 'annex.json');
    const result = await writeFileAtomic(path, text('x'), { backup: true });
    expect(result).toEqual({
      ok: false,
      error: { code: 'ENOENT', message: `「annex.json」を保存できません：保存先のフォルダーが見つかりません。（${path}）` },
    });
    expect(existsSync(folder)).toBe(false);
  });

  it('refuses to replace a folder', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.json');
    await fs.mkdir(path);
    const result = await writeFileAtomic(path, text('x'), { backup: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('フォルダーが指定されています');
    expect((await fs.stat(path)).isDirectory()).toBe(true);
  });

  it('on Windows retries a rename that another program briefly blocks', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.json');
    await fs.writeFile(path, 'old');
    let refusals = 0;
    const real = fs as unknown as AtomicWriteFs;
    const flaky: AtomicWriteFs = {
      ...real,
      rename: (from, to) => {
        if (to === path && refusals < 2) {
          refusals += 1;
          return Promise.reject(fsError('EPERM'));
        }
        return real.rename(from, to);
      },
    };
    const result = await writeFileAtomic(path, text('new'), {
      backup: false,
      fs: flaky,
      platform: 'win32',
      renameRetryDelaysMs: [1, 1, 1],
    });
    expect(result.ok).toBe(true);
    expect(refusals).toBe(2);
    expect(await fs.readFile(path, 'utf8')).toBe('new');
  });

  it('gives up after the retries when the file stays locked, leaving it untouched', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.json');
    await fs.writeFile(path, 'old');
    let attempts = 0;
    const real = fs as unknown as AtomicWriteFs;
    const locked: AtomicWriteFs = {
      ...real,
      rename: (from, to) => {
        if (to !== path) return real.rename(from, to);
        attempts += 1;
        return Promise.reject(fsError('EBUSY'));
      },
    };
    const result = await writeFileAtomic(path, text('new'), {
      backup: false,
      fs: locked,
      platform: 'win32',
      renameRetryDelaysMs: [1, 1, 1],
    });
    expect(attempts).toBe(4);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('ほかのアプリがファイルを使用しています');
    expect(await fs.readFile(path, 'utf8')).toBe('old');
    expect(await listing(dir)).toEqual(['annex.json']);
  });

  it('does not retry outside Windows, where EACCES is final', async () => {
    const dir = await tempDir();
    const path = join(dir, 'annex.json');
    let attempts = 0;
    const real = fs as unknown as AtomicWriteFs;
    const denied: AtomicWriteFs = {
      ...real,
      rename: () => {
        attempts += 1;
        return Promise.reject(fsError('EACCES'));
      },
    };
    const result = await writeFileAtomic(path, text('new'), { backup: false, fs: denied, platform: 'linux' });
    expect(attempts).toBe(1);
    expect(result.ok).toBe(false);
  });
});
