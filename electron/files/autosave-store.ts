import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { recoverySchema, type Recovery } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { writeFileAtomic, type AtomicWriteFailure, type AtomicWriteOptions } from './atomic-write';
import { describeFsError, fsErrorCode } from './fs-error-message';

export const RECOVERY_FILE_NAME = 'recovery.json';

/**
 * The unsaved document kept in `<userData>/autosave/recovery.json`. Operations run one after another, so a
 * clear issued while a write is in flight really leaves no file behind.
 */
export class AutosaveStore {
  readonly path: string;
  #queue: Promise<unknown> = Promise.resolve();
  #pending = 0;
  #wroteThisSession = false;

  constructor(
    readonly folder: string,
    private readonly writeOptions: Omit<AtomicWriteOptions, 'backup'> = {},
  ) {
    this.path = join(folder, RECOVERY_FILE_NAME);
  }

  /** True while an operation is queued or running (quitting waits for it). */
  get busy(): boolean {
    return this.#pending > 0;
  }

  #enqueue<T>(operation: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    const run = this.#queue.then(operation, operation);
    this.#queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run.finally(() => {
      this.#pending -= 1;
    });
  }

  write(recovery: Recovery): Promise<Result<null, AtomicWriteFailure>> {
    return this.#enqueue(async () => {
      try {
        await mkdir(this.folder, { recursive: true });
      } catch (error) {
        return { ok: false as const, error: { code: fsErrorCode(error), message: describeFsError(error, this.path, 'write') } };
      }
      const bytes = new TextEncoder().encode(JSON.stringify(recovery));
      const written = await writeFileAtomic(this.path, bytes, { ...this.writeOptions, backup: false });
      if (!written.ok) return written;
      this.#wroteThisSession = true;
      return { ok: true as const, value: null };
    });
  }

  /** The envelope if present and valid; a corrupt one is moved aside (kept for a person to look at). */
  read(): Promise<Recovery | null> {
    return this.#enqueue(async () => {
      let text: string;
      try {
        text = await readFile(this.path, 'utf8');
      } catch (error) {
        if (fsErrorCode(error) !== 'ENOENT') console.error('Autosave: cannot read', this.path, error);
        return null;
      }
      const parsed = recoverySchema.safeParse(parseJson(text));
      if (parsed.success) return parsed.data;
      const aside = join(this.folder, `recovery.corrupt-${Date.now()}.json`);
      console.warn(`Autosave: ${this.path} is not a valid envelope; moved to ${aside}`);
      await rename(this.path, aside).catch((error: unknown) => console.error('Autosave: cannot move aside', error));
      return null;
    });
  }

  clear(): Promise<void> {
    return this.#enqueue(() => rm(this.path, { force: true }));
  }

  /**
   * On a clean exit: removes the envelope only if this session wrote it. One left by a crashed session
   * stays until the page has offered it (and cleared it), even if this window closes first.
   */
  clearOnCleanExit(): Promise<void> {
    return this.#enqueue(async () => {
      if (this.#wroteThisSession) await rm(this.path, { force: true });
    });
  }

  /** Resolves once every queued operation has finished. */
  async whenIdle(): Promise<void> {
    while (this.#pending > 0) await this.#queue;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
