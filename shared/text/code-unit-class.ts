/** A regular-expression character class of UTF-16 code unit ranges, so a set of characters is written once. */
export type CodeUnitRange = readonly [from: number, to: number];

const escaped = (code: number): string => `\\u${code.toString(16).padStart(4, '0')}`;

export function codeUnitClass(ranges: readonly CodeUnitRange[]): string {
  return `[${ranges.map(([from, to]) => `${escaped(from)}-${escaped(to)}`).join('')}]`;
}
