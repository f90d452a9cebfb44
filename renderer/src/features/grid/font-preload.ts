import type { AnnexRow } from '../../../../shared/model/annex-document';
import { createCharacterCollector } from '../../../../shared/text/character-collector';
import { yieldToBrowser } from '../validation/yield-to-browser';

/**
 * The app's web font comes in ~120 subsets by Unicode range, each loaded when a character of it is first
 * drawn; every load makes the browser lay out all text in the window again. Scrolling into rows with new
 * characters then stutters. Asking for the document's characters up front loads those subsets in one go.
 */
const FONT = '13px "BIZ UDPGothic"';
/** Reading 50,000 rows takes ~100 ms: it goes in slices this long, so the grid is drawn first. */
const SLICE_MS = 6;
/** Rows read between two looks at the clock. */
const ROWS_PER_CLOCK_CHECK = 128;

export type Scheduler = (step: () => boolean) => unknown;

/** Returns `preload(rows)`: the rows' characters are asked for, the first slice at once and the rest in later tasks. */
export function createGlyphPreloader(
  fonts: FontFaceSet | undefined = globalThis.document?.fonts,
  schedule: Scheduler = yieldToBrowser,
): (rows: readonly AnnexRow[]) => void {
  const characters = createCharacterCollector();
  // Rows are immutable: a row read once never needs reading again, so an edit costs only its own row.
  const scanned = new WeakSet<AnnexRow>();
  const queue: (readonly AnnexRow[])[] = [];
  let position = 0;
  let scheduled = false;

  const requestFresh = (): void => {
    const fresh = characters.takeFresh();
    // Failing to load a font only costs the smoothness this is for.
    if (fresh.length > 0) fonts?.load(FONT, fresh).catch(() => undefined);
  };

  /** Reads rows until the slice is used up; true once the queue is empty. */
  const readSlice = (): boolean => {
    const deadline = performance.now() + SLICE_MS;
    for (let rows = queue[0]; rows; rows = queue[0]) {
      while (position < rows.length) {
        const row = rows[position++] as AnnexRow;
        if (!scanned.has(row)) {
          scanned.add(row);
          characters.add(row.title);
          characters.add(row.summary);
          for (const value of row.departments) characters.add(value);
          for (const value of row.sections) characters.add(value);
        }
        if (position % ROWS_PER_CLOCK_CHECK === 0 && performance.now() > deadline) {
          requestFresh();
          return false;
        }
      }
      queue.shift();
      position = 0;
    }
    requestFresh();
    scheduled = false;
    return true;
  };

  return (rows) => {
    if (!fonts || rows.length === 0) return;
    queue.push(rows);
    if (scheduled || readSlice()) return;
    scheduled = true;
    schedule(readSlice);
  };
}
