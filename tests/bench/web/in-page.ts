import type { PageElement, PageEvent, PageFile, PageGlobals } from './page-globals';

/*
 * Functions that run inside the page (handed to `page.evaluate`, which sends their source text): each is
 * self-contained, reaches the browser through `globalThis`, and times with the page's own clock, so no
 * round trip to Node is ever inside a measurement.
 */

/** Waits until `calmFrames` animation frames in a row each came within 25 ms (the page is idle); returns the wait. */
export async function untilQuiet([calmFrames, timeoutMs]: readonly [number, number]): Promise<number> {
  const w = globalThis as unknown as PageGlobals;
  const start = performance.now();
  let last = start;
  let calm = 0;
  while (calm < calmFrames && performance.now() - start < timeoutMs) {
    const now = await new Promise<number>((resolve) => w.requestAnimationFrame(() => resolve(performance.now())));
    calm = now - last < 25 ? calm + 1 : 0;
    last = now;
  }
  return performance.now() - start;
}

/** Asks for the web font's glyphs of `text`, as the page would load them while drawing it. */
export async function warmFonts(text: string): Promise<void> {
  const w = globalThis as unknown as PageGlobals;
  await w.document.fonts.ready;
  await w.document.fonts.load('13px "BIZ UDPGothic"', text);
  await w.document.fonts.load('15px "BIZ UDPGothic"', '○');
}

/** Makes the file to drop, so building it (and sending its text from Node) is outside the timed part. */
export async function stageFile([url, name]: readonly [string, string]): Promise<void> {
  const w = globalThis as unknown as PageGlobals;
  // Fetched into a Blob, as a dropped file is backed by the disk: the page holds no copy of the text as a string.
  const blob = await (await w.fetch(url)).blob();
  w.benchState = { ...w.benchState, file: new w.File([blob], name, { type: 'application/json' }) };
}

/**
 * Drops the staged file on `dropSelector` as a user drops a file on the window, then polls every animation
 * frame until `rowSelector` is in the DOM (and the focus is in `focusSelector`): the time from the drop to the
 * first frame with the document's rows on screen and the grid taking keys.
 */
