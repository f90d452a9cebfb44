/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A1-style address of a zero-based cell, as a person finds it in Excel. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

/** Zero-based row and column of an A1 address; undefined for anything else (an empty cell reference). */
export function parseCellAddress(address: string): { readonly row: number; readonly column: number } | undefined {
  const match = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(address);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1] ?? '') column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}
