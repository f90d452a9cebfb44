import type { SentRow } from '../model/ledger';
import type { SubmittedRow } from './read-submission';
import { alikeTitleFinder, titleSimilarity } from './similarity';

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

/** The sent rows by 通し番号, each number's in sent order, so that a file row's number finds its row without a search. */
function byNumber(baseRows: readonly SentRow[]): Map<number, SentRow[]> {
  const rows = new Map<number, SentRow[]>();
  for (const sent of baseRows) {
    const same = rows.get(sent.number);
    if (same) same.push(sent);
    else rows.set(sent.number, [sent]);
  }
  return rows;
}

/** Every pair of a file row and an open sent row alike enough, the file rows' order first, then the sent rows'. */
function alikePairs(files: readonly SubmittedRow[], bases: readonly SentRow[]): { file: SubmittedRow; base: SentRow; score: number }[] {
  const alikeTo = alikeTitleFinder(bases.map((sent) => sent.row.title));
  return files.flatMap((file) => alikeTo(file.row.title, TITLE_MIN).map(({ position, score }) => ({ file, base: bases[position] as SentRow, score })));
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
  const numbered = byNumber(baseRows);
  for (const file of open) {
    const base = file.source.number === undefined ? undefined : numbered.get(file.source.number)?.find((sent) => !taken.has(sent));
    const score = base ? titleSimilarity(base.row.title, file.row.title) : 0;
    if (base && score >= NUMBER_TITLE_MIN) take(file, base, { method: 'number+title', score });
  }
  // The most alike pairs first, so a row never takes the title another row matches better.
  const pairs = alikePairs(
    open.filter((file) => !found.has(file)),
    baseRows.filter((sent) => !taken.has(sent)),
  ).sort((a, b) => b.score - a.score);
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
