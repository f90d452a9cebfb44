import type { TableKind } from '../model/annex-document';
import { TABLE_LABELS } from '../model/table-names';
import { normaliseHeader } from './header-text';

export interface TableClues {
  /** Texts above the header (title, notes), top to bottom. */
  readonly textsAbove: readonly string[];
  /** The sheet's name (a CSV's file name). */
  readonly sheetName: string;
  readonly hasDepartmentColumns: boolean;
  /** The document's table titles, when there is a document to compare with. */
  readonly tableTitles: Partial<Record<TableKind, string>>;
}

const COUNCIL = normaliseHeader(TABLE_LABELS.council);
const CITY = normaliseHeader(TABLE_LABELS.city);

/** The nearest text above that is a table's title: one of the document's titles, or one that says 一覧. */
export function titleAbove(clues: Pick<TableClues, 'textsAbove' | 'tableTitles'>): string | undefined {
  const known = new Set(Object.values(clues.tableTitles).map((title) => normaliseHeader(title ?? '')));
  for (let index = clues.textsAbove.length - 1; index >= 0; index -= 1) {
    const text = clues.textsAbove[index] ?? '';
    const norm = normaliseHeader(text);
    if (norm !== '' && (known.has(norm) || norm.includes('一覧'))) return text;
  }
  return undefined;
}

/** Which table a header starts: its title, else its sheet's name, else city when it has 部/課 columns, else council. */
export function identifyTable(clues: TableClues): TableKind {
  const title = titleAbove(clues);
  if (title !== undefined) {
    const norm = normaliseHeader(title);
    for (const kind of ['city', 'council'] as const) {
      const known = clues.tableTitles[kind];
      if (known !== undefined && known !== '' && normaliseHeader(known) === norm) return kind;
    }
    if (norm.includes(COUNCIL)) return 'council';
  }
  const sheet = normaliseHeader(clues.sheetName);
  if (sheet.includes(COUNCIL)) return 'council';
  if (sheet.includes(CITY)) return 'city';
  return clues.hasDepartmentColumns ? 'city' : 'council';
}
