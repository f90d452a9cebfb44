/** Half-width and full-width spaces and tabs; line breaks are the line-break rule's business. */
export const OUTER_SPACE_CHARS = ' \t\u3000';

const LEADING = new RegExp(`^[${OUTER_SPACE_CHARS}]+`);
const TRAILING = new RegExp(`[${OUTER_SPACE_CHARS}]+$`);

export function trimOuterSpaces(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}
