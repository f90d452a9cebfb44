import type { AnnexRow } from '../../model/annex-document';
import { removeControlChars } from '../../text/control-chars';
import { findDoubledRuns, removeDoubledRuns } from '../../text/doubled-chars';
import { widenHalfwidthKana } from '../../text/halfwidth-kana';
import { joinStrayLineBreaks, type LineBreakPolicy } from '../../text/line-breaks';
import { trimOuterSpaces } from '../../text/outer-spaces';
import { fixCommas, type CommaStyle } from '../../text/punctuation';
import { fieldColumn, type Finding, type ListField, type RowField, type Severity, type TextField } from '../issue';
import type { RowRule, RuleContext } from '../rule';

const FIELD_NAMES: Record<RowField, string> = { title: '主な取組', summary: '取組概要', departments: '部', sections: '課' };
const TEXT_FIELDS: readonly TextField[] = ['title', 'summary'];
const LIST_FIELDS: readonly ListField[] = ['departments', 'sections'];

interface TextCheck {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly appliesToLists: boolean;
  /** The corrected text; equal to the input when there is nothing to report. */
  readonly correct: (text: string, field: RowField, context: RuleContext) => string;
  readonly message: (text: string, field: RowField, context: RuleContext) => string;
  readonly fixLabel: string;
  readonly safe: boolean;
}

/** One shape for every text rule: check each text field (and each 部/課 entry), offer the corrected value. */
function textRule(check: TextCheck): RowRule {
  const textFindings = (row: AnnexRow, context: RuleContext): Finding[] =>
    TEXT_FIELDS.flatMap((field) => {
      const corrected = check.correct(row[field], field, context);
      if (corrected === row[field]) return [];
      return [
        {
          rowId: row.id,
          column: fieldColumn(field),
          message: check.message(row[field], field, context),
          fix: { label: check.fixLabel, safe: check.safe, edit: { field, value: corrected } },
        },
      ];
    });
  const listFindings = (row: AnnexRow, context: RuleContext): Finding[] =>
    LIST_FIELDS.flatMap((field) => {
      const corrected = row[field].map((value) => check.correct(value, field, context));
      const wrong = row[field].filter((value, index) => corrected[index] !== value);
      if (wrong.length === 0) return [];
      return [
        {
          rowId: row.id,
          column: fieldColumn(field),
          message: `${FIELD_NAMES[field]}「${wrong.join('・')}」: ${check.message(wrong[0] as string, field, context)}`,
          fix: { label: check.fixLabel, safe: check.safe, edit: { field, value: corrected } },
        },
      ];
    });
  return {
    id: check.id,
    scope: 'row',
    severity: check.severity,
    description: check.description,
    check: (row, context) => [...textFindings(row, context), ...(check.appliesToLists ? listFindings(row, context) : [])],
  };
}

export const outerSpaces = textRule({
  id: 'text-outer-spaces',
  severity: 'warning',
  description: '文字列の前後に空白（全角空白を含む）がないこと',
  appliesToLists: true,
  correct: trimOuterSpaces,
  message: () => '前後に空白があります',
  fixLabel: '前後の空白を削除',
  safe: true,
});

export const controlChars = textRule({
  id: 'text-control-chars',
  severity: 'warning',
  description: '制御文字や見えない書式文字がないこと',
  appliesToLists: true,
  correct: removeControlChars,
  message: () => '制御文字（タブ、見えない文字など）が含まれています',
  fixLabel: '制御文字を削除',
  safe: true,
});

export const halfwidthKana = textRule({
  id: 'text-halfwidth-kana',
  severity: 'warning',
  description: '半角カタカナがないこと',
  appliesToLists: true,
  correct: widenHalfwidthKana,
  message: (text) => `半角カタカナ「${text.match(/[\uFF61-\uFF9F]+/)?.[0] ?? ''}」があります`,
  fixLabel: '全角カタカナに変換',
  safe: true,
});

const lineBreakPolicy = (field: RowField): LineBreakPolicy => (field === 'summary' ? 'after-sentence' : 'none');

export const strayLineBreaks = textRule({
  id: 'text-stray-line-breaks',
  severity: 'warning',
  description: '文の途中や前後・空行の改行がないこと（取組概要の文末の改行は可）',
  appliesToLists: true,
  correct: (text, field) => joinStrayLineBreaks(text, lineBreakPolicy(field)),
  message: (_text, field) =>
    field === 'summary' ? '文の途中で改行されています（印刷時の折り返しは自動です）' : '改行が含まれています',
  fixLabel: '不要な改行を削除',
  safe: true,
});

const commaStyle = (context: RuleContext): CommaStyle => (context.table === 'city' ? '，' : '、');

export const punctuationConvention = textRule({
  id: 'text-punctuation',
  severity: 'warning',
  description: '読点が表の表記（旭川市「，」、社会福祉協議会「、」）にそろっていること',
  appliesToLists: false,
  correct: (text, _field, context) => fixCommas(text, commaStyle(context)),
  message: (_text, _field, context) => `読点はこの表では「${commaStyle(context)}」です`,
  fixLabel: '読点をそろえる',
  safe: true,
});

// A summary that stops on a letter lost its 「。」; one ending in a bracket or other mark is left alone.
const ENDS_ON_LETTER = /[\p{L}\p{N}]$/u;

export const sentenceEnd: RowRule = {
  id: 'text-sentence-end',
  scope: 'row',
  severity: 'warning',
  description: '取組概要が「。」で終わること',
  check: (row) =>
    ENDS_ON_LETTER.test(row.summary)
      ? [
          {
            rowId: row.id,
            column: fieldColumn('summary'),
            message: '文末に「。」がありません',
            fix: { label: '文末に「。」を付ける', safe: true, edit: { field: 'summary', value: `${row.summary}。` } },
          },
        ]
      : [],
};

export const doubledCharacters = textRule({
  id: 'text-doubled-chars',
  severity: 'warning',
  description: '同じ文字・語の誤った重複がないこと（「こころ」のような語は対象外）',
  appliesToLists: false,
  correct: removeDoubledRuns,
  message: (text) => {
    const runs = findDoubledRuns(text);
    return `「${runs.map((run) => run.unit + run.unit).join('」「')}」が重なっています`;
  },
  fixLabel: '重なった文字を一つにする',
  // Which copy is the slip is a person's call (対応応 may have meant 対応する or 応対).
  safe: false,
});
