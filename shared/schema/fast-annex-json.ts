import { CURRENT_SCHEMA_VERSION, MAX_ROWS_PER_TABLE, type AnnexJson } from './annex-json-schema';
import { fail, id, integer, isId, list, Mismatch, nonEmptyText, oneOf, onlyKeys, optional, record, text, texts, type JsonRecord } from './fast-reading';

/**
 * annexJsonSchema read by hand (see fast-reading): the same acceptance and the same output, several times
 * faster on a large file. Every reader below mirrors one schema of annex-json-schema.ts; a property test
 * holds the two together.
 */

type Json = AnnexJson;
type Concept = Json['plan']['visions'][number]['concepts'][number];
type SubColumn = NonNullable<Concept['subColumns']>[number];
type Row = Json['tables']['city']['rows'][number];
type Ledger = NonNullable<Json['ledger']>;

const keys = (...names: string[]): ReadonlySet<string> => new Set(names);

const SUB_COLUMN_KEYS = keys('id', 'title');
const CONCEPT_KEYS = keys('id', 'label', 'title', 'subColumns');
const VISION_KEYS = keys('id', 'label', 'title', 'concepts');
const PLAN_KEYS = keys('title', 'edition', 'year', 'annexTitle', 'philosophy', 'visions');
const DEPARTMENT_KEYS = keys('name', 'sections');
const MASTERS_KEYS = keys('departments');
const TABLE_KEYS = keys('title', 'rows');
const TABLES_KEYS = keys('city', 'council');
const PROVENANCE_KEYS = keys('source', 'reconstructed', 'notes');
const SETTINGS_KEYS = keys('paperSize');
const SENT_ROW_KEYS = keys('number', 'row');
const RECIPIENT_KEYS = keys('key', 'department', 'section', 'table', 'rowsHash', 'rows');
const SEND_KEYS = keys('id', 'sentAt', 'by', 'recipients');
const CHANGE_KEYS = keys('table', 'rowId', 'kind', 'fields');
const RECEIPT_KEYS = keys('fileName', 'fileHash', 'receivedAt', 'sendId', 'recipient', 'applied');
const LEDGER_KEYS = keys('sends', 'receipts');
const ANNEX_KEYS = keys('schemaVersion', 'provenance', 'settings', 'plan', 'masters', 'tables', 'ledger');

const TABLE_KINDS = ['city', 'council'] as const;

/** A strict object with these keys, as a record to read them from. */
function strict(value: unknown, allowed: ReadonlySet<string>): JsonRecord {
  const object = record(value);
  onlyKeys(object, allowed);
  return object;
}

function subColumn(value: unknown): SubColumn {
  const object = strict(value, SUB_COLUMN_KEYS);
  return { id: id(object.id), title: nonEmptyText(object.title) };
}

function concept(value: unknown): Concept {
  const object = strict(value, CONCEPT_KEYS);
  const result: Concept = { id: id(object.id), label: nonEmptyText(object.label), title: nonEmptyText(object.title) };
  optional(object, 'subColumns', (item) => list(item, subColumn, 1), (item) => (result.subColumns = item));
  return result;
}

function vision(value: unknown): Json['plan']['visions'][number] {
  const object = strict(value, VISION_KEYS);
  return { id: id(object.id), label: nonEmptyText(object.label), title: nonEmptyText(object.title), concepts: list(object.concepts, concept, 1) };
}

function plan(value: unknown): Json['plan'] {
  const object = strict(value, PLAN_KEYS);
  return {
    title: nonEmptyText(object.title),
    edition: text(object.edition),
    year: integer(object.year, 1900, 2999),
    annexTitle: text(object.annexTitle),
    philosophy: text(object.philosophy),
    visions: list(object.visions, vision, 1),
  };
}

function masters(value: unknown): Json['masters'] {
  const object = strict(value, MASTERS_KEYS);
  return {
    departments: list(object.departments, (item) => {
      const department = strict(item, DEPARTMENT_KEYS);
      return { name: nonEmptyText(department.name), sections: list(department.sections, nonEmptyText) };
    }),
  };
}

const ROW_KEYS = ['id', 'departments', 'sections', 'title', 'summary', 'marks'];
const ROW_KEY_SET = new Set(ROW_KEYS);

function strings(value: unknown): readonly string[] {
  if (!Array.isArray(value)) fail();
  for (let index = 0; index < value.length; index++) if (typeof value[index] !== 'string') fail();
  return value as readonly string[];
}

/**
 * A row: the one reader written out in full, since a large file is nearly all rows. When the value is the
 * caller's own (just parsed) and its keys are already the schema's, in its order, the row is the object
 * itself: zod's copy would be equal to it, and copying a large file's rows costs more than reading it.
 */
