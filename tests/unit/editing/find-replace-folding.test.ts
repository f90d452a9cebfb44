import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { CellChange, EditCommand } from '../../../shared/editing/edit-command';
import { findMatches, replaceAllCommand, type FindMatch, type FindQuery } from '../../../shared/editing/find-replace';
import { foldText, isCutPoint, segmentFold } from '../../../shared/editing/text-fold';
import type { AnnexDocument, AnnexRow, TableKind } from '../../../shared/model/annex-document';
import type { RowField } from '../../../shared/validation/issue';

// Reference: the original character-by-character implementation, kept verbatim to pin down behaviour.
const referenceFold = (text: string, query: FindQuery): string => {
  const widened = query.matchWidth ? text : text.normalize('NFKC');
  return query.matchCase ? widened : widened.toLowerCase();
};
const referenceCellText = (row: AnnexRow, field: RowField): string =>
  field === 'departments' || field === 'sections' ? row[field].join('\n') : row[field];
function referenceFindMatches(document: AnnexDocument, tables: readonly TableKind[], query: FindQuery): FindMatch[] {
  if (!query.text) return [];
  const needle = referenceFold(query.text, query);
  return tables.flatMap((table) =>
    document.tables[table].rows.flatMap((row) =>
      query.fields.filter((field) => referenceFold(referenceCellText(row, field), query).includes(needle)).map((field) => ({ table, rowId: row.id, field })),
    ),
  );
}
function referenceReplaceIn(text: string, query: FindQuery, replacement: string): string {
  if (query.matchCase && query.matchWidth) return text.split(query.text).join(replacement);
  const needle = referenceFold(query.text, query);
  let result = '';
  let index = 0;
  while (index < text.length) {
    let end = index + 1;
    let matched = -1;
    for (; end <= text.length && end - index <= query.text.length * 2 + 2; end++) {
      if (referenceFold(text.slice(index, end), query) === needle) {
        matched = end;
        break;
      }
    }
    if (matched > 0) {
      result += replacement;
      index = matched;
    } else {
      result += text[index];
      index += 1;
    }
  }
  return result;
}
function referenceReplaceAll(document: AnnexDocument, table: TableKind, query: FindQuery, replacement: string): CellChange[] {
  const rows = new Map(document.tables[table].rows.map((row) => [row.id, row]));
  return referenceFindMatches(document, [table], query).map((match): CellChange => {
    const row = rows.get(match.rowId) as AnnexRow;
    if (match.field === 'departments' || match.field === 'sections') {
      return { rowId: row.id, field: match.field, value: row[match.field].map((entry) => referenceReplaceIn(entry, query, replacement)) };
    }
    return { rowId: row.id, field: match.field, value: referenceReplaceIn(row[match.field], query, replacement) };
  });
}

// Pieces that fold in awkward ways: dakuten that merge, expansions, ligatures, length-changing case pairs, final sigma, marks, surrogates.
const PIECES = [
  'ｶ', 'ﾞ', 'ﾟ', 'ﾊ', 'ｶﾞ', 'ﾊﾟ', 'ガ', 'カ', 'パ', 'か', '゛', '\u3099', 'ｱ', 'ア', 'ー', 'ｰ',
  'Ａ', 'ａ', 'A', 'a', '１', '1', 'ﬁ', 'fi', 'F', '㍿', '株式会社', '株', 'Ⅻ', 'XII', 'xii', 'X', 'ⅰ',
  'İ', 'i', 'I', '\u0307', 'ß', 'ss', 'ẞ', 'Σ', 'σ', 'ς', 'Α', 'e', '\u0301', 'é', 'g', '\u0323', 'ǵ',
  'の', '，', ',', '、', '（', '(', ' ', '\n', '𝐀', '\uD835', 'ᄀ', 'ᅡ', '가', 'ㄱ', 'ㅏ', 'ﷺ', 'K', 'k', '①',
  'が', '㎯', 'rad∕s', '2', 'ＲＡＤ', '㌕', 'キログラム', '𝐱', '𝐢',
];

