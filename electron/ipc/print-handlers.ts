import type { PrintJob } from '../../shared/ipc/contract';
import type { PrintPage } from '../print-window';
import { ipcFailure, ipcSuccess, type IpcHandlers } from './ipc-types';

export interface PrintHandlerDeps {
  /** A freshly loaded hidden print page (openPrintPage in the app, a fake in tests). */
  readonly openPrintPage: () => Promise<PrintPage>;
}

export type PrintHandlers = Pick<IpcHandlers, 'print:to-pdf' | 'print:system'>;

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** 'print:to-pdf' and 'print:system': each job lays the print view out in its own hidden window, one job at a time. */
export function createPrintHandlers(deps: PrintHandlerDeps): PrintHandlers {
  let queue: Promise<unknown> = Promise.resolve();

  async function withLaidOutPage<T>(
    job: PrintJob,
    use: (page: PrintPage, pages: number) => Promise<T>,
    failure: string,
  ) {
    let page: PrintPage | undefined;
    try {
      page = await deps.openPrintPage();
      const rendered = await page.render(job.documentJson, job.options);
      if (!rendered.ok) return ipcFailure('invalid-request', `${failure}：${rendered.message}`);
      return ipcSuccess(await use(page, rendered.summary.pages));
    } catch (error) {
      console.error(`Print: ${reason(error)}`);
      return ipcFailure('internal', `${failure}（${reason(error)}）。`);
    } finally {
      page?.close();
    }
  }

  // A second job waits for the first: two hidden windows laying out 100-page prints would only compete.
  function queued<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  }

  return {
    'print:to-pdf': (job) =>
      queued(() =>
        withLaidOutPage(job, async (page, pages) => ({ bytes: await page.toPdf(job.options), pages }), 'PDF を作れませんでした'),
      ),
    'print:system': (job) =>
      queued(() => withLaidOutPage(job, async (page) => ({ printed: await page.print(job.options) }), '印刷できませんでした')),
  };
}
