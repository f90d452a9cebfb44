import { expect } from 'vitest';
import type { ReadResult } from '../../../shared/codec/document-formats';

/** Hiragana, katakana or kanji: a line a Japanese reader reads, not a raw English error. */
export const JAPANESE = /[ぁ-んァ-ン一-龥]/;

// The prototypes a parser could reach through a key such as __proto__ or constructor.prototype.
const PROTOTYPES: Readonly<Record<string, object>> = {
  Object: Object.prototype,
  Array: Array.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  Function: Function.prototype,
  RegExp: RegExp.prototype,
  Date: Date.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Uint8Array: Uint8Array.prototype,
};

/** Every own key of those prototypes with what it holds (functions by identity): any pollution changes it. */
export function prototypeSnapshot(): Record<string, [string, unknown][]> {
  const snapshot: Record<string, [string, unknown][]> = {};
  for (const [name, prototype] of Object.entries(PROTOTYPES)) {
    snapshot[name] = Reflect.ownKeys(prototype).map((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
      return [String(key), descriptor?.value ?? descriptor?.get];
    });
  }
  return snapshot;
}

/** Object.prototype as before, and a fresh object without anything a polluter would set. */
export function expectUnpolluted(before: Record<string, [string, unknown][]>): void {
  expect(prototypeSnapshot()).toEqual(before);
  const probe = {} as Record<string, unknown>;
  // Names SheetJS assigns from a file (a cell's t and v, a relationship's Target and Id), and what the corpus sets.
  for (const key of ['polluted', 'yes', 't', 'v', 'Target', 'Id', 'Type', 'name', 'sheetId']) expect(probe[key]).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
  expect(probe.constructor).toBe(Object);
  expect([].constructor).toBe(Array);
}

/** The lines a read gives a person: its warnings, or its errors. */
export const linesOf = (result: ReadResult): readonly string[] => (result.ok ? result.value.warnings : result.error);

/** Each line names the file first and says its problem in Japanese. */
export function expectJapaneseLines(lines: readonly string[], fileName: string): void {
  for (const line of lines) {
    expect(line.startsWith(`${fileName}`), line).toBe(true);
    expect(line.slice(fileName.length), line).toMatch(JAPANESE);
  }
}
