import type { AnnexRow } from '../../../../shared/model/annex-document';
import { createCharacterCollector } from '../../../../shared/text/character-collector';

/**
 * The app's web font comes in ~120 subsets by Unicode range, each loaded when a character of it is first
 * drawn; every load makes the browser lay out all text in the window again. Scrolling into rows with new
 * characters then stutters. Asking for the document's characters up front loads those subsets in one go.
 */
const FONT = '13px "BIZ UDPGothic"';

export function createGlyphPreloader(fonts: FontFaceSet | undefined = globalThis.document?.fonts): (rows: readonly AnnexRow[]) => void {
  const characters = createCharacterCollector();
  // Rows are immutable: a row read once never needs reading again, so an edit costs only its own row.
  const scanned = new WeakSet<AnnexRow>();
  return (rows) => {
    if (!fonts) return;
    for (const row of rows) {
      if (scanned.has(row)) continue;
      scanned.add(row);
      characters.add(row.title);
      characters.add(row.summary);
      for (const value of row.departments) characters.add(value);
      for (const value of row.sections) characters.add(value);
    }
    const fresh = characters.takeFresh();
    // Failing to load a font only costs the smoothness this is for.
    if (fresh.length > 0) fonts.load(FONT, fresh).catch(() => undefined);
  };
}
