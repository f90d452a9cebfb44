import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { SubmissionFileBytes, UnreadFile } from '../../shared/ipc/contract';
import { emptyFolderReason, isHiddenName, isSubmissionName, notSubmissionReason, overTotalReason, tooLargeReason } from '../../shared/ipc/submission-names';
import { describeFsError } from '../files/fs-error-message';

/**
 * The bytes of returned files the user pointed at: files as they are, a folder as the spreadsheets directly in it.
 * Nothing is parsed here (the page's worker does that); a file that is not read is listed with the reason.
 */

export interface ReadLimits {
  readonly maxFileBytes: number;
  readonly maxTotalBytes: number;
}

export interface ReadSubmissions {
  readonly files: SubmissionFileBytes[];
  readonly unread: UnreadFile[];
}

/** The spreadsheets directly in a folder (not its subfolders, not hidden files), in name order as `annex merge` takes them. */
async function folderFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && !isHiddenName(entry.name) && isSubmissionName(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(folder, name));
}

/** Each path as the files it stands for, or the reason it stands for none. */
async function expand(path: string): Promise<{ files: string[] } | { unread: UnreadFile }> {
  const name = basename(path);
  const unread = (reason: string) => ({ unread: { path, name, reason } });
  if (!isAbsolute(path)) return unread(`「${name}」を読み込めません：ファイルの場所が正しくありません。（${path}）`);
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      const files = await folderFiles(path);
      return files.length > 0 ? { files } : unread(emptyFolderReason(name, path));
    }
    if (!info.isFile()) return unread(`「${name}」を読み込めません：ファイルではありません。（${path}）`);
    if (!isSubmissionName(name)) return unread(notSubmissionReason(name, path));
    return { files: [path] };
  } catch (error) {
    return unread(describeFsError(error, path, 'read'));
  }
}

export async function readSubmissionPaths(paths: readonly string[], limits: ReadLimits): Promise<ReadSubmissions> {
  const result: ReadSubmissions = { files: [], unread: [] };
  let total = 0;
  for (const given of paths) {
    const expanded = await expand(given);
    if ('unread' in expanded) {
      result.unread.push(expanded.unread);
      continue;
    }
    for (const path of expanded.files) {
      const name = basename(path);
      try {
        // Checked before reading: a huge file is never loaded.
        const { size } = await stat(path);
        if (size > limits.maxFileBytes) {
          result.unread.push({ path, name, reason: tooLargeReason(name, size, limits.maxFileBytes, path) });
          continue;
        }
        if (total + size > limits.maxTotalBytes) {
          result.unread.push({ path, name, reason: overTotalReason(name, limits.maxTotalBytes, path) });
          continue;
        }
        const bytes: Uint8Array = await readFile(path);
        // Grown since the check: the limits hold for what was actually read.
        if (bytes.length > limits.maxFileBytes || total + bytes.length > limits.maxTotalBytes) {
          result.unread.push({ path, name, reason: tooLargeReason(name, bytes.length, limits.maxFileBytes, path) });
          continue;
        }
        total += bytes.length;
        result.files.push({ path, name, bytes });
      } catch (error) {
        result.unread.push({ path, name, reason: describeFsError(error, path, 'read') });
      }
    }
  }
  return result;
}
