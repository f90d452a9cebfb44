import type { AnnexDocument, AnnexRow, TableKind } from '../model/annex-document';
import type { RowField } from '../validation/issue';
import type { CellChange, EditCommand } from './edit-command';
import { replaceIn, replacementFor } from './replace-folded';
import { foldingKey, foldingOf, foldText, type Folding } from './text-fold';

export interface FindQuery {
  readonly text: string;
  readonly fields: readonly RowField[];
  readonly matchCase: boolean;
  /** 全角と半角を区別: when true, full-width and half-width forms only match themselves; when false ＡＢＣ = ABC and ｶﾅ = カナ. */
  readonly matchWidth: boolean;
}

export interface FindMatch {
  readonly table: TableKind;
  readonly rowId: string;
  readonly field: RowField;
}

const cellText = (row: AnnexRow, field: RowField): string =>
  field === 'departments' || field === 'sections' ? row[field].join('\n') : row[field];

type FoldedCells = Partial<Record<RowField, string>>;
type FoldedRows = WeakMap<AnnexRow, FoldedCells>;

// Rows are immutable, so each row's folded cells stay valid for as long as the row object lives.
const foldedRowsByFolding: readonly FoldedRows[] = Array.from({ length: 4 }, () => new WeakMap());

/** The text of each cell as compared with the needle: folded once per row object and folding mode. */
function cellTextsFolded(folding: Folding): (row: AnnexRow, field: RowField) => string {
  if (!folding.width && !folding.case) return cellText;
  const foldedRows = foldedRowsByFolding[foldingKey(folding)] as FoldedRows;
  return (row, field) => {
    let cells = foldedRows.get(row);
    if (!cells) foldedRows.set(row, (cells = {}));
    return (cells[field] ??= foldText(cellText(row, field), folding));
  };
}

/** Cells holding the text, in table, row and field order. */
export function findMatches(document: AnnexDocument, tables: readonly TableKind[], query: FindQuery): FindMatch[] {
  if (!query.text) return [];
  const folding = foldingOf(query);
  const needle = foldText(query.text, folding);
  const foldedText = cellTextsFolded(folding);
  return tables.flatMap((table) =>
    document.tables[table].rows.flatMap((row) =>
      query.fields.filter((field) => foldedText(row, field).includes(needle)).map((field) => ({ table, rowId: row.id, field })),
    ),
  );
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
  const replacing = replacementFor(query, replacement);
  for (const match of findMatches(document, [table], query)) {
    const row = rows.get(match.rowId) as AnnexRow;
    if (match.field === 'departments' || match.field === 'sections') {
      const value = row[match.field].map((entry) => replaceIn(entry, replacing));
      changes.push({ rowId: row.id, field: match.field, value });
    } else {
      changes.push({ rowId: row.id, field: match.field, value: replaceIn(row[match.field], replacing) });
    }
  }
  if (changes.length === 0) return undefined;
  return {
    command: { type: 'update-cells', label: `置換（「${query.text}」→「${replacement}」）`, table, changes },
    count: changes.length,
  };
}
