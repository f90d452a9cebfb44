import fc from 'fast-check';
import type { AnnexDocument, AnnexRow, Department } from '../../../shared/model/annex-document';
import { markColumns, type Concept, type Plan, type Vision } from '../../../shared/model/plan';

// Text a secretariat might type or paste: Japanese, ASCII, formula-like starts, spaces, line breaks, emoji.
// No CR: line breaks in a workbook are LF, and SheetJS reads a CR LF as LF (a test says so explicitly).
const pieces = fc.constantFrom(
  '地域福祉', '支え合い', '，', '、', '。', '「', '」', '（', '）', 'ｶﾀｶﾅ', 'ＡＢＣ', 'abc', '123', '１２３',
  '=SUM(A1:A3)', '+81', '-1', '@mention', ' ', '　', '\n', '\t', '😀', '👨‍👩‍👧', '𠮷', '&amp;', '<b>', '_x0041_', '"', "'",
);
export const annexText = fc.oneof(
  { weight: 6, arbitrary: fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }).map((text) => text.replace(/\r/g, '')) },
  // Long summaries, within Excel's 32,767 characters a cell.
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 8000 }).map((length) => '長い取組概要の文。'.repeat(length / 9)) },
);

// Names as a master holds them: trimmed, one line, no 「・」 (the separator of several values).
const name = fc
  .array(fc.constantFrom('福祉', '保険', '長寿', '社会', '子育て', '支援', 'センター', 'ＩＣＴ', 'A'), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''));

const title = (prefix: string) => fc.integer({ min: 0, max: 999 }).map((n) => `${prefix}${n}`);

function planArbitrary(): fc.Arbitrary<Plan> {
  const concept = (v: number, c: number): fc.Arbitrary<Concept> =>
    fc.record({ title: title(`考え方${v}-${c}-`), subs: fc.integer({ min: 0, max: 3 }) }).map(({ title: conceptTitle, subs }) => ({
      id: `v${v}-${c}`,
      label: `（${c}）`,
      title: conceptTitle,
      ...(subs >= 2 ? { subColumns: Array.from({ length: subs }, (_, s) => ({ id: `v${v}-${c}-s${s + 1}`, title: `細目${v}-${c}-${s + 1}` })) } : {}),
    }));
  const vision = (v: number): fc.Arbitrary<Vision> =>
    fc
      .integer({ min: 1, max: 4 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, c) => concept(v, c + 1))))
      .map((concepts) => ({ id: `v${v}`, label: `目指す地域像${v}`, title: `地域像${v}の題`, concepts }));
  return fc
    .integer({ min: 1, max: 5 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, v) => vision(v + 1))))
    .map((visions) => ({
      title: 'テスト計画',
      edition: '第１期',
      year: 2029,
      annexTitle: '取組事業一覧',
      philosophy: '基本理念の文',
      visions,
    }));
}

function rowArbitrary(id: string, markIds: readonly string[], masters: readonly Department[], city: boolean): fc.Arbitrary<AnnexRow> {
  const departments = city ? fc.uniqueArray(fc.constantFrom(...masters.map((department) => department.name)), { maxLength: 3 }) : fc.constant([]);
  const sections = city ? fc.uniqueArray(fc.constantFrom(...masters.flatMap((department) => department.sections)), { maxLength: 4 }) : fc.constant([]);
  return fc
    .record({
      departments,
      sections,
      title: annexText,
      summary: annexText,
      marks: fc.oneof(fc.constant([]), fc.constant([...markIds]), fc.subarray([...markIds])),
    })
    .map((row) => ({ id, ...row }));
}

/** Whole documents: a random header tree and master, both tables with 0–12 rows of any text. */
export function documentArbitrary(): fc.Arbitrary<AnnexDocument> {
  return fc
    .record({
      plan: planArbitrary(),
      departments: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
      sections: fc.uniqueArray(name.map((text) => `${text}課`), { minLength: 1, maxLength: 6 }),
      cityCount: fc.integer({ min: 0, max: 12 }),
      councilCount: fc.integer({ min: 0, max: 6 }),
      paper: fc.constantFrom(undefined, 'A3' as const, 'A4' as const),
    })
    .chain(({ plan, departments, sections, cityCount, councilCount, paper }) => {
      const masters: Department[] = departments.map((department, index) => ({
        name: department,
        sections: sections.filter((_, s) => s % departments.length === index),
      }));
      const markIds = markColumns(plan).map((column) => column.id);
      const rows = (kind: 'city' | 'council', count: number) =>
        fc.tuple(...Array.from({ length: count }, (_, index) => rowArbitrary(`${kind}-${index + 1}`, markIds, masters, kind === 'city')));
      return fc.tuple(rows('city', cityCount), rows('council', councilCount)).map(([city, council]) => ({
        plan,
        masters: { departments: masters },
        tables: { city: { title: '市の表', rows: city }, council: { title: '協議会の表', rows: council } },
        ...(paper ? { settings: { paperSize: paper } } : {}),
      }));
    });
}
