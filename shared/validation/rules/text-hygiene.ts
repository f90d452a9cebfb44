import type { TableKind } from '../../model/annex-document';
import { removeControlChars } from '../../text/control-chars';
import { findDoubledRuns, removeDoubledRuns } from '../../text/doubled-chars';
import { firstHalfwidthKanaRun, widenHalfwidthKana } from '../../text/halfwidth-kana';
import { joinStrayLineBreaks, type LineBreakPolicy } from '../../text/line-breaks';
import { trimOuterSpaces } from '../../text/outer-spaces';
import { fixCommas, WRONG_COMMA_CHARS, type CommaStyle } from '../../text/punctuation';
import { endsOnLetter } from '../../text/sentence-end';
import { fieldColumn, type RowField } from '../issue';
import type { RowRule, RuleContext } from '../rule';
import { NO_FINDINGS } from './no-findings';
import { commaSigns, SIGN } from './text-signs';
import { textRule, type TextCheck } from './text-rule';

const inEveryTable = (signs: number): Record<TableKind, number> => ({ city: signs, council: signs });

const OUTER_SPACES: TextCheck = {
  id: 'text-outer-spaces',
  severity: 'warning',
  description: '文字列の前後に空白（全角空白を含む）がないこと',
  appliesToLists: true,
  signs: inEveryTable(SIGN.outerSpace),
  correct: trimOuterSpaces,
  message: () => '前後に空白があります',
  fixLabel: '前後の空白を削除',
  safe: true,
};
export const outerSpaces = textRule(OUTER_SPACES);

const CONTROL_CHARS: TextCheck = {
  id: 'text-control-chars',
  severity: 'warning',
  description: '制御文字や見えない書式文字がないこと',
  appliesToLists: true,
  signs: inEveryTable(SIGN.controlChar),
  correct: removeControlChars,
  message: () => '制御文字（タブ、見えない文字など）が含まれています',
  fixLabel: '制御文字を削除',
  safe: true,
};
export const controlChars = textRule(CONTROL_CHARS);

const HALFWIDTH_KANA: TextCheck = {
  id: 'text-halfwidth-kana',
  severity: 'warning',
  description: '半角カタカナがないこと',
  appliesToLists: true,
  signs: inEveryTable(SIGN.halfwidthKana),
  correct: widenHalfwidthKana,
  message: (text) => `半角カタカナ「${firstHalfwidthKanaRun(text)}」があります`,
  fixLabel: '全角カタカナに変換',
  safe: true,
};
export const halfwidthKana = textRule(HALFWIDTH_KANA);

const lineBreakPolicy = (field: RowField): LineBreakPolicy => (field === 'summary' ? 'after-sentence' : 'none');

const STRAY_LINE_BREAKS: TextCheck = {
  id: 'text-stray-line-breaks',
  severity: 'warning',
  description: '文の途中や前後・空行の改行がないこと（取組概要の文末の改行は可）',
  appliesToLists: true,
  // Every break the rule may join has a line feed (a lone CR is the control-character rule's).
  signs: inEveryTable(SIGN.lineFeed),
  correct: (text, field) => joinStrayLineBreaks(text, lineBreakPolicy(field)),
  message: (_text, field) =>
    field === 'summary' ? '文の途中で改行されています（印刷時の折り返しは自動です）' : '改行が含まれています',
  fixLabel: '不要な改行を削除',
  safe: true,
};
export const strayLineBreaks = textRule(STRAY_LINE_BREAKS);

const COMMA_STYLES: Record<TableKind, CommaStyle> = { city: '，', council: '、' };
const commaStyle = (context: RuleContext): CommaStyle => COMMA_STYLES[context.table];

const PUNCTUATION: TextCheck = {
  id: 'text-punctuation',
  severity: 'warning',
  description: '読点が表の表記（旭川市「，」、社会福祉協議会「、」）にそろっていること',
  appliesToLists: false,
  signs: { city: commaSigns(WRONG_COMMA_CHARS[COMMA_STYLES.city]), council: commaSigns(WRONG_COMMA_CHARS[COMMA_STYLES.council]) },
  correct: (text, _field, context) => fixCommas(text, commaStyle(context)),
  message: (_text, _field, context) => `読点はこの表では「${commaStyle(context)}」です`,
  fixLabel: '読点をそろえる',
  safe: true,
};
export const punctuationConvention = textRule(PUNCTUATION);

export const sentenceEnd: RowRule = {
  id: 'text-sentence-end',
  scope: 'row',
  severity: 'warning',
  description: '取組概要が「。」で終わること',
  check: (row) =>
    endsOnLetter(row.summary)
      ? [
          {
            rowId: row.id,
            column: fieldColumn('summary'),
            message: '文末に「。」がありません',
            fix: { label: '文末に「。」を付ける', safe: true, edit: { field: 'summary', value: `${row.summary}。` } },
          },
        ]
      : NO_FINDINGS,
};

const DOUBLED_CHARS: TextCheck = {
  id: 'text-doubled-chars',
  severity: 'warning',
  description: '同じ文字・語の誤った重複がないこと（「こころ」のような語は対象外）',
  appliesToLists: false,
  signs: inEveryTable(SIGN.doubled),
  correct: removeDoubledRuns,
  message: (text) => {
    const runs = findDoubledRuns(text);
    return `「${runs.map((run) => run.unit + run.unit).join('」「')}」が重なっています`;
  },
  fixLabel: '重なった文字を一つにする',
  // Which copy is the slip is a person's call (対応応 may have meant 対応する or 応対).
  safe: false,
};
export const doubledCharacters = textRule(DOUBLED_CHARS);

/** The text rules' checks, for a test that runs them on every text (textRule's bySigns: false). */
export const TEXT_CHECKS: readonly TextCheck[] = [OUTER_SPACES, CONTROL_CHARS, HALFWIDTH_KANA, STRAY_LINE_BREAKS, PUNCTUATION, DOUBLED_CHARS];