const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
type Random = () => number;
const pick = <T>(next: Random, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
// Each document draws on a small palette, so cells repeat pieces, match queries and sometimes need no folding at all.
const palette = (next: Random): readonly string[] => Array.from({ length: 2 + Math.floor(next() * 5) }, () => pick(next, PIECES));
const pieces = (next: Random, from: readonly string[], count: number): string => Array.from({ length: count }, () => pick(next, from)).join('');
const FIELDS: readonly RowField[] = ['departments', 'sections', 'title', 'summary'];

function generatedDocument(next: Random, from: readonly string[]): AnnexDocument {
  const base = builtinAnnex();
  const template = base.tables.city.rows[0] as AnnexRow;
  const rows = Array.from({ length: 6 }, (_, index): AnnexRow => ({
    ...template,
    id: `row-${index}`,
    departments: [pieces(next, from, 3)],
    sections: [pieces(next, from, 4), pieces(next, from, 2)],
    title: pieces(next, from, 8),
    summary: pieces(next, from, 20),
  }));
  return { ...base, tables: { ...base.tables, city: { ...base.tables.city, rows } } };
}

function generatedQueryText(next: Random, from: readonly string[], document: AnnexDocument): string {
  if (next() < 0.5) return pieces(next, next() < 0.2 ? PIECES : from, 1 + Math.floor(next() * 3));
  // A slice of a cell, often cutting through a piece, so that matches exist and overlap.
  const summary = (pick(next, document.tables.city.rows) as AnnexRow).summary;
  const start = Math.floor(next() * summary.length);
  return summary.slice(start, start + 1 + Math.floor(next() * 4)) || 'の';
}

const changesOf = (command: EditCommand | undefined): readonly CellChange[] =>
  command?.type === 'update-cells' ? command.changes : [];

describe('folded find and replace', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds and replaces exactly as character-by-character folding does', () => {
    const next = random(20240611);
    for (let round = 0; round < 400; round++) {
      const from = palette(next);
      const document = generatedDocument(next, from);
      for (const matchCase of [false, true]) {
        for (const matchWidth of [false, true]) {
          const query: FindQuery = { text: generatedQueryText(next, from, document), fields: FIELDS, matchCase, matchWidth };
          const replacement = pick(next, ['之', '', 'ｶﾞ', 'X']);
          const context = JSON.stringify({ query, cells: document.tables.city.rows.map((row) => [row.title, row.summary, row.sections, row.departments]) });
          expect(findMatches(document, ['city'], query), context).toEqual(referenceFindMatches(document, ['city'], query));
          expect(changesOf(replaceAllCommand(document, 'city', query, replacement)?.command), context).toEqual(
            referenceReplaceAll(document, 'city', query, replacement),
          );
        }
      }
    }
  });

  it('keeps the quirks of slice-by-slice folding at merged and expanded characters', () => {
    const cases: [string, string, string][] = [
      ['ｶﾞｶ', 'カ', '①ﾞ①'],
      ['ｶﾞｶ', 'ガ', '①ｶ'],
      ['㍿と株式会社', '株式会社', '①と①'],
      ['ﬁle FILE', 'fi', '①le ①LE'],
      ['ΑΣ ΑΣΑ', 'ας', '① ①Α'],
      ['İi', 'i', 'İ①'],
      // A match may cover at most 2 × query length + 2 original units, even where the folded text holds the needle.
      ['キログラム', '㌕', 'キログラム'],
      ['キログラム，', '㌕', 'キログラム，'],
      ['𝐱𝐢i', 'Ⅻ', '𝐱𝐢i'],
      ['𝐱𝐢', 'Ⅻ', '𝐱𝐢'],
      ['𝐱ii', 'Ⅻ', '①'],
    ];
    for (const [cell, text, expected] of cases) {
      const base = builtinAnnex();
      const row = { ...(base.tables.city.rows[0] as AnnexRow), title: cell };
      const document = { ...base, tables: { ...base.tables, city: { ...base.tables.city, rows: [row] } } };
      const query: FindQuery = { text, fields: ['title'], matchCase: false, matchWidth: false };
      const referenceTitle = referenceReplaceIn(cell, query, '①');
      expect(referenceTitle, cell).toBe(expected);
      expect(changesOf(replaceAllCommand(document, 'city', query, '①')?.command).map((change) => change.value)).toEqual(
        referenceTitle === cell && referenceFindMatches(document, ['city'], query).length === 0 ? [] : [referenceTitle],
      );
    }
  });

  it('folds piecewise between cut points exactly as folding the slice, or declines', () => {
    const next = random(7);
    let checked = 0;
    for (let round = 0; round < 400; round++) {
      const text = pieces(next, palette(next), 12);
      for (const folding of [{ width: true, case: true }, { width: false, case: true }, { width: true, case: false }]) {
        const segments = segmentFold(text, folding);
        if (!segments) continue;
        const cuts = [...segments.foldedOffsetAt.keys()].filter((offset) => (segments.foldedOffsetAt[offset] as number) >= 0);
        for (const from of cuts) {
          for (const to of cuts.filter((cut) => cut >= from)) {
            const folded = segments.folded.slice(segments.foldedOffsetAt[from], segments.foldedOffsetAt[to]);
            expect(folded, JSON.stringify({ text, from, to, folding })).toBe(foldText(text.slice(from, to), folding));
            expect(segments.originalOffsetAt[segments.foldedOffsetAt[to] as number]).toBe(to);
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });

  it('lets a cut point fold independently of whatever precedes it', () => {
    // Bases that compose with, reorder with, or change the case context of what follows them.
    const bases = ['e', 'g\u0323', 'ｶ', 'カ', 'ᄀ', '가', '=', '\u0B47', '\u09C7', '゛', '\u3099', 'ﾞ', 'İ', 'A', '\uD835', '①'];
    for (const folding of [{ width: true, case: true }, { width: true, case: false }]) {
      const broken: string[] = [];
      for (let unit = 0; unit < 0x10000; unit++) {
        const char = String.fromCharCode(unit);
        if (!isCutPoint(`x${char}`, 1)) continue;
        for (const base of bases) {
          if (foldText(base + char, folding) !== foldText(base, folding) + foldText(char, folding)) broken.push(`${base}+U+${unit.toString(16)}`);
        }
      }
      expect(broken).toEqual([]);
    }
  });

  it('replaces in a long cell without folding it slice by slice', () => {
    const base = builtinAnnex();
    const row = { ...(base.tables.city.rows[0] as AnnexRow), summary: 'ＩＣＴの活用，'.repeat(300) };
    const document = { ...base, tables: { ...base.tables, city: { ...base.tables.city, rows: [row] } } };
    const normalize = vi.spyOn(String.prototype, 'normalize');
    const replaced = replaceAllCommand(document, 'city', { text: 'の', fields: ['summary'], matchCase: false, matchWidth: false }, '之');
    expect(changesOf(replaced?.command)[0]?.value).toBe('ICT之活用,'.replace('ICT', 'ＩＣＴ').replace(',', '，').repeat(300));
    // The slice-by-slice matcher folded up to four slices per character here: thousands of calls.
    expect(normalize.mock.calls.length).toBeLessThan(60);
  });

  it('does not fold the same row twice across searches', () => {
    const document = builtinAnnex();
    const query: FindQuery = { text: 'ＩＣＴ', fields: FIELDS, matchCase: false, matchWidth: false };
    const first = findMatches(document, ['city', 'council'], query);
    const normalize = vi.spyOn(String.prototype, 'normalize');
    expect(findMatches(document, ['city', 'council'], { ...query, text: 'ict' })).toEqual(first);
    expect(normalize.mock.calls.length).toBe(1);
  });
});
