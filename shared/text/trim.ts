let whiteSpace: Uint8Array | undefined;

/** The UTF-16 units String.prototype.trim removes, as trim itself says (built on first use). */
function whiteSpaceUnits(): Uint8Array {
  if (!whiteSpace) {
    whiteSpace = new Uint8Array(0x10000);
    for (let unit = 0; unit < 0x10000; unit++) if (String.fromCharCode(unit).trim().length === 0) whiteSpace[unit] = 1;
  }
  return whiteSpace;
}

/**
 * String.prototype.trim, but a text whose ends are not white space is returned as it is without calling it:
 * most names and texts are, and the validation rules trim every one of them.
 */
export function trimText(text: string): string {
  if (text.length === 0) return text;
  const units = whiteSpaceUnits();
  return units[text.charCodeAt(0)] === 0 && units[text.charCodeAt(text.length - 1)] === 0 ? text : text.trim();
}
