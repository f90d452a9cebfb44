import type { SentRow } from '../model/ledger';
import type { SubmittedRow } from './read-submission';
import { titleSimilarity } from './similarity';

/**
 * Which sent row each returned row is: by its 行ID; else, for a file without ids (a plain copy of the annex layout),
 * by its 通し番号 with a title alike enough, else by the most alike title. Each sent row matches once.
 */

export type RowMatch =
  | { readonly method: 'id' }
  | { readonly method: 'number+title'; readonly score: number }
  | { readonly method: 'title-similarity'; readonly score: number }
  | { readonly method: 'new' };

export interface MatchedRow {
  readonly file: SubmittedRow;
  readonly base: SentRow | undefined;
  readonly match: RowMatch;
}

/** With the same 通し番号, a title this alike is the same row reworded. */
export const NUMBER_TITLE_MIN = 0.5;
/** With no number to go by, only a title this alike. */
export const TITLE_MIN = 0.6;

/** As the report says it: id, number+title 0.92, title-similarity 0.87, new. */
export function describeMatch(match: RowMatch): string {
  return match.method === 'id' || match.method === 'new' ? match.method : `${match.method} ${match.score.toFixed(2)}`;
}

export function matchRows(fileRows: readonly SubmittedRow[], baseRows: readonly SentRow[]): { matched: MatchedRow[]; missing: SentRow[] } {
  const byId = new Map(baseRows.map((sent) => [sent.row.id, sent]));
  const taken = new Set<SentRow>();
  const found = new Map<SubmittedRow, { base: SentRow; match: RowMatch }>();
  const take = (file: SubmittedRow, base: SentRow, match: RowMatch): void => {
    taken.add(base);
    found.set(file, { base, match });
  };
  for (const file of fileRows) {
    const base = file.source.idInFile ? byId.get(file.row.id) : undefined;
    if (base && !taken.has(base)) take(file, base, { method: 'id' });
  }
  // A row with an id of its own is that row or none: only rows without one are matched by their texts.
  const open = fileRows.filter((file) => !found.has(file) && !file.source.idInFile);
  for (const file of open) {
    const base = baseRows.find((sent) => !taken.has(sent) && sent.number === file.source.number);
    const score = base ? titleSimilarity(base.row.title, file.row.title) : 0;
    if (base && score >= NUMBER_TITLE_MIN) take(file, base, { method: 'number+title', score });
  }
  // The most alike pairs first, so a row never takes the title another row matches better.
  const pairs = open
    .filter((file) => !found.has(file))
    .flatMap((file) => baseRows.filter((sent) => !taken.has(sent)).map((base) => ({ file, base, score: titleSimilarity(base.row.title, file.row.title) })))
    .filter((pair) => pair.score >= TITLE_MIN)
    .sort((a, b) => b.score - a.score);
  for (const { file, base, score } of pairs) {
    if (!found.has(file) && !taken.has(base)) take(file, base, { method: 'title-similarity', score });
  }
  return {
    matched: fileRows.map((file) => {
      const hit = found.get(file);
      return hit ? { file, base: hit.base, match: hit.match } : { file, base: undefined, match: { method: 'new' } };
    }),
    missing: baseRows.filter((sent) => !taken.has(sent)),
  };
}
