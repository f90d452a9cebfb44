import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AtomicFileHandle, AtomicWriteFs, AtomicWriteOptions } from '../../../electron/files/atomic-write';

const run = promisify(execFile);
const PAGE = 4096;

/**
 * A folder on a disk of a given size that can fill up or turn read-only: a real tmpfs mount where the
 * test may mount (root with CAP_SYS_ADMIN), else the same behaviour through atomic-write's fs seam.
 */
export interface SmallDisk {
  readonly kind: 'tmpfs' | 'simulated';
  /** A folder on the disk. */
  readonly folder: string;
  /** What the app's writers are given: nothing for the real disk, the failing fs for the simulated one. */
  readonly writeOptions: Omit<AtomicWriteOptions, 'backup'>;
  resize(bytes: number): Promise<void>;
  setReadOnly(readOnly: boolean): Promise<void>;
  close(): Promise<void>;
}

const fsError = (code: string, path: string) => Object.assign(new Error(`${code}: simulated, ${path}`), { code });

// tmpfs counts whole pages of file data; so does the simulation.
const pages = (bytes: number): number => Math.ceil(bytes / PAGE) * PAGE;

async function usedBytes(folder: string, except?: string): Promise<number> {
  let used = 0;
  for (const entry of await fs.readdir(folder, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() && path !== except) used += pages((await fs.stat(path)).size);
  }
  return used;
}

async function mountTmpfs(folder: string, bytes: number): Promise<boolean> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', folder]);
    return true;
  } catch {
    return false;
  }
}

function simulatedFs(root: string, state: { capacity: number; readOnly: boolean }): AtomicWriteFs {
  const real = fs as unknown as AtomicWriteFs;
  const refuseIfReadOnly = (path: string): void => {
    if (state.readOnly) throw fsError('EROFS', path);
  };
  const reserve = async (path: string, bytes: number): Promise<void> => {
    if ((await usedBytes(root, path)) + pages(bytes) > state.capacity) throw fsError('ENOSPC', path);
  };
  return {
    ...real,
    open: async (path, flags, mode) => {
      if (flags !== 'r') refuseIfReadOnly(path);
      const handle = (await fs.open(path, flags, mode)) as unknown as AtomicFileHandle;
      return {
        writeFile: async (data) => {
          await reserve(path, data.byteLength);
          await handle.writeFile(data);
        },
        sync: () => handle.sync(),
        close: () => handle.close(),
      };
    },
    copyFile: async (from, to) => {
      refuseIfReadOnly(to);
      await reserve(to, (await fs.stat(from)).size);
      await real.copyFile(from, to);
    },
    rename: async (from, to) => {
      refuseIfReadOnly(to);
      await real.rename(from, to);
    },
    rm: async (path, options) => {
      refuseIfReadOnly(path);
      await real.rm(path, options);
    },
  };
}

/** A fresh small disk; `close()` unmounts and removes it. ANNEX_SMALL_DISK=simulated forces the seam. */
export async function openSmallDisk(bytes: number): Promise<SmallDisk> {
  const mountPoint = await fs.mkdtemp(join(tmpdir(), 'annex-disk-'));
  if (process.env['ANNEX_SMALL_DISK'] !== 'simulated' && (await mountTmpfs(mountPoint, bytes))) {
    const folder = join(mountPoint, '共有フォルダー');
    await fs.mkdir(folder);
    const remount = (options: string) => run('mount', ['-o', `remount,${options}`, mountPoint]).then(() => undefined);
    return {
      kind: 'tmpfs',
      folder,
      writeOptions: {},
      resize: (size) => remount(`size=${size}`),
      setReadOnly: (readOnly) => remount(readOnly ? 'ro' : 'rw'),
      async close() {
        await run('umount', [mountPoint]).catch(() => run('umount', ['-l', mountPoint]));
        await fs.rm(mountPoint, { recursive: true, force: true });
      },
    };
  }
  const folder = join(mountPoint, '共有フォルダー');
  await fs.mkdir(folder);
  const state = { capacity: bytes, readOnly: false };
  return {
    kind: 'simulated',
    folder,
    writeOptions: { fs: simulatedFs(mountPoint, state) },
    resize: async (size) => {
      state.capacity = size;
    },
    setReadOnly: async (readOnly) => {
      state.readOnly = readOnly;
    },
    close: () => fs.rm(mountPoint, { recursive: true, force: true }),
  };
}
