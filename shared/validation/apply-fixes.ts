import type { AnnexDocument, AnnexRow, TableKind } from '../model/annex-document';
import { updateRow, updateRows } from '../model/document-edits';
import type { FixEdit, ValidationIssue } from './issue';
import type { Validator } from './validator';

export function applyFixEdit(row: AnnexRow, edit: FixEdit): AnnexRow {
  return { ...row, [edit.field]: edit.value };
}

/** Applies one problem's fix. */
export function applyFix(document: AnnexDocument, issue: ValidationIssue): AnnexDocument {
  const fix = issue.fix;
  return fix ? updateRow(document, issue.table, issue.rowId, (row) => applyFixEdit(row, fix.edit)) : document;
}

// Each round fixes each cell once; a fix can reveal another (a trimmed space uncovers a doubled comma).
const MAX_ROUNDS = 10;

/** A round's fixes, by table and then by row: applied as one new rows array per table, not one per fix. */
function editsByRow(issues: readonly ValidationIssue[]): Map<TableKind, Map<string, FixEdit[]>> {
  const tables = new Map<TableKind, Map<string, FixEdit[]>>();
  for (const { table, rowId, fix } of issues) {
    if (!fix) continue;
    const rows = tables.get(table) ?? new Map<string, FixEdit[]>();
    tables.set(table, rows);
    const edits = rows.get(rowId);
    if (edits) edits.push(fix.edit);
    else rows.set(rowId, [fix.edit]);
  }
  return tables;
}

/** Applies every safe fix, re-validating between rounds, and says how many fixes it applied. */
export function applySafeFixes(document: AnnexDocument, validator: Validator): { document: AnnexDocument; applied: number } {
  let current = document;
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const seenCells = new Set<string>();
    const fixable = validator.validate(current).filter((issue) => {
      if (!issue.fix?.safe) return false;
      const cell = `${issue.table}\u0000${issue.rowId}\u0000${issue.fix.edit.field}`;
      if (seenCells.has(cell)) return false;
      seenCells.add(cell);
      return true;
    });
    if (fixable.length === 0) break;
    for (const [table, edits] of editsByRow(fixable)) {
      current = updateRows(current, table, edits.keys(), (row) => (edits.get(row.id) as FixEdit[]).reduce(applyFixEdit, row));
    }
    applied += fixable.length;
  }
  return { document: current, applied };
}
