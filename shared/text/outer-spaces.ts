// Half-width and full-width spaces and tabs; line breaks are the line-break rule's business.
const LEADING = /^[ \t\u3000]+/;
const TRAILING = /[ \t\u3000]+$/;

export function trimOuterSpaces(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}
