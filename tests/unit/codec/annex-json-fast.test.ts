import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import builtinJson from '../../../data/annex-2024.json';
import { documentFromJsonValue, parseAnnexJson, stringifyAnnexJson, toAnnexJson } from '../../../shared/codec/annex-json';
import type { AnnexDocument, AnnexRow } from '../../../shared/model/annex-document';
import { markColumns } from '../../../shared/model/plan';
import { checkDocumentStructure } from '../../../shared/model/structure-checks';
import { annexJsonSchema, type AnnexJson } from '../../../shared/schema/annex-json-schema';
import { readAnnexJsonFast } from '../../../shared/schema/fast-annex-json';
import { namesAreUnique } from '../../../shared/schema/unique-names';
import { documentArbitrary } from '../support/document-arbitrary';

type Json = unknown;
type Path = readonly (string | number)[];

/** A ledger with a send and a receipt, so the files carry every part of the schema. */
const LEDGER = {
  sends: [
    {
      id: 'send-1',
      sentAt: '2025-05-01T09:00:00+09:00',
      by: 'section',
      recipients: [
        {
          key: '福祉保険部/福祉保険課',
          department: '福祉保険部',
          section: '福祉保険課',
          table: 'city',
          rowsHash: 'abc',
          rows: [{ number: 1, row: { id: 'sent-1', departments: ['福祉保険部'], sections: [], title: '題', summary: '概要。', marks: ['v1-1'] } }],
        },
      ],
    },
  ],
  receipts: [{ fileName: 'a.xlsx', fileHash: 'h', receivedAt: '2025-06-01T09:00:00+09:00', sendId: 'send-1', recipient: '福祉保険部/福祉保険課', applied: [{ table: 'city', rowId: 'city-1', kind: 'changed', fields: ['title', 'mark:v1-1'] }] }],
};

/** Valid files: generated documents in their JSON form, some with a ledger or without its lists, and the bundled one. */
const validFile: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: documentArbitrary().map((document) => JSON.parse(JSON.stringify(toAnnexJson(document))) as Json) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<object>(LEDGER, { sends: LEDGER.sends }, { receipts: LEDGER.receipts }, {}).map((ledger) => ({ ...structuredClone(builtinJson), ledger: structuredClone(ledger) }) as Json),
  },
  { weight: 1, arbitrary: fc.constant(structuredClone(builtinJson) as Json) },
);

/** Every place in a value: the paths of its objects and arrays and of what they hold. */
function paths(value: Json, at: Path = []): Path[] {
  const here: Path[] = [at];
  if (Array.isArray(value)) value.forEach((item, index) => here.push(...paths(item, [...at, index])));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) here.push(...paths(item, [...at, key]));
  return here;
}

const KEYS = ['id', 'title', 'label', 'marks', 'rows', 'sections', 'number', 'subColumns', 'ledger', 'settings', 'provenance', '__proto__', 'extra'];

/** Values of every kind, and values a schema nearly accepts. */
const replacement = fc.oneof(
  fc.constantFrom<Json>(undefined, null, true, 0, -0, 1, 1.5, 1899, 1900, 2999, 3000, 2**53, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', 'v1-1', 'city-1', '-bad', 'a'.repeat(200), 'a'.repeat(201), 'A3', 'A5', 'city', 'section', 'added', 'x', [], [''], ['v9-9'], [null], {}, { id: 'x' }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Values a schema nearly accepts in place of this one: each boundary of its type. */
function nearMisses(value: Json): Json[] {
  if (typeof value === 'string') return ['', ' ', `${value}\u3000`, `-${value}`, 'a'.repeat(200), 'a'.repeat(201), 'A4', 'A5', 'department', 'deleted', 'v1-1', 1, null, undefined];
  if (typeof value === 'number') return [value + 1, value - 1, value + 0.5, -value, 0, 1, 1899, 3000, 2 ** 53, Number.NaN, String(value), null, undefined];
  if (Array.isArray(value)) return [[], [null], [...value, ...value], value.slice(1), {}, null, undefined];
  if (typeof value === 'object' && value !== null) return [{}, [], null, undefined, { ...value, extra: 1 }];
  return [null, undefined, ''];
}

type Mutation =
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'nearMiss'; readonly at: number; readonly pick: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'copy'; readonly from: number; readonly at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nearMiss' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('nearMiss' as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: replacement }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
  // A value put somewhere else: duplicate ids, a row where a row was, a plan id as a mark.
  fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), at: fc.nat() }),
);

const get = (value: Json, path: Path): Json => path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);

/**
 * Places grouped by their place in the schema (indexes aside), one group as likely as another, so a vision's
 * label is changed as often as a row's title although a file has far more rows than visions.
 */
