import { codeUnitClass, type CodeUnitRange } from './code-unit-class';

/** C0/C1 controls other than the line feed, plus invisible format characters that sneak in by copy and paste. */
export const CONTROL_CHAR_RANGES: readonly CodeUnitRange[] = [
  [0x0000, 0x0009],
  [0x000b, 0x001f],
  [0x007f, 0x009f],
  [0x200b, 0x200f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2060, 0x2060],
  [0xfeff, 0xfeff],
];

const CONTROL_CHARS = new RegExp(codeUnitClass(CONTROL_CHAR_RANGES), 'g');

/** Removes control characters; a CR before a LF (Windows line ends) simply disappears. */
export function removeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, '');
}
