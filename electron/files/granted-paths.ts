import { posix, win32 } from 'node:path';
import type { FileKind } from '../../shared/ipc/contract';

/** How paths compare: Windows and (by default) macOS file systems ignore case. */
export function pathKey(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return win32.resolve(path).toLowerCase();
  const absolute = posix.resolve(path);
  return platform === 'darwin' ? absolute.toLowerCase() : absolute;
}

/**
 * The paths this session may write to, with the kind of file each was granted as: ones the user opened or
 * chose in a dialog, or the OS handed us. A compromised page cannot overwrite arbitrary files.
 */
export class GrantedPaths {
  readonly #kinds = new Map<string, FileKind>();

  constructor(private readonly platform: NodeJS.Platform = process.platform) {}

  grant(path: string, kind: FileKind): void {
    this.#kinds.set(pathKey(path, this.platform), kind);
  }

  has(path: string): boolean {
    return this.#kinds.has(pathKey(path, this.platform));
  }

  kindOf(path: string): FileKind | undefined {
    return this.#kinds.get(pathKey(path, this.platform));
  }
}
