/** How a field may hold line breaks: not at all, or only after the end of a sentence. */
export type LineBreakPolicy = 'none' | 'after-sentence';

// A break that follows these closes a sentence or a list item, so it was meant.
const SENTENCE_END = /[。．！？!?」』）)：:]$/;

export function joinStrayLineBreaks(text: string, policy: LineBreakPolicy): string {
  const lines = text.split('\n');
  if (policy === 'none') return lines.join('');
  // Blank lines, and breaks at either end, are never meant in a printed cell.
  const kept = lines.filter((line) => line.length > 0);
  let result = '';
  for (const line of kept) {
    if (result.length === 0) result = line;
    else result += SENTENCE_END.test(result) ? `\n${line}` : line;
  }
  return result;
}
