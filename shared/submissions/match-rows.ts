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

/**
 * The scores at which matching by title takes its pairs, highest first, ending at TITLE_MIN. Taking the pairs at least
 * 1 alike, then those at least 0.9 alike among the rows still open, and so on, takes the same pairs as taking them all
 * at once, most alike first: every pair at least as alike as a stage's score either is taken by that stage or has a row
 * already taken. Most of a copy's rows are taken at the first stages, where few pairs can pass, so the last stage
 * scores only the rows left.
 */
const TITLE_STAGES = [1, 0.9, 0.8, TITLE_MIN];

/** A row and its title, read once for all the stages. */
interface Titled<T> {
  readonly row: T;
  readonly title: string;
}

/** Every pair of a file row and an open sent row at least `min` alike, the file rows' order first, then the sent rows'. */
function alikePairs(
  files: readonly Titled<SubmittedRow>[],
  bases: readonly Titled<SentRow>[],
  min: number,
): { file: SubmittedRow; base: SentRow; score: number }[] {
  const alikeTo = alikeTitleFinder(bases.map((sent) => sent.title));
  return files.flatMap((file) =>
    alikeTo(file.title, min).map(({ position, score }) => ({ file: file.row, base: (bases[position] as Titled<SentRow>).row, score })),
  );
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
  let files = open.filter((file) => !found.has(file)).map((row) => ({ row, title: row.row.title }));
  let bases = baseRows.filter((sent) => !taken.has(sent)).map((row) => ({ row, title: row.row.title }));
  for (const min of TITLE_STAGES) {
    files = files.filter((file) => !found.has(file.row));
    bases = bases.filter((sent) => !taken.has(sent.row));
    if (files.length === 0 || bases.length === 0) break;
    for (const { file, base, score } of alikePairs(files, bases, min).sort((a, b) => b.score - a.score)) {
      if (!found.has(file) && !taken.has(base)) take(file, base, { method: 'title-similarity', score });
    }
  }
  return {
    matched: fileRows.map((file) => {
      const hit = found.get(file);
      return hit ? { file, base: hit.base, match: hit.match } : { file, base: undefined, match: { method: 'new' } };
    }),
    missing: baseRows.filter((sent) => !taken.has(sent)),
  };
}
