/** Line breaks separate 部/課 values first; 「・」 only inside a piece that is not itself a known name (a 課 may contain 「・」). */
export function splitNames(text: string, known: ReadonlySet<string>): string[] {
  if (known.has(text)) return [text]; // the common case: one known name, nothing to split
  const names: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const piece = line.trim();
    if (piece === '') continue;
    if (known.has(piece)) names.push(piece);
    else for (const part of piece.split('・')) if (part.trim() !== '') names.push(part.trim());
  }
  return names;
}

const lastLine = (text: string): string => text.split(/\r\n|\r|\n/).pop()?.trim() ?? '';
const firstLine = (text: string): string => text.split(/\r\n|\r|\n/)[0]?.trim() ?? '';

/**
 * The 部/課 text of a row continued on the next row (a PDF-made workbook prints one line per row). Texts are concatenated
 * as they are (a name cut in two joins up), except where the master knows both ends as whole names: then each is a
 * value of its own, as 長寿社会課 / 子ども総合相談センター printed one per line.
 */
export function joinNameTexts(previous: string, next: string, known: ReadonlySet<string>): string {
  if (previous.trim() === '') return next;
  if (next.trim() === '') return previous;
  const tail = lastLine(previous);
  const head = firstLine(next);
  if (tail.endsWith('・') || head.startsWith('・')) return `${previous}${next}`;
  const tailName = tail.split('・').pop()?.trim() ?? '';
  const headName = head.split('・')[0]?.trim() ?? '';
  if (!known.has(`${tailName}${headName}`) && known.has(tailName) && known.has(headName)) return `${previous}\n${next}`;
  return `${previous}${next}`;
}
