import { posix, win32 } from 'node:path';
import { hasKindExtension } from './files/file-kinds';

/**
 * The annex file among a launch's arguments (double-click, 送る, a second launch), if any. Chromium
 * switches are skipped, and so is the app folder that `electron .` passes in development.
 */
export function fileFromArgv(
  argv: readonly string[],
  options: { readonly isPackaged: boolean; readonly cwd: string; readonly platform?: NodeJS.Platform },
): string | null {
  const path = (options.platform ?? process.platform) === 'win32' ? win32 : posix;
  const args = argv.slice(options.isPackaged ? 1 : 2);
  const files = args.filter((arg) => !arg.startsWith('-') && hasKindExtension(arg, 'annex'));
  const last = files.at(-1);
  if (last === undefined) return null;
  return path.isAbsolute(last) ? last : path.resolve(options.cwd, last);
}

/** Holds files from the OS until the page has loaded, then hands each one over. */
export class LaunchFileQueue {
  #pending: string[] = [];
  #loaded = false;

  constructor(private readonly deliver: (path: string) => void) {}

  push(path: string): void {
    if (this.#loaded) this.deliver(path);
    else this.#pending.push(path);
  }

  /** The page finished loading: deliver what waited. */
  pageLoaded(): void {
    this.#loaded = true;
    const pending = this.#pending;
    this.#pending = [];
    for (const path of pending) this.deliver(path);
  }

  /** The page is gone (window closed or reloading): hold files again. */
  pageUnloaded(): void {
    this.#loaded = false;
  }
}
