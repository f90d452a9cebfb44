import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { fsErrorCode } from './fs-error-message';

/** What a file held when this session last read or wrote it. */
export interface FileFingerprint {
  readonly mtimeMs: number;
  readonly size: number;
  readonly sha256: string;
}

export type DiskComparison = 'unchanged' | 'changed' | 'missing';

export function fingerprintOf(bytes: Uint8Array, mtimeMs: number): FileFingerprint {
  return { mtimeMs, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Whether the file still is what the page opened (modification time `expectedMtimeMs`). The time alone misses
 * a change that keeps it (a copy that preserves times, a coarse clock on a network share), so when this
 * session knows the content it had at that time, the size and content are compared too.
 */
export async function compareWithDisk(
  path: string,
  expectedMtimeMs: number,
  known: FileFingerprint | undefined,
): Promise<DiskComparison> {
  let info: { mtimeMs: number; size: number };
  try {
    info = await stat(path);
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  if (info.mtimeMs !== expectedMtimeMs) return 'changed';
  if (!known || known.mtimeMs !== expectedMtimeMs) return 'unchanged';
  if (info.size !== known.size) return 'changed';
  try {
    return fingerprintOf(await readFile(path), info.mtimeMs).sha256 === known.sha256 ? 'unchanged' : 'changed';
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
}
