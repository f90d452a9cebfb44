import { japaneseErrors } from '../schema/japanese-errors';
import { annexJsonSchema, CURRENT_SCHEMA_VERSION, type AnnexJson } from '../schema/annex-json-schema';
import type { AnnexDocument, AnnexRow, AnnexTable } from '../model/annex-document';
import type { LoadProblem } from '../model/load-problem';
import { isEmptyLedger } from '../model/ledger';
import { markColumns } from '../model/plan';
import { TABLE_LABELS } from '../model/table-names';
import { checkDocumentStructure } from '../model/structure-checks';
import { err, ok, type Result } from '../result';


/** tables.city.rows[3]（旭川市 通し番号 4）.marks[0]: the JSON path, with the row as the annex numbers it. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key, index) => {
    if (typeof key !== 'number') return text ? `${text}.${String(key)}` : String(key);
    const table = path[index - 2];
    const isRow = path[index - 3] === 'tables' && path[index - 1] === 'rows' && (table === 'city' || table === 'council');
    return `${text}[${key}]${isRow ? `（${TABLE_LABELS[table]} 通し番号 ${key + 1}）` : ''}`;
  }, '');
}

function versionProblem(value: unknown): LoadProblem | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { code: 'schema', path: '', message: '取組事業一覧の JSON ではありません（最上位がオブジェクトではありません）' };
  }
  const version = (value as Record<string, unknown>).schemaVersion;
  if (version === undefined) return { code: 'schema', path: 'schemaVersion', message: 'schemaVersion がありません' };
  if (typeof version === 'number' && Number.isInteger(version) && version > CURRENT_SCHEMA_VERSION) {
    return {
      code: 'unsupported-version',
      path: 'schemaVersion',
      message: `このファイルは新しい形式（版 ${version}）です。このアプリが読めるのは版 ${CURRENT_SCHEMA_VERSION} までです`,
    };
  }
  return undefined;
}

/** Marks in the plan's column order, so equal documents have equal JSON. */
function fromJson(json: AnnexJson): AnnexDocument {
  const order = new Map(markColumns(json.plan).map((column, index) => [column.id, index]));
  const table = (source: AnnexJson['tables']['city']): AnnexTable => ({
    title: source.title,
    rows: source.rows.map(
      (row): AnnexRow => ({ ...row, marks: [...row.marks].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)) }),
    ),
  });
  return {
    plan: json.plan,
    masters: json.masters,
    tables: { city: table(json.tables.city), council: table(json.tables.council) },
    ...(json.provenance ? { provenance: json.provenance } : {}),
    ...(json.settings ? { settings: json.settings } : {}),
    ...(isEmptyLedger(json.ledger) ? {} : { ledger: json.ledger }),
  };
}

/** A parsed JSON value → a document, or every problem found (schema problems first, then structure). */
export function documentFromJsonValue(value: unknown): Result<AnnexDocument, LoadProblem[]> {
  const version = versionProblem(value);
  if (version) return err([version]);
  const parsed = annexJsonSchema.safeParse(value, { error: japaneseErrors });
  if (!parsed.success) {
    return err(parsed.error.issues.map((issue) => ({ code: 'schema', path: formatPath(issue.path), message: issue.message })));
  }
  const problems = checkDocumentStructure(parsed.data);
  return problems.length > 0 ? err(problems) : ok(fromJson(parsed.data));
}

/** V8 names a character offset; a person looks for a line and column. */
function whereInText(text: string, detail: string): string {
  const position = /at position (\d+)/.exec(detail)?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return `${line} 行 ${Number(position) - before.lastIndexOf('\n')} 文字目: `;
}

export function parseAnnexJson(text: string): Result<AnnexDocument, LoadProblem[]> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return err([{ code: 'invalid-json', path: '', message: `JSON として読めません（${whereInText(text, detail)}${detail}）` }]);
  }
  return documentFromJsonValue(value);
}

/** The public JSON form, keys in a fixed order. */
export function toAnnexJson(document: AnnexDocument): AnnexJson {
  const table = (source: AnnexTable): AnnexJson['tables']['city'] => ({
    title: source.title,
    rows: source.rows.map((row) => ({
      id: row.id,
      departments: [...row.departments],
      sections: [...row.sections],
      title: row.title,
      summary: row.summary,
      marks: [...row.marks],
    })),
  });
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    ...(document.provenance ? { provenance: document.provenance } : {}),
    ...(document.settings ? { settings: document.settings } : {}),
    plan: document.plan as AnnexJson['plan'],
    masters: document.masters as AnnexJson['masters'],
    tables: { city: table(document.tables.city), council: table(document.tables.council) },
    // An empty ledger is left out, so a document that never sent anything keeps its JSON.
    ...(isEmptyLedger(document.ledger) ? {} : { ledger: document.ledger }),
  } as AnnexJson;
}

export function stringifyAnnexJson(document: AnnexDocument): string {
  return `${JSON.stringify(toAnnexJson(document), null, 2)}\n`;
}