export async function dropAndWait([dropSelector, rowSelector, focusSelector, timeoutMs]: readonly [string, string, string | null, number]): Promise<number> {
  const w = globalThis as unknown as PageGlobals;
  const target = w.document.querySelector(dropSelector);
  const file = w.benchState?.file as PageFile | undefined;
  if (!target || !file) throw new Error(`nothing to drop on ${dropSelector}`);
  const data = new w.DataTransfer();
  data.items.add(file);
  const start = performance.now();
  target.dispatchEvent(new w.DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  for (;;) {
    const now = await new Promise<number>((resolve) => w.requestAnimationFrame(() => resolve(performance.now())));
    const shown = w.document.querySelector(rowSelector) !== null;
    const focused = focusSelector === null || (w.document.activeElement?.matches(focusSelector) ?? false);
    if (shown && focused) return now - start;
    if (now - start > timeoutMs) throw new Error(`no usable grid after ${timeoutMs} ms (rows ${shown}, focus ${focused})`);
  }
}

/** The grid's box and its header's height, for the floor page to take the same. */
export function gridGeometry(gridSelector: string): { width: number; height: number; headerHeight: number } {
  const w = globalThis as unknown as PageGlobals;
  const grid = w.document.querySelector(gridSelector);
  const header = grid?.querySelector('.ag-header');
  if (!grid || !header) throw new Error(`no grid at ${gridSelector}`);
  const box = grid.getBoundingClientRect();
  return { width: Math.round(box.width), height: Math.round(box.height), headerHeight: header.offsetHeight };
}

export function scrollToTop(viewportSelector: string): void {
  const w = globalThis as unknown as PageGlobals;
  const viewport = w.document.querySelector(viewportSelector);
  if (!viewport) throw new Error(`no viewport at ${viewportSelector}`);
  viewport.scrollTop = 0;
}

/**
 * Scrolls the viewport once per animation frame and returns each frame's duration (the time between frames):
 * 'wheel' steps 120 px (a wheel notch), 'jump' a fiftieth of the whole height (dragging the scrollbar). It turns
 * back at either end, so small tables scroll for as many frames as large ones.
 */
export async function scrollFrames([viewportSelector, mode, count]: readonly [string, 'wheel' | 'jump', number]): Promise<number[]> {
  const w = globalThis as unknown as PageGlobals;
  const viewport = w.document.querySelector(viewportSelector);
  if (!viewport) throw new Error(`no viewport at ${viewportSelector}`);
  const frame = (): Promise<number> => new Promise((resolve) => w.requestAnimationFrame(() => resolve(performance.now())));
  const times: number[] = [];
  let direction = 1;
  let last = await frame();
  for (let i = 0; i < count; i++) {
    const step = mode === 'wheel' ? 120 : Math.max(120, Math.round(viewport.scrollHeight / 50));
    const max = viewport.scrollHeight - viewport.clientHeight;
    const next = viewport.scrollTop + direction * step;
    if (next > max || next < 0) direction = -direction;
    viewport.scrollTop += direction * step;
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  return times;
}

/**
 * The centre-right points of `colId`'s cells in the rows wholly in view, top to bottom. (In AG Grid 36 the
 * header sits in the scrolling `.ag-grid-viewport`, kept at its top: rows are in view between the two.)
 */
export function visibleCells([gridSelector, colId]: readonly [string, string]): Array<{ rowId: string; x: number; y: number }> {
  const w = globalThis as unknown as PageGlobals;
  const viewport = w.document.querySelector(`${gridSelector} .ag-grid-viewport`)?.getBoundingClientRect();
  const header = w.document.querySelector(`${gridSelector} .ag-header`)?.getBoundingClientRect();
  if (!viewport || !header) return [];
  const body = { top: header.bottom, bottom: viewport.bottom };
  const cells: Array<{ rowId: string; x: number; y: number; index: number }> = [];
  const rows = w.document.querySelectorAll(`${gridSelector} .ag-row[row-id][row-index]`);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as PageElement;
    const cell = row.querySelector(`.ag-cell[col-id="${colId}"]`);
    if (!cell) continue;
    const box = cell.getBoundingClientRect();
    if (box.top < body.top || box.bottom > body.bottom) continue;
    cells.push({ rowId: row.getAttribute('row-id') ?? '', x: box.right - 8, y: box.top + Math.min(box.height / 2, 14), index: Number(row.getAttribute('row-index')) });
  }
  return cells.sort((a, b) => a.index - b.index).map(({ rowId, x, y }) => ({ rowId, x, y }));
}

/** The number after 「エラー」 in the status bar. */
export function statusErrors(statusSelector: string): number {
  const w = globalThis as unknown as PageGlobals;
  const text = w.document.querySelector(statusSelector)?.textContent ?? '';
  return Number(/エラー\s*(\d+)/.exec(text)?.[1] ?? Number.NaN);
}

/**
 * Gets ready to time the next Delete: from the key event (its timeStamp, so time spent waiting for a busy
 * page counts) to the status bar's error count going up by one (MutationObserver: the DOM has it), and to
 * the animation frame after that (the frame that paints it). `editResult` returns the times.
 */
export function armEdit(statusSelector: string): number {
  const w = globalThis as unknown as PageGlobals;
  const bar = w.document.querySelector(statusSelector);
  if (!bar) throw new Error(`no status bar at ${statusSelector}`);
  const errors = (): number => Number(/エラー\s*(\d+)/.exec(bar.textContent ?? '')?.[1] ?? Number.NaN);
  const before = errors();
  let keyAt = Number.NaN;
  const onKey = (event: PageEvent): void => {
    if (event.key === 'Delete' && Number.isNaN(keyAt)) keyAt = event.timeStamp;
  };
  w.addEventListener('keydown', onKey, { capture: true });
  const result = new Promise<{ domMs: number; frameMs: number; before: number; after: number }>((resolve) => {
    const observer = new w.MutationObserver(() => {
      const after = errors();
      if (after === before) return;
      const domAt = performance.now();
      observer.disconnect();
      w.removeEventListener('keydown', onKey, { capture: true });
      w.requestAnimationFrame(() => resolve({ domMs: domAt - keyAt, frameMs: performance.now() - keyAt, before, after }));
    });
    observer.observe(bar, { subtree: true, childList: true, characterData: true });
  });
  w.benchState = { ...w.benchState, edit: result };
  return before;
}

export function editResult(): Promise<{ domMs: number; frameMs: number; before: number; after: number }> {
  const w = globalThis as unknown as PageGlobals;
  const result = w.benchState?.edit as Promise<{ domMs: number; frameMs: number; before: number; after: number }> | undefined;
  if (!result) throw new Error('armEdit first');
  return result;
}