function places(value: Json): Path[] {
  const groups = new Map<string, Path[]>();
  for (const path of paths(value)) {
    const pattern = path.map((key) => (typeof key === 'number' ? '#' : key)).join('.');
    groups.set(pattern, [...(groups.get(pattern) ?? []), path]);
  }
  // Round-robin over the groups: index i picks group i % groups, then a member of it.
  const lists = [...groups.values()];
  return Array.from({ length: lists.length * 4 }, (_, index) => {
    const list = lists[index % lists.length] as Path[];
    return list[Math.floor(index / lists.length) % list.length] as Path;
  });
}

/** The file with one thing changed (the file itself is not touched). */
function mutate(file: Json, change: Mutation): Json {
  const copy = structuredClone(file);
  const all = places(copy);
  const target = all[change.at % all.length] as Path;
  const parentPath = target.slice(0, -1);
  const key = target[target.length - 1];
  const parent = get(copy, parentPath) as Record<string | number, Json> | Json[] | undefined;
  switch (change.kind) {
    case 'drop':
      if (key === undefined) return undefined;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (parent) delete parent[key];
      return copy;
    case 'add': {
      const node = get(copy, target);
      if (Array.isArray(node)) node.push(change.value);
      else if (typeof node === 'object' && node !== null) Object.defineProperty(node, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
      return copy;
    }
    case 'replace':
    case 'nearMiss':
    case 'copy': {
      const misses = nearMisses(get(copy, target));
      const value =
        change.kind === 'replace' ? change.value : change.kind === 'nearMiss' ? misses[change.pick % misses.length] : structuredClone(get(copy, all[change.from % all.length] as Path));
      if (key === undefined) return value;
      (parent as Record<string | number, Json>)[key] = value;
      return copy;
    }
  }
}

/** A copy of the file with the value at `path` set (an own, enumerable key, even __proto__). */
function setAt(file: Json, path: Path, value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(file);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json>;
  Object.defineProperty(parent, path[path.length - 1] as string | number, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** A copy of the file without the value at `path`. */
function dropAt(file: Json, path: Path): Json {
  if (path.length === 0) return undefined;
  const copy = structuredClone(file);
  const parent = get(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
  return copy;
}

const anyFile: fc.Arbitrary<Json> = fc.oneof(
  { weight: 1, arbitrary: validFile },
  { weight: 5, arbitrary: fc.tuple(validFile, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([file, changes]) => changes.reduce(mutate, file)) },
);

/** The document as the loader made it before the hand-written reader: zod, the structure checks, marks in column order. */
function zodDocument(value: Json): AnnexDocument | undefined {
  const parsed = annexJsonSchema.safeParse(value);
  if (!parsed.success || checkDocumentStructure(parsed.data).length > 0) return undefined;
  const json: AnnexJson = parsed.data;
  const order = new Map(markColumns(json.plan).map((column, index) => [column.id, index]));
  const rows = (source: AnnexJson['tables']['city']['rows']): AnnexRow[] =>
    source.map((row) => ({ ...row, marks: [...row.marks].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) }));
  const ledger = json.ledger && (json.ledger.sends.length > 0 || json.ledger.receipts.length > 0) ? { ledger: json.ledger } : {};
  return {
    plan: json.plan,
    masters: json.masters,
    tables: { city: { title: json.tables.city.title, rows: rows(json.tables.city.rows) }, council: { title: json.tables.council.title, rows: rows(json.tables.council.rows) } },
    ...(json.provenance ? { provenance: json.provenance } : {}),
    ...(json.settings ? { settings: json.settings } : {}),
    ...ledger,
  };
}

const RUNS = { seed: 20250304, numRuns: 1000 };

describe('the hand-written reader of the JSON form', () => {
  it('accepts exactly what the zod schema accepts, and gives what zod gives, keys in the same order', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyFile, (file) => {
        const zod = annexJsonSchema.safeParse(file);
        const fast = readAnnexJsonFast(file);
        expect(fast !== undefined).toBe(zod.success);
        if (zod.success) {
          accepted += 1;
          expect(fast).toEqual(zod.data);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        }
      }),
      RUNS,
    );
    // Both sides of the property were tried many times.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 10);
    expect(accepted).toBeLessThan(RUNS.numRuns * 0.9);
  });

  it('agrees with zod on every near miss at every place of the schema, one change at a time', () => {
    const files: Json[] = [structuredClone(builtinJson), { ...structuredClone(builtinJson), settings: { paperSize: 'A4' }, ledger: structuredClone(LEDGER) }];
    let cases = 0;
    for (const file of files) {
      const groups = new Map<string, Path>();
      for (const path of paths(file)) groups.set(path.map((key) => (typeof key === 'number' ? '#' : key)).join('.'), path);
      for (const path of groups.values()) {
        const value = get(file, path);
        const variants: Json[] = nearMisses(value).map((miss) => setAt(file, path, miss));
        variants.push(dropAt(file, path));
        if (typeof value === 'object' && value !== null && !Array.isArray(value)) variants.push(setAt(file, [...path, 'extra'], 1), setAt(file, [...path, '__proto__'], {}));
        for (const variant of variants) {
          cases += 1;
          const zod = annexJsonSchema.safeParse(variant);
          const fast = readAnnexJsonFast(variant);
          expect(fast !== undefined, `${path.join('.')} ${JSON.stringify(get(variant, path))}`).toBe(zod.success);
          if (zod.success) expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
        }
      }
    }
    expect(cases).toBeGreaterThan(500);
  });

  it('loads every file as before: the same document when it loads, and a refusal when it did not', () => {
    fc.assert(
      fc.property(anyFile, (file) => {
        const expected = zodDocument(file);
        const loaded = documentFromJsonValue(file);
        expect(loaded.ok).toBe(expected !== undefined);
        if (loaded.ok) expect(loaded.value).toEqual(expected);
        // Through the text, as a file is read (JSON has no undefined or NaN, so the text is compared with itself).
        const text = JSON.stringify(file);
        if (text === undefined) return;
        const fromText = zodDocument(JSON.parse(text));
        const parsed = parseAnnexJson(text);
        expect(parsed.ok).toBe(fromText !== undefined);
        if (parsed.ok) expect(parsed.value).toEqual(fromText);
      }),
      { ...RUNS, numRuns: 600 },
    );
  });

  it('leaves the value it was given alone and shares nothing with it', () => {
    const file = structuredClone(builtinJson);
    const loaded = documentFromJsonValue(file);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(file).toEqual(builtinJson);
    expect(loaded.value.tables.city.rows[0]).not.toBe(file.tables.city.rows[0]);
    expect(loaded.value.tables.city.rows[0]?.departments).not.toBe(file.tables.city.rows[0]?.departments);
  });
});

