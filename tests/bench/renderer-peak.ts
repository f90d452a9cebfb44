import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const POLL_MS = 50;
const mb = (kb: number): number => kb / 1024;

/** A process's VmHWM in kB, or undefined once it has ended (Chromium runs unsandboxed here, so pids are ours). */
function peakKb(pid: number): number | undefined {
  try {
    const kb = Number(/VmHWM:\s*(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? kb : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The largest renderer's peak resident memory since the tracker started. Chromium resets a process's VmHWM
 * whenever it takes a memory dump (clear_refs "5"), so one reading is only the peak since the last dump: the
 * renderers' VmHWM is read every 50 ms and each process's largest reading kept.
 */
export class RendererPeak {
  readonly #browser: Browser;
  readonly #peaks = new Map<number, number>();
  #timer: ReturnType<typeof setInterval> | undefined;

  private constructor(browser: Browser) {
    this.#browser = browser;
  }

  static async start(browser: Browser): Promise<RendererPeak> {
    const tracker = new RendererPeak(browser);
    await tracker.#refreshPids();
    tracker.#timer = setInterval(() => tracker.#poll(), POLL_MS);
    return tracker;
  }

  /** The peak so far, in MB, after looking for renderers started since the last look (which reads them all). */
  async readMb(): Promise<number> {
    await this.#refreshPids();
    return this.#peaks.size === 0 ? Number.NaN : mb(Math.max(...this.#peaks.values()));
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  async #refreshPids(): Promise<void> {
    const cdp = await this.#browser.newBrowserCDPSession();
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ type: string; id: number }> };
    await cdp.detach();
    for (const { type, id } of processInfo) if (type === 'renderer' && !this.#peaks.has(id)) this.#peaks.set(id, 0);
    this.#poll();
  }

  #poll(): void {
    for (const [pid, peak] of this.#peaks) {
      const kb = peakKb(pid);
      if (kb !== undefined && kb > peak) this.#peaks.set(pid, kb);
    }
  }
}
