import { HEADER_LABELS } from '../../../../shared/model/table-names';
import type { AnnexDocument } from '../../../../shared/model/annex-document';
import { createCharacterCollector } from '../../../../shared/text/character-collector';
import { OVERVIEW_NOTE, OVERVIEW_TITLE } from './overview-text';

export const PRINT_FONT_FAMILY = '"BIZ UDPGothic"';

/** Every character the print may draw: the document's texts, the band's labels, digits and ○. */
export function printCharacters(document: AnnexDocument): string {
  // A table of seen characters rather than a Set of strings: a few times faster on a large annex.
  const characters = createCharacterCollector();
  const add = (text: string): void => characters.add(text);
  add(`0123456789○・計取組数${OVERVIEW_TITLE}${OVERVIEW_NOTE}`);
  for (const label of Object.values(HEADER_LABELS)) add(label);
  const { plan } = document;
  add(plan.title + plan.annexTitle + plan.philosophy);
  for (const vision of plan.visions) {
    add(vision.label + vision.title);
    for (const concept of vision.concepts) {
      add(concept.label + concept.title);
      for (const sub of concept.subColumns ?? []) add(sub.title);
    }
  }
  for (const table of Object.values(document.tables)) {
    add(table.title);
    for (const row of table.rows) {
      add(row.title);
      add(row.summary);
      for (const value of row.departments) add(value);
      for (const value of row.sections) add(value);
    }
  }
  for (const department of document.masters.departments) add(department.name);
  return characters.takeFresh();
}

/**
 * Loads the web font's subsets for every character before anything is measured: the font comes in
 * unicode-range pieces, each fetched when first needed, and a row measured in a fallback font would be
 * laid out at the wrong height.
 */
export async function loadPrintFonts(document: AnnexDocument, fonts: FontFaceSet | undefined = globalThis.document?.fonts): Promise<void> {
  if (!fonts) return;
  const text = printCharacters(document);
  await fonts.load(`10pt ${PRINT_FONT_FAMILY}`, text);
  await fonts.ready;
}

/** After a font swap, the next task sees the new layout. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