describe('the row id check', () => {
  it('says names are unique exactly when a set says so, for ids that differ in one unit or not at all', () => {
    const name = fc.oneof(fc.constantFrom('city-1', 'city-2', 'city-10', 'a', 'A', ''), fc.string({ unit: 'binary', maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 80 }), (names) => {
        expect(namesAreUnique(names.length, (index) => names[index] as string)).toBe(new Set(names).size === names.length);
      }),
      { seed: 20250306, numRuns: 2000 },
    );
  });
});

const ROW_LINE = '        {"id":';

/** The text holds the copied form, keys in its order, with each row on a line of its own and the rest laid out as JSON.stringify(…, null, 2) lays it out. */
function expectRowPerLineForm(document: AnnexDocument): void {
  const text = stringifyAnnexJson(document);
  const form = toAnnexJson(document);
  expect(JSON.stringify(JSON.parse(text))).toBe(JSON.stringify(form));
  const lines = text.split('\n');
  const rowLines = lines.filter((line) => line.startsWith(ROW_LINE));
  expect(rowLines.map((line) => JSON.parse(line.replace(/,$/, '')) as unknown)).toEqual([...form.tables.city.rows, ...form.tables.council.rows]);
  const withoutRows = { ...form, tables: { city: { ...form.tables.city, rows: [] }, council: { ...form.tables.council, rows: [] } } };
  const rest = lines.filter((line) => !line.startsWith(ROW_LINE)).join('\n').replaceAll('"rows": [\n      ]', '"rows": []');
  expect(rest).toBe(`${JSON.stringify(withoutRows, null, 2)}\n`);
}

describe('writing the JSON form', () => {
  it('writes the copied form a row a line, whatever the rows’ key order', () => {
    fc.assert(
      fc.property(documentArbitrary(), fc.boolean(), (document, shuffled) => {
        const rows = (source: readonly AnnexRow[]): AnnexRow[] =>
          shuffled ? source.map(({ marks, title, ...rest }) => ({ marks, ...rest, title })) : [...source];
        expectRowPerLineForm({
          ...document,
          tables: { city: { ...document.tables.city, rows: rows(document.tables.city.rows) }, council: { ...document.tables.council, rows: rows(document.tables.council.rows) } },
        });
      }),
      { seed: 20250305, numRuns: 200 },
    );
  });

  it('keeps a row whole when its text looks like a row boundary, and indents the ledger', () => {
    const json = structuredClone(builtinJson) as unknown as AnnexJson;
    const [first, second] = json.tables.city.rows as AnnexJson['tables']['city']['rows'];
    Object.assign(first!, { title: '},{"id":"city-02"}', summary: '改行\nと "rows": [] と },\n        {"id":' });
    Object.assign(second!, { title: '\\', summary: '{"id":\\' });
    const parsed = parseAnnexJson(JSON.stringify({ ...json, ledger: LEDGER }));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
    expectRowPerLineForm(parsed.value);
    expect(stringifyAnnexJson(parsed.value)).toContain('\n  "ledger": {\n    "sends": [\n');
  });
});
