import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../../shared/model/annex-document';
import type { ColumnRef, RowField, Severity, ValidationIssue } from '../../../shared/validation/issue';
import { ALL_RULES } from '../../../shared/validation/rules';
import { validateDocument } from '../../../shared/validation/validator';
import { defaultRow, makeDocument, type DocumentSpec } from '../support/document-builder';

interface ExpectedIssue {
  readonly severity: Severity;
  readonly table: TableKind;
  readonly rowId: string;
  readonly column: ColumnRef;
  /** The fix's new value and whether it is safe; absent when the rule offers no fix. */
  readonly fix?: { readonly value: string | readonly string[]; readonly safe: boolean };
  /** Text the message must contain. */
  readonly message?: string;
}

interface RuleCase {
  readonly rule: string;
  readonly name: string;
  readonly document: DocumentSpec;
  /** Every issue of `rule` the document must get; empty for a passing case. */
  readonly expected: readonly ExpectedIssue[];
  /** The other rules the same input trips (none unless listed). */
  readonly alsoReported?: readonly string[];
}

const field = (name: RowField): ColumnRef => ({ kind: 'field', field: name });

const CITY_SUMMARY = defaultRow('city', 0).summary; // 地域の見守り活動を支援し，参加する住民を増やします。
const COUNCIL_SUMMARY = defaultRow('council', 0).summary; // 地域の見守り活動を支援し、参加する住民を増やします。

/** A long 取組概要: `count` different sentences in the table's punctuation. */
const sentences = (count: number, comma: string): string =>
  Array.from({ length: count }, (_, i) => `第${i + 1}回の見守り活動を支援し${comma}参加する住民を増やします。`).join('');

const pass = (rule: string, name: string, document: DocumentSpec, alsoReported: readonly string[] = []): RuleCase => ({
  rule,
  name,
  document,
  expected: [],
  alsoReported,
});

