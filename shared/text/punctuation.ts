/** The comma a table writes: the city table 「，」, the council table 「、」. Both end sentences with 「。」. */
export type CommaStyle = '，' | '、';

// A half-width comma counts only beside Japanese text, so 1,000 and "A, B" stay as they are.
const WRONG_COMMAS: Record<CommaStyle, RegExp> = {
  '，': /、|(?<=[^\x00-\x7F]),|,(?=[^\x00-\x7F])/g,
  '、': /，|(?<=[^\x00-\x7F]),|,(?=[^\x00-\x7F])/g,
};

export function fixCommas(text: string, style: CommaStyle): string {
  return text.replace(WRONG_COMMAS[style], style);
}
