import type { AnnexDocument, AnnexRow, TableKind } from '../model/annex-document';
import type { RowField } from '../validation/issue';
import type { CellChange, EditCommand } from './edit-command';

export interface FindQuery {
  readonly text: string;
  readonly fields: readonly RowField[];
  readonly matchCase: boolean;
  /** Full-width and half-width forms count as the same (ＡＢＣ = ABC, ｶﾅ = カナ). */
  readonly matchWidth: boolean;
}

export interface FindMatch {
  readonly table: TableKind;
  readonly rowId: string;
  readonly field: RowField;
}

const fold = (text: string, query: FindQuery): string => {
  const widened = query.matchWidth ? text : text.normalize('NFKC');
  return query.matchCase ? widened : widened.toLowerCase();
};

const cellText = (row: AnnexRow, field: RowField): string =>
  field === 'departments' || field === 'sections' ? row[field].join('\n') : row[field];

/** Cells holding the text, in table, row and field order. */
export function findMatches(document: AnnexDocument, tables: readonly TableKind[], query: FindQuery): FindMatch[] {
  if (!query.text) return [];
  const needle = fold(query.text, query);
  return tables.flatMap((table) =>
    document.tables[table].rows.flatMap((row) =>
      query.fields.filter((field) => fold(cellText(row, field), query).includes(needle)).map((field) => ({ table, rowId: row.id, field })),
    ),
  );
}

function replaceIn(text: string, query: FindQuery, replacement: string): string {
  if (query.matchCase && query.matchWidth) return text.split(query.text).join(replacement);
  // Folding can change lengths (ｶﾞ → ガ), so matching walks the original text character by character.
  const needle = fold(query.text, query);
  let result = '';
  let index = 0;
  while (index < text.length) {
    let end = index + 1;
    let matched = -1;
    for (; end <= text.length && end - index <= query.text.length * 2 + 2; end++) {
      if (fold(text.slice(index, end), query) === needle) {
        matched = end;
        break;
      }
    }
    if (matched > 0) {
      result += replacement;
      index = matched;
    } else {
      result += text[index];
      index += 1;
    }
  }
  return result;
}

/** One command replacing every match in a table: a single undo step, as the user expects. */
export function replaceAllCommand(
  document: AnnexDocument,
  table: TableKind,
  query: FindQuery,
  replacement: string,
): { command: EditCommand; count: number } | undefined {
  const changes: CellChange[] = [];
  const rows = new Map(document.tables[table].rows.map((row) => [row.id, row]));
  for (const match of findMatches(document, [table], query)) {
    const row = rows.get(match.rowId) as AnnexRow;
    if (match.field === 'departments' || match.field === 'sections') {
      const value = row[match.field].map((entry) => replaceIn(entry, query, replacement));
      changes.push({ rowId: row.id, field: match.field, value });
    } else {
      changes.push({ rowId: row.id, field: match.field, value: replaceIn(row[match.field], query, replacement) });
    }
  }
  if (changes.length === 0) return undefined;
  return {
    command: { type: 'update-cells', label: `置換（「${query.text}」→「${replacement}」）`, table, changes },
    count: changes.length,
  };
}
