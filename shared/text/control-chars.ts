// C0/C1 controls other than the line feed, plus invisible format characters that sneak in by copy and paste.
const CONTROL_CHARS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060\uFEFF]/g;

/** Removes control characters; a CR before a LF (Windows line ends) simply disappears. */
export function removeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}
