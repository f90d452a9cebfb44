// A summary that stops on a letter lost its 「。」; one ending in a bracket or other mark is left alone.
const ENDS_ON_LETTER = /[\p{L}\p{N}]$/u;

// The pattern looks at the last character alone, so its verdict is kept per UTF-16 unit (0: not asked yet).
const LETTER = 1;
const NOT_LETTER = 2;
const verdicts = new Uint8Array(0x10000);

/** Whether a text ends on a letter or a digit, without running the pattern over the whole text. */
export function endsOnLetter(text: string): boolean {
  if (text.length === 0) return false;
  const last = text.charCodeAt(text.length - 1);
  // The last two units hold a last character of a surrogate pair.
  if (last >= 0xd800 && last <= 0xdfff) return ENDS_ON_LETTER.test(text.slice(-2));
  if (verdicts[last] === 0) verdicts[last] = ENDS_ON_LETTER.test(String.fromCharCode(last)) ? LETTER : NOT_LETTER;
  return verdicts[last] === LETTER;
}
