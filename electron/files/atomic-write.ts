import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { err, ok, type Result } from '../../shared/result';
import { describeFsError, fsErrorCode } from './fs-error-message';

/** The slice of a file handle the writer needs; injectable so tests can make the disk fail on purpose. */
export interface AtomicFileHandle {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The slice of node:fs/promises the writer uses. */
export interface AtomicWriteFs {
  open(path: string, flags: string, mode?: number): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  stat(path: string): Promise<{ mode: number; isFile(): boolean }>;
  lstat(path: string): Promise<{ mtimeMs: number; isFile(): boolean }>;
  readdir(path: string): Promise<string[]>;
  realpath(path: string): Promise<string>;
  rm(path: string, options: { force: boolean }): Promise<void>;
}

export interface AtomicWriteOptions {
  /** Keep the replaced version as `<name>.bak<ext>` next to the file. */
  readonly backup: boolean;
  readonly fs?: AtomicWriteFs;
  readonly platform?: NodeJS.Platform;
  /** Waits between rename attempts when Windows reports the target busy. */
  readonly renameRetryDelaysMs?: readonly number[];
}

export interface AtomicWriteOutcome {
  /** Where the previous version was kept, if there was one and a backup was asked for. */
  readonly backupPath: string | null;
}

export interface AtomicWriteFailure {
  /** The errno code ('ENOSPC', 'EACCES', …) or 'UNKNOWN'. */
  readonly code: string;
  /** Japanese, naming the file. */
  readonly message: string;
}

const DEFAULT_RETRY_DELAYS_MS = [50, 100, 200, 400] as const;
// Antivirus scanners, Explorer previews and Excel hold files briefly on Windows; rename then fails.
const WINDOWS_TRANSIENT_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** `annex.xlsx` → `annex.bak.xlsx`; `annex` → `annex.bak`. */
export function backupPathFor(path: string): string {
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}.bak${ext}`;
}

const TEMP_STEM_MAX_BYTES = 200;

// Linux and macOS limit a name to 255 bytes (a Japanese character is 3 in UTF-8): the temp name's stem is
// cut to 200 bytes, on a character boundary, so the suffix always fits.
function tempStem(path: string): string {
  let stem = '';
  let bytes = 0;
  for (const char of basename(path)) {
    bytes += Buffer.byteLength(char);
    if (bytes > TEMP_STEM_MAX_BYTES) break;
    stem += char;
  }
  return stem;
}

/** A fresh name in the target's own folder, so the final rename never crosses filesystems. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${tempStem(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * A temp file untouched for this long is a leftover of a save that was killed: a live save renames its
 * temp within seconds, and a younger one may belong to another instance saving the same file right now.
 */
export const STALE_TEMP_AGE_MS = 10 * 60 * 1000;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Exactly the names tempPathFor gives `path`, so no other file in the folder can match. */
function tempNamePattern(path: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(tempStem(path))}\\.[0-9a-f]{12}\\.tmp$`);
}

/**
 * Removes the temp files a killed save of `path` left beside it (they would otherwise pile up and fill a
 * nearly full disk). Never touches `path`, its backup, or anything not named like our own temp files.
 * Returns the paths removed.
 */
export async function sweepStaleTemps(
  path: string,
  options: { readonly fs?: AtomicWriteFs; readonly maxAgeMs?: number } = {},
): Promise<string[]> {
  const fs = options.fs ?? (nodeFs as unknown as AtomicWriteFs);
  const cutoff = Date.now() - (options.maxAgeMs ?? STALE_TEMP_AGE_MS);
  const pattern = tempNamePattern(path);
  const removed: string[] = [];
  for (const name of await fs.readdir(dirname(path))) {
    if (!pattern.test(name)) continue;
    const leftover = join(dirname(path), name);
    const info = await fs.lstat(leftover).catch(() => null);
    if (!info?.isFile() || info.mtimeMs > cutoff) continue;
    await fs.rm(leftover, { force: true });
    removed.push(leftover);
  }
  return removed;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function statOrNull(fs: AtomicWriteFs, path: string): Promise<{ mode: number; isFile(): boolean } | null> {
  try {
    return await fs.stat(path);
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

// Closes even when writing failed, without letting a close error hide the first one.
async function writeAndSync(handle: AtomicFileHandle, bytes: Uint8Array | null): Promise<void> {
  try {
    if (bytes) await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

async function renameWithRetry(
  fs: AtomicWriteFs,
  from: string,
  to: string,
  platform: NodeJS.Platform,
  delays: readonly number[],
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const wait = delays[attempt];
      if (platform !== 'win32' || wait === undefined || !WINDOWS_TRANSIENT_CODES.has(fsErrorCode(error))) throw error;
      await delay(wait);
    }
  }
}

async function syncFolder(fs: AtomicWriteFs, folder: string, platform: NodeJS.Platform): Promise<void> {
  // Windows cannot open a folder as a file; NTFS journals the rename itself.
  if (platform === 'win32') return;
  try {
    await writeAndSync(await fs.open(folder, 'r'), null);
  } catch {
    // Some filesystems refuse to fsync a folder; the new file is already in place, so this is no failure.
  }
}

/**
 * Replaces `path` with `bytes` so that a crash or power cut at any moment leaves either the old or the
 * new content, never a mix: temp file in the same folder → fsync → rename over the target → fsync folder.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions,
): Promise<Result<AtomicWriteOutcome, AtomicWriteFailure>> {
  const fs = options.fs ?? (nodeFs as unknown as AtomicWriteFs);
  const platform = options.platform ?? process.platform;
  const delays = options.renameRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const pendingTemps = new Set<string>();
  // The file named in an error message: the backup while the backup is being written.
  let subject = path;
  try {
    const existing = await statOrNull(fs, path);
    if (existing && !existing.isFile()) {
      return err({ code: 'EISDIR', message: describeFsError({ code: 'EISDIR' }, path, 'write') });
    }
    // Through a symbolic link, replace the file it points to and keep the link.
    const target = existing ? await fs.realpath(path) : path;
    // Before writing, so space a killed save left taken is free again; a failed sweep fails no save.
    await sweepStaleTemps(target, { fs }).catch(() => undefined);

    const temp = tempPathFor(target);
    pendingTemps.add(temp);
    // Keep the replaced file's permission bits (masked by umask) rather than the default 0o666.
    await writeAndSync(await fs.open(temp, 'wx', existing ? existing.mode & 0o777 : 0o666), bytes);

    let backupPath: string | null = null;
    if (options.backup && existing) {
      subject = backupPathFor(target);
      const tempBackup = tempPathFor(target);
      pendingTemps.add(tempBackup);
      await fs.copyFile(target, tempBackup);
      await writeAndSync(await fs.open(tempBackup, 'r+'), null);
      await renameWithRetry(fs, tempBackup, subject, platform, delays);
      pendingTemps.delete(tempBackup);
      backupPath = subject;
      subject = path;
    }

    await renameWithRetry(fs, temp, target, platform, delays);
    pendingTemps.delete(temp);
    await syncFolder(fs, dirname(target), platform);
    return ok({ backupPath });
  } catch (error) {
    await Promise.all([...pendingTemps].map((temp) => fs.rm(temp, { force: true }).catch(() => undefined)));
    return err({ code: fsErrorCode(error), message: describeFsError(error, subject, 'write') });
  }
}
