import { stat } from 'node:fs/promises';
import { pathKey } from './granted-paths';

export const MAX_RECENT_FILES = 10;

/** `path` first, the rest in their order without duplicates (case-insensitively where the OS is), at most 10. */
export function withRecentFile(
  recent: readonly string[],
  path: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const candidate of [path, ...recent]) {
    const key = pathKey(candidate, platform);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(candidate);
    if (result.length === MAX_RECENT_FILES) break;
  }
  return result;
}

export function withoutRecentFile(
  recent: readonly string[],
  path: string,
  platform: NodeJS.Platform = process.platform,
): string[] {
  const key = pathKey(path, platform);
  return recent.filter((candidate) => pathKey(candidate, platform) !== key);
}

export async function isExistingFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The recent files that still exist, in order: moved or deleted files drop out when the list is shown. */
export async function existingRecentFiles(
  recent: readonly string[],
  exists: (path: string) => Promise<boolean> = isExistingFile,
): Promise<string[]> {
  const present = await Promise.all(recent.map(exists));
  return recent.filter((_, index) => present[index]);
}
