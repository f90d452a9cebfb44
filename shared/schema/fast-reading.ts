/**
 * Reading a parsed JSON value against a schema by hand, for the common case of a valid file: each reader
 * accepts exactly what its zod schema accepts and returns what zod would (new objects, keys in the schema's
 * order), and throws Mismatch at the first difference, after which zod reads the value again for its
 * messages. Keys are read as zod reads them: `key in value` for presence, `for…in` for unknown keys.
 */
export class Mismatch {}

const MISMATCH = new Mismatch();

export function fail(): never {
  throw MISMATCH;
}

export type JsonRecord = Readonly<Record<string, unknown>>;

/** A plain object: not null, not an array. */
export function record(value: unknown): JsonRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
  return value as JsonRecord;
}

/** A strict object's keys: every enumerable key is one of these. */
export function onlyKeys(value: JsonRecord, keys: ReadonlySet<string>): void {
  for (const key in value) if (!keys.has(key)) fail();
}

export function text(value: unknown): string {
  if (typeof value !== 'string') fail();
  return value;
}

export function nonEmptyText(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) fail();
  return value;
}

// ^[A-Za-z0-9][A-Za-z0-9_.-]*$, at most 200 units: a table of ASCII units, 1 where any place allows it and
// 2 where only later places do.
const ID_UNITS = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') ID_UNITS[char.charCodeAt(0)] = 1;
for (const char of '_.-') ID_UNITS[char.charCodeAt(0)] = 2;
const MAX_ID_LENGTH = 200;

export function isId(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ID_LENGTH) return false;
  if (ID_UNITS[value.charCodeAt(0)] !== 1) return false;
  for (let index = 1; index < value.length; index++) if ((ID_UNITS[value.charCodeAt(index)] ?? 0) === 0) return false;
  return true;
}

export function id(value: unknown): string {
  if (!isId(value)) fail();
  return value;
}

/** An integer within [min, max] (zod's int: a safe integer). */
export function integer(value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) fail();
  return value;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) fail();
  return value as T;
}

/** An array read element by element into a new array, with at least `min` and at most `max` elements. */
export function list<T>(value: unknown, element: (item: unknown) => T, min = 0, max = Number.POSITIVE_INFINITY): T[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) fail();
  const items = new Array<T>(value.length);
  for (let index = 0; index < value.length; index++) items[index] = element(value[index]);
  return items;
}

export function texts(value: unknown): string[] {
  if (!Array.isArray(value)) fail();
  const items = value.slice() as unknown[];
  for (let index = 0; index < items.length; index++) if (typeof items[index] !== 'string') fail();
  return items as string[];
}

/**
 * An optional key as zod reads it: absent, nothing is written; present with undefined, undefined is
 * written; otherwise the value read. `write` receives what goes into the new object.
 */
export function optional<T>(value: JsonRecord, key: string, read: (item: unknown) => T, write: (item: T | undefined) => void): void {
  if (!(key in value)) return;
  const item = value[key];
  write(item === undefined ? undefined : read(item));
}
