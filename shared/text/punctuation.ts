/** The comma a table writes: the city table 「，」, the council table 「、」. Both end sentences with 「。」. */
export type CommaStyle = '，' | '、';

// A half-width comma counts only beside Japanese text (1,000 and "A, B" stay), and takes its trailing
// spaces with it; a full-width comma between digits (１，０００) is a thousands separator, not punctuation.
const HALF_WIDTH_COMMA = '(?<=[^\\x00-\\x7F]),[ ]*|,[ ]*(?=[^\\x00-\\x7F])';
const WRONG_COMMAS: Record<CommaStyle, RegExp> = {
  '，': new RegExp(`、|${HALF_WIDTH_COMMA}`, 'g'),
  '、': new RegExp(`(?<![0-9０-９])，|，(?![0-9０-９])|${HALF_WIDTH_COMMA}`, 'g'),
};

/** The characters fixCommas may replace in each style: a text without them is left as it is. */
export const WRONG_COMMA_CHARS: Record<CommaStyle, string> = { '，': '、,', '、': '，,' };

export function fixCommas(text: string, style: CommaStyle): string {
  return text.replace(WRONG_COMMAS[style], style);
}
