import { trimText } from '../../text/trim';

/** A value of spaces alone counts as empty. */
export const isBlank = (text: string): boolean => trimText(text).length === 0;

// Names are compared trimmed: stray spaces are the outer-spaces rule's finding, not a second one here.
export const withoutBlanks = (values: readonly string[]): string[] =>
  values.map(trimText).filter((value) => value.length > 0);

/** Whether a value, trimmed and not blank, is `name`. */
export function includesName(values: readonly string[], name: string): boolean {
  for (const value of values) {
    const trimmed = trimText(value);
    if (trimmed.length > 0 && trimmed === name) return true;
  }
  return false;
}