const CASES: readonly RuleCase[] = [
  // ── title-required ──
  pass('title-required', 'a row with a title, in both tables', { city: [{}], council: [{}] }),
  {
    rule: 'title-required',
    name: 'an empty title in the city table',
    document: { city: [{ title: '' }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('title') }],
  },
  {
    rule: 'title-required',
    name: 'a title of full-width spaces only in the council table',
    document: { council: [{}, { title: '　　' }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k2', column: field('title') }],
    alsoReported: ['text-outer-spaces'],
  },

  // ── summary-required ──
  pass('summary-required', 'a row with a summary, in both tables', { city: [{}], council: [{}] }),
  {
    rule: 'summary-required',
    name: 'an empty summary in the city table',
    document: { city: [{ summary: '' }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('summary') }],
  },
  {
    rule: 'summary-required',
    name: 'a summary of a full-width space in the council table',
    document: { council: [{ summary: '　' }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k1', column: field('summary') }],
    alsoReported: ['text-outer-spaces'],
  },

  // ── department-required (city only) ──
  pass('department-required', 'council rows have no 部 and are not checked for one', { council: [{}] }),
  pass('department-required', '関係部局 alone is a 部', { city: [{ departments: ['関係部局'], sections: [] }] }),
  {
    rule: 'department-required',
    name: 'a city row without a 部',
    document: { city: [{ departments: [], sections: [] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('departments') }],
  },

  // ── council-no-departments (council only) ──
  pass('council-no-departments', 'city rows hold 部 and 課', { city: [{}] }),
  {
    rule: 'council-no-departments',
    name: 'a council row with a 部 and a 課: one problem, on the 部',
    document: { council: [{ departments: ['福祉保険部'], sections: ['福祉保険課'] }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k1', column: field('departments') }],
  },
  {
    rule: 'council-no-departments',
    name: 'a council row with a 課 only',
    document: { council: [{ sections: ['福祉保険課'] }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k1', column: field('sections') }],
  },

  // ── marks-required ──
  pass('marks-required', 'one ○ under a sub-column is enough', { city: [{ marks: ['v1-2-reoffending'] }] }),
  {
    rule: 'marks-required',
    name: 'a city row without ○',
    document: { city: [{ marks: [] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: { kind: 'marks' } }],
  },
  {
    rule: 'marks-required',
    name: 'a council row without ○',
    document: { council: [{}, {}, { marks: [] }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k3', column: { kind: 'marks' } }],
  },

  // ── department-in-master (city only) ──
  pass('department-in-master', '部 of the master', { city: [{}, { departments: ['建築部', '土木部'], sections: ['公共建築課', '土木総務課'] }] }),
  pass('department-in-master', 'council rows are not checked for 部 (only told to have none)', { council: [{ departments: ['総務部'] }] }, [
    'council-no-departments',
  ]),
  {
    rule: 'department-in-master',
    name: '部 not in the master',
    document: { city: [{ departments: ['総務部'], sections: [] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('departments'), message: '総務部' }],
  },
  {
    rule: 'department-in-master',
    name: 'one unknown 部 among known ones',
    document: { city: [{ departments: ['福祉保険部', '総務部'] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('departments'), message: '総務部' }],
  },

  // ── section-in-master (city only) ──
  pass('section-in-master', '課 of the master', { city: [{ sections: ['福祉保険課', '長寿社会課'] }] }),
  pass('section-in-master', 'council rows are not checked for 課', { council: [{ sections: ['総務課'] }] }, ['council-no-departments']),
  {
    rule: 'section-in-master',
    name: '課 not in the master',
    document: { city: [{ sections: ['総務課'] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('sections'), message: '総務課' }],
  },

  // ── section-belongs-to-department (city only) ──
  pass('section-belongs-to-department', 'row 66: 課 each of one of several 部', {
    city: [{ departments: ['福祉保険部', '土木部'], sections: ['長寿社会課', '雪対策課'] }],
  }),
  pass('section-belongs-to-department', 'row 64: two 部, three 課', {
    city: [{ departments: ['建築部', '土木部'], sections: ['公共建築課', '土木総務課', '公園みどり課'] }],
  }),
  pass('section-belongs-to-department', 'council rows are not checked', { council: [{ departments: [], sections: ['雪対策課'] }] }, [
    'council-no-departments',
  ]),
  {
    rule: 'section-belongs-to-department',
    name: '雪対策課 under 福祉保険部',
    document: { city: [{ departments: ['福祉保険部'], sections: ['雪対策課'] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('sections'), message: '土木部' }],
  },
  {
    rule: 'section-belongs-to-department',
    name: 'one 課 of a third 部 among 課 of the row’s two 部',
    document: { city: [{ departments: ['建築部', '土木部'], sections: ['公共建築課', '土木総務課', '保護課'] }] },
    expected: [{ severity: 'error', table: 'city', rowId: 'c1', column: field('sections'), message: '保護課' }],
  },

  // ── section-expected (city only) ──
  pass('section-expected', '関係部局 has no 課', { city: [{ departments: ['関係部局'], sections: [] }] }),
  pass('section-expected', 'council rows have no 課', { council: [{}] }),
  {
    rule: 'section-expected',
    name: '関係部局 together with a 部 that has 課, and no 課',
    document: { city: [{ departments: ['関係部局', '福祉保険部'], sections: [] }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('sections') }],
  },
  {
    rule: 'section-expected',
    name: '福祉保険部 without a 課',
    document: { city: [{ departments: ['福祉保険部'], sections: [] }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('sections') }],
  },

  // ── blank-list-entry ──
  pass('blank-list-entry', 'no blank 部 or 課', { city: [{ departments: ['福祉保険部', '土木部'], sections: ['長寿社会課', '雪対策課'] }] }),
  {
    rule: 'blank-list-entry',
    name: 'an empty 部 entry',
    document: { city: [{ departments: ['福祉保険部', ''] }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('departments'), fix: { value: ['福祉保険部'], safe: true } },
    ],
  },
  {
    rule: 'blank-list-entry',
    name: 'a 課 entry of a full-width space',
    document: { city: [{ sections: ['福祉保険課', '　'] }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('sections'), fix: { value: ['福祉保険課'], safe: true } },
    ],
    alsoReported: ['text-outer-spaces'],
  },
  {
    rule: 'blank-list-entry',
    name: 'a blank 部 entry in the council table',
    document: { council: [{ departments: [''] }] },
    expected: [{ severity: 'warning', table: 'council', rowId: 'k1', column: field('departments'), fix: { value: [], safe: true } }],
    alsoReported: ['council-no-departments'],
  },

  // ── duplicate-row ──
  pass('duplicate-row', 'the same summary under different titles', {
    city: [{ summary: CITY_SUMMARY }, { summary: CITY_SUMMARY }],
    council: [{}, {}],
  }),
  {
    rule: 'duplicate-row',
    name: 'a later row differing only by spaces and width names the first row’s 通し番号',
    document: {
      city: [
        {},
        { title: 'ＮＰＯサロン事業', summary: '地域のサロン活動を支援し，交流の場を広げます。' },
        {},
        { title: 'NPO サロン事業', summary: '地域の　サロン活動を支援し，交流の場を 広げます。' },
      ],
    },
    expected: [{ severity: 'error', table: 'city', rowId: 'c4', column: { kind: 'row' }, message: '通し番号 2' }],
  },
  {
    rule: 'duplicate-row',
    name: 'a copied row in the council table',
    document: { council: [{ title: 'サロン事業' }, {}, { title: 'サロン事業' }] },
    expected: [{ severity: 'error', table: 'council', rowId: 'k3', column: { kind: 'row' }, message: '通し番号 1' }],
  },

  // ── duplicate-title ──
  pass('duplicate-title', 'different titles', { city: [{}, {}, {}], council: [{}, {}] }),
  {
    rule: 'duplicate-title',
    name: 'the same title over different summaries',
    document: {
      city: [{}, { title: '配食サービス事業' }, { title: '配 食サービス事業', summary: '高齢者の自宅に食事を届け，安否を確認します。' }],
    },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c3', column: field('title'), message: '通し番号 2' }],
  },

  // ── text-outer-spaces ──
  pass('text-outer-spaces', 'spaces inside the text are kept', {
    city: [{ title: '地域の　見守り事業', summary: '地域の 見守り活動を支援し，参加する住民を増やします。' }],
  }),
  {
    rule: 'text-outer-spaces',
    name: 'a leading full-width space in 取組概要',
    document: { city: [{ summary: `　${CITY_SUMMARY}` }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-outer-spaces',
    name: 'half-width spaces around 主な取組',
    document: { city: [{ title: ' 配食サービス事業 ' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '配食サービス事業', safe: true } }],
  },
  {
    rule: 'text-outer-spaces',
    name: 'full-width spaces around a council title',
    document: { council: [{ title: '　配食サービス事業　' }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('title'), fix: { value: '配食サービス事業', safe: true } },
    ],
  },
  {
    rule: 'text-outer-spaces',
    name: 'a trailing full-width space in a 部 entry (reported once: the master rules compare trimmed names)',
    document: { city: [{ departments: ['福祉保険部　'] }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('departments'), fix: { value: ['福祉保険部'], safe: true } },
    ],
  },
  {
    rule: 'text-outer-spaces',
    name: 'a leading space in one 課 entry',
    document: { city: [{ departments: ['福祉保険部', '土木部'], sections: ['長寿社会課', ' 雪対策課'] }] },
    expected: [
      {
        severity: 'warning',
        table: 'city',
        rowId: 'c1',
        column: field('sections'),
        fix: { value: ['長寿社会課', '雪対策課'], safe: true },
      },
    ],
  },

  // ── text-control-chars ──
  pass('text-control-chars', 'a line feed after 「。」 is no control character', {
    city: [{ summary: `見守りを行います。\n${CITY_SUMMARY}` }],
  }),
  {
    rule: 'text-control-chars',
    name: 'a tab inside 取組概要',
    document: { city: [{ summary: '地域の見守り\t活動を支援し，参加する住民を増やします。' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-control-chars',
    name: 'a zero-width space (U+200B) inside 主な取組',
    document: { council: [{ title: '配食\u200Bサービス事業' }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('title'), fix: { value: '配食サービス事業', safe: true } },
    ],
  },
  {
    rule: 'text-control-chars',
    name: 'a byte-order mark (U+FEFF) before 取組概要',
    document: { council: [{ summary: `\uFEFF${COUNCIL_SUMMARY}` }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('summary'), fix: { value: COUNCIL_SUMMARY, safe: true } },
    ],
  },
  {
    rule: 'text-control-chars',
    name: 'the CR of a CRLF inside 主な取組 (the break itself is the line-break rule’s)',
    document: { city: [{ title: '配食\r\nサービス事業' }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '配食\nサービス事業', safe: true } },
    ],
    alsoReported: ['text-stray-line-breaks'],
  },
  {
    rule: 'text-control-chars',
    name: 'a zero-width space after a 課 entry',
    document: { city: [{ sections: ['福祉保険課\u200B'] }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('sections'), fix: { value: ['福祉保険課'], safe: true } },
    ],
    alsoReported: ['section-in-master'],
  },

  // ── text-halfwidth-kana ──
  pass('text-halfwidth-kana', 'full-width katakana and half-width letters and digits', {
    city: [{ title: 'サポートABC事業2024' }],
  }),
  {
    rule: 'text-halfwidth-kana',
    name: 'ｻﾎﾟｰﾄ in 主な取組',
    document: { city: [{ title: '生活ｻﾎﾟｰﾄ事業' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '生活サポート事業', safe: true } }],
  },
  {
    rule: 'text-halfwidth-kana',
    name: 'ｻﾎﾟｰﾄ in a council 取組概要',
    document: { council: [{ summary: '地域の見守り活動をｻﾎﾟｰﾄし、参加する住民を増やします。' }] },
    expected: [
      {
        severity: 'warning',
        table: 'council',
        rowId: 'k1',
        column: field('summary'),
        fix: { value: '地域の見守り活動をサポートし、参加する住民を増やします。', safe: true },
      },
    ],
  },

  // ── text-stray-line-breaks ──
  pass('text-stray-line-breaks', 'a break after 「。」 in 取組概要 is kept', {
    city: [{ summary: `見守りを行います。\n${CITY_SUMMARY}` }],
    council: [{ summary: `見守りを行います。\n${COUNCIL_SUMMARY}` }],
  }),
  {
    rule: 'text-stray-line-breaks',
    name: 'a break inside 主な取組',
    document: { city: [{ title: '配食サー\nビス事業' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '配食サービス事業', safe: true } }],
  },
  {
    rule: 'text-stray-line-breaks',
    name: 'even a break after 「。」 in 主な取組',
    document: { council: [{ title: '配食サービス事業。\n見守り' }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('title'), fix: { value: '配食サービス事業。見守り', safe: true } },
    ],
  },
  {
    rule: 'text-stray-line-breaks',
    name: 'a break in the middle of a sentence of 取組概要',
    document: { city: [{ summary: '地域の見守り活動を支\n援し，参加する住民を増やします。' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-stray-line-breaks',
    name: 'blank lines and a trailing break in 取組概要',
    document: { city: [{ summary: `見守りを行います。\n\n\n${CITY_SUMMARY}\n` }] },
    expected: [
      {
        severity: 'warning',
        table: 'city',
        rowId: 'c1',
        column: field('summary'),
        fix: { value: `見守りを行います。\n${CITY_SUMMARY}`, safe: true },
      },
    ],
  },
  {
    rule: 'text-stray-line-breaks',
    name: 'a break inside a 課 entry',
    document: { city: [{ sections: ['福祉保険\n課'] }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('sections'), fix: { value: ['福祉保険課'], safe: true } },
    ],
    alsoReported: ['section-in-master'],
  },

  // ── text-punctuation ──
  pass('text-punctuation', 'the city table writes 「，」; 1,000円 is a number', {
    city: [{ summary: '参加費は1,000円です。' }, {}],
  }),
  pass('text-punctuation', 'the council table writes 「、」', { council: [{}, { summary: '参加費は1,000円です。' }] }),
  {
    rule: 'text-punctuation',
    name: '「、」 in the city table',
    document: { city: [{ summary: '地域の見守り活動を支援し、参加する住民を増やします。' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-punctuation',
    name: 'a half-width comma between Japanese characters in the city table',
    document: { city: [{ summary: '地域の見守り活動を支援し,参加する住民を増やします。' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-punctuation',
    name: 'a half-width comma and its space in the city table',
    document: { city: [{ summary: '地域の見守り活動を支援し, 参加する住民を増やします。' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), fix: { value: CITY_SUMMARY, safe: true } }],
  },
  {
    rule: 'text-punctuation',
    name: '「、」 in a city 主な取組',
    document: { city: [{ title: '見守り、配食事業' }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '見守り，配食事業', safe: true } }],
  },
  {
    rule: 'text-punctuation',
    name: '「，」 in the council table',
    document: { council: [{ summary: '地域の見守り活動を支援し，参加する住民を増やします。' }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('summary'), fix: { value: COUNCIL_SUMMARY, safe: true } },
    ],
  },

  // ── text-doubled-chars ──
  ...['こころの健康', '一人一人', '人々', '学生生活', '住民センター・地区センター・地区会館', 'いろいろ'].map((word) =>
    pass('text-doubled-chars', `「${word}」 is a word, not a slip`, {
      city: [{ summary: `${word}について，支援します。` }],
      council: [{ title: `${word}の事業` }],
    }),
  ),
  {
    rule: 'text-doubled-chars',
    name: '「対応応する」, with an unsafe fix',
    document: { city: [{ summary: '複雑化した事例に対応応するとともに，支援を推進します。' }] },
    expected: [
      {
        severity: 'warning',
        table: 'city',
        rowId: 'c1',
        column: field('summary'),
        fix: { value: '複雑化した事例に対応するとともに，支援を推進します。', safe: false },
        message: '応応',
      },
    ],
  },
  {
    rule: 'text-doubled-chars',
    name: '「についてについて」',
    document: { council: [{ summary: '制度についてについて説明します。' }] },
    expected: [
      {
        severity: 'warning',
        table: 'council',
        rowId: 'k1',
        column: field('summary'),
        fix: { value: '制度について説明します。', safe: false },
        message: 'についてについて',
      },
    ],
  },
  ...['施設設備', '学習習慣', '日常生活活動', '時間間隔', 'ひとりひとり', 'ひとつひとつ'].map((word) =>
    pass('text-doubled-chars', `「${word}」 is two words meeting or a reduplication, not a slip`, {
      city: [{ summary: `${word}について，支援します。` }],
    }),
  ),
  {
    rule: 'text-doubled-chars',
    name: '「人人が」: a doubled kanji followed by kana',
    document: { council: [{ summary: '多くの人人が参加します。' }] },
    expected: [
      { severity: 'warning', table: 'council', rowId: 'k1', column: field('summary'), fix: { value: '多くの人が参加します。', safe: false } },
    ],
  },

  // ── text-sentence-end ──
  pass('text-sentence-end', 'summaries ending in 「。」 or a closing bracket', {
    city: [{}, { summary: '詳しくは別紙のとおり（資料１）' }],
  }),
  {
    rule: 'text-sentence-end',
    name: 'a summary that stops without 「。」',
    document: { council: [{ summary: '地域の見守り活動を支援します' }] },
    expected: [
      {
        severity: 'warning',
        table: 'council',
        rowId: 'k1',
        column: field('summary'),
        fix: { value: '地域の見守り活動を支援します。', safe: true },
      },
    ],
  },
  // ── print-fit (A3, the default paper: about 33 lines of 44 characters in 取組概要 fit a page) ──
  pass('print-fit', 'the usual rows fit their printed cells', { city: [{}], council: [{}] }),
  pass('print-fit', 'a 取組概要 of about 1,000 characters still fits a page', { city: [{ summary: sentences(36, '，') }] }),
  {
    rule: 'print-fit',
    name: 'a 取組概要 longer than a page in the city table',
    document: { city: [{ summary: sentences(80, '，') }] },
    expected: [{ severity: 'warning', table: 'city', rowId: 'c1', column: field('summary'), message: '取組概要が長すぎて、A3 横の印刷で 1 ページに収まりません' }],
  },
  {
    rule: 'print-fit',
    name: 'a 主な取組 longer than its narrow column can hold on a page',
    document: { council: [{}, { title: Array.from({ length: 70 }, (_, i) => `地域見守り事業第${i + 1}号`).join('・') }] },
    expected: [{ severity: 'warning', table: 'council', rowId: 'k2', column: field('title'), message: '行・' }],
  },

  {
    rule: 'text-doubled-chars',
    name: '「をを」 in 主な取組',
    document: { city: [{ title: '情報をを届ける事業' }] },
    expected: [
      { severity: 'warning', table: 'city', rowId: 'c1', column: field('title'), fix: { value: '情報を届ける事業', safe: false } },
    ],
  },
];

/** An issue as a case describes it. */
function described(issue: ValidationIssue): ExpectedIssue {
  return {
    severity: issue.severity,
    table: issue.table,
    rowId: issue.rowId,
    column: issue.column,
    ...(issue.fix ? { fix: { value: issue.fix.edit.value, safe: issue.fix.safe } } : {}),
  };
}

describe('makeDocument', () => {
  it('builds default rows that no rule objects to', () => {
    const document = makeDocument({ city: [{}, {}, {}], council: [{}, {}] });
    expect(document.tables.city.rows.map((row) => row.id)).toEqual(['c1', 'c2', 'c3']);
    expect(document.tables.council.rows.map((row) => row.id)).toEqual(['k1', 'k2']);
    expect(document.tables.council.rows[0]?.summary).toContain('、');
    expect(document.tables.city.rows[0]?.summary).toContain('，');
    expect(validateDocument(document)).toEqual([]);
  });

  it('applies the overrides to the defaults', () => {
    const document = makeDocument({ city: [{ id: 'x', marks: [] }] });
    expect(document.tables.city.rows).toEqual([{ ...defaultRow('city', 0), id: 'x', marks: [] }]);
    expect(document.tables.council.rows).toEqual([]);
  });
});

describe('every rule has cases', () => {
  const ruleIds = ALL_RULES.map((rule) => rule.id);

  it('has a failing and a passing case for every rule of ALL_RULES', () => {
    const withoutFailing = ruleIds.filter((id) => !CASES.some((c) => c.rule === id && c.expected.length > 0));
    const withoutPassing = ruleIds.filter((id) => !CASES.some((c) => c.rule === id && c.expected.length === 0));
    expect(withoutFailing).toEqual([]);
    expect(withoutPassing).toEqual([]);
  });

  it('names only rules of ALL_RULES', () => {
    const named = new Set(CASES.flatMap((c) => [c.rule, ...(c.alsoReported ?? [])]));
    expect([...named].filter((id) => !ruleIds.includes(id))).toEqual([]);
  });
});

describe.each(ALL_RULES.map((rule) => rule.id))('rule %s', (ruleId) => {
  // A rule without cases has an empty block here and fails 'every rule has cases' above.
  for (const [index, c] of CASES.filter((candidate) => candidate.rule === ruleId).entries()) {
    it(`${c.expected.length === 0 ? 'passes' : 'fails'} ${index + 1}: ${c.name}`, () => {
      const issues = validateDocument(makeDocument(c.document));
      const own = issues.filter((issue) => issue.rule === ruleId);
      expect(own.map(described)).toEqual(c.expected.map(({ message: _message, ...rest }) => rest));
      c.expected.forEach((expected, position) => {
        if (expected.message !== undefined) expect(own[position]?.message).toContain(expected.message);
      });
      const others = [...new Set(issues.filter((issue) => issue.rule !== ruleId).map((issue) => issue.rule))].sort();
      expect(others).toEqual([...(c.alsoReported ?? [])].sort());
    });
  }
});

describe('line breaks and commas that are meant', () => {
  it('a CRLF after 「。」 in 取組概要 is only a control character: the meant break is no stray line break', () => {
    const summary = `見守りを行います。\r\n${CITY_SUMMARY}`;
    const issues = validateDocument(makeDocument({ city: [{ summary }] }));
    expect(issues.map(described)).toEqual([
      {
        severity: 'warning',
        table: 'city',
        rowId: 'c1',
        column: field('summary'),
        fix: { value: `見守りを行います。\n${CITY_SUMMARY}`, safe: true },
      },
    ]);
    expect(issues.map((issue) => issue.rule)).toEqual(['text-control-chars']);
  });

  it('a full-width number such as 「１，０００人」 keeps its separator in the council table', () => {
    const summary = '参加者は年間１，０００人を超えます。';
    const issues = validateDocument(makeDocument({ council: [{ summary }] }));
    expect(issues.filter((issue) => issue.rule === 'text-punctuation').map((issue) => issue.fix?.edit.value)).toEqual([]);
  });
});