function row(value: unknown, reuse: boolean): Row {
  const object = record(value);
  let count = 0;
  let inOrder = true;
  for (const key in object) {
    if (key !== ROW_KEYS[count]) {
      if (!ROW_KEY_SET.has(key)) fail();
      inOrder = false;
    }
    count += 1;
  }
  const rowId = id(object.id);
  const departments = strings(object.departments);
  const sections = strings(object.sections);
  const title = text(object.title);
  const summary = text(object.summary);
  const marks = strings(object.marks);
  for (let index = 0; index < marks.length; index++) if (!isId(marks[index])) fail();
  if (reuse && inOrder && count === ROW_KEYS.length) return object as unknown as Row;
  return { id: rowId, departments: [...departments], sections: [...sections], title, summary, marks: [...marks] };
}

/** A table's rows; the caller's own array when every row is taken over, so a large file is not copied. */
function rows(value: unknown, reuse: boolean): Row[] {
  if (reuse && Array.isArray(value) && value.length <= MAX_ROWS_PER_TABLE) {
    let index = 0;
    while (index < value.length && row(value[index], true) === value[index]) index += 1;
    if (index === value.length) return value as Row[];
  }
  return list(value, (item) => row(item, reuse), 0, MAX_ROWS_PER_TABLE);
}

function table(value: unknown, reuse: boolean): Json['tables']['city'] {
  const object = strict(value, TABLE_KEYS);
  return { title: text(object.title), rows: rows(object.rows, reuse) };
}

function tables(value: unknown, reuse: boolean): Json['tables'] {
  const object = strict(value, TABLES_KEYS);
  return { city: table(object.city, reuse), council: table(object.council, reuse) };
}

function provenance(value: unknown): NonNullable<Json['provenance']> {
  const object = strict(value, PROVENANCE_KEYS);
  return { source: text(object.source), reconstructed: texts(object.reconstructed), notes: texts(object.notes) };
}

function settings(value: unknown): NonNullable<Json['settings']> {
  const object = strict(value, SETTINGS_KEYS);
  return { paperSize: oneOf(object.paperSize, ['A3', 'A4'] as const) };
}

function send(value: unknown): Ledger['sends'][number] {
  const object = strict(value, SEND_KEYS);
  return {
    id: id(object.id),
    sentAt: nonEmptyText(object.sentAt),
    by: oneOf(object.by, ['section', 'department'] as const),
    recipients: list(object.recipients, (item) => {
      const recipient = strict(item, RECIPIENT_KEYS);
      return {
        key: nonEmptyText(recipient.key),
        department: text(recipient.department),
        section: text(recipient.section),
        table: oneOf(recipient.table, TABLE_KINDS),
        rowsHash: text(recipient.rowsHash),
        rows: list(recipient.rows, (entry) => {
          const sent = strict(entry, SENT_ROW_KEYS);
          return { number: integer(sent.number, 1, Number.MAX_SAFE_INTEGER), row: row(sent.row, false) };
        }),
      };
    }),
  };
}

function receipt(value: unknown): Ledger['receipts'][number] {
  const object = strict(value, RECEIPT_KEYS);
  return {
    fileName: text(object.fileName),
    fileHash: nonEmptyText(object.fileHash),
    receivedAt: nonEmptyText(object.receivedAt),
    sendId: text(object.sendId),
    recipient: text(object.recipient),
    applied: list(object.applied, (item) => {
      const change = strict(item, CHANGE_KEYS);
      return {
        table: oneOf(change.table, TABLE_KINDS),
        rowId: id(change.rowId),
        kind: oneOf(change.kind, ['changed', 'added', 'deleted'] as const),
        fields: texts(change.fields),
      };
    }),
  };
}

/** Each list defaults to empty when absent or undefined, as `.default([])` does. */
function ledger(value: unknown): Ledger {
  const object = strict(value, LEDGER_KEYS);
  return {
    sends: object.sends === undefined ? [] : list(object.sends, send),
    receipts: object.receipts === undefined ? [] : list(object.receipts, receipt),
  };
}

/**
 * The file as annexJsonSchema.safeParse would give it, or undefined where zod would find a problem.
 * `reuseRows`: the value is the caller's own, so rows may be taken over rather than copied.
 */
export function readAnnexJsonFast(value: unknown, reuseRows = false): AnnexJson | undefined {
  try {
    const object = strict(value, ANNEX_KEYS);
    if (object.schemaVersion !== CURRENT_SCHEMA_VERSION) fail();
    const json = { schemaVersion: CURRENT_SCHEMA_VERSION } as Json;
    optional(object, 'provenance', provenance, (item) => (json.provenance = item));
    optional(object, 'settings', settings, (item) => (json.settings = item));
    json.plan = plan(object.plan);
    json.masters = masters(object.masters);
    json.tables = tables(object.tables, reuseRows);
    optional(object, 'ledger', ledger, (item) => (json.ledger = item));
    return json;
  } catch (cause) {
    if (cause instanceof Mismatch) return undefined;
    throw cause;
  }
}
