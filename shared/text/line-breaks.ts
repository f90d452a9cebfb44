/** How a field may hold line breaks: not at all, or only after the end of a sentence. */
export type LineBreakPolicy = 'none' | 'after-sentence';

// A break that follows these closes a sentence or a list item, so it was meant.
const SENTENCE_END = /[。．！？!?」』）)：:]$/;

/** Joins breaks that cut running text, as copying wrapped text out of a PDF leaves them; CRLF counts as one break. */
export function joinStrayLineBreaks(text: string, policy: LineBreakPolicy): string {
  // Odd indexes hold the separators, so a kept break keeps its own \n or \r\n.
  const parts = text.split(/(\r?\n)/);
  if (policy === 'none') return parts.filter((_, index) => index % 2 === 0).join('');
  let result = '';
  let breakAfterResult = '';
  for (let index = 0; index < parts.length; index += 2) {
    const line = parts[index] as string;
    // Blank lines, and breaks at either end, are never meant in a printed cell.
    if (line.length > 0) {
      if (result.length === 0) result = line;
      else result += (SENTENCE_END.test(result) ? breakAfterResult : '') + line;
      breakAfterResult = '';
    }
    if (result.length > 0 && breakAfterResult === '') breakAfterResult = parts[index + 1] ?? '';
  }
  return result;
}
