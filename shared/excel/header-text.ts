/** How header texts compare: NFKC, every space and line break gone, so vertical text typed one character per line still matches. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b-\u200d\ufeff]+/gu, '');
}

/** A header as a person would write it in the plan: the line breaks of vertical or wrapped text removed. */
export function displayHeader(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '').trim();
}
