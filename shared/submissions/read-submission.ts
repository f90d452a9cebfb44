import { describeImportProblem } from '../excel/import-problem';
import { missingTableMessage, NO_TABLE_MESSAGE, readAnnexWorkbook } from '../excel/read-annex-workbook';
import { extensionOf } from '../excel/read-workbook-bytes';
import type { RowSource } from '../excel/row-assembly';
import { TABLE_KINDS, type AnnexDocument, type AnnexRow, type TableKind } from '../model/annex-document';
import { markColumns } from '../model/plan';
import { FINGERPRINT_SHEET_NAME, readFingerprint, type Fingerprint } from './fingerprint';

/** A returned file read as rows: the annex's own reader, with each row's 通し番号 as written and whether its id is the file's. */

export interface SubmittedRow {
  readonly table: TableKind;
  readonly row: AnnexRow;
  readonly source: RowSource;
}

export type SubmissionRead =
  | { readonly kind: 'read'; readonly fingerprint: Fingerprint | undefined; readonly rows: readonly SubmittedRow[]; readonly warnings: readonly string[] }
  /** Not a spreadsheet, no annex table in it, or the table of another plan. */
  | { readonly kind: 'not-submission'; readonly reasons: readonly string[] }
  | { readonly kind: 'unreadable'; readonly reasons: readonly string[] };

const SPREADSHEETS = new Set(['xlsx', 'xlsm', 'xls', 'ods', 'csv']);

const sameColumns = (a: AnnexDocument, b: AnnexDocument): boolean =>
  markColumns(a.plan).map((column) => column.id).join(' ') === markColumns(b.plan).map((column) => column.id).join(' ');

/** Reads a returned file against the annex: its structure when the file has no 構造 sheet, its master for 部/課 names. */
export function readSubmission(bytes: Uint8Array, fileName: string, annex: AnnexDocument): SubmissionRead {
  if (!SPREADSHEETS.has(extensionOf(fileName))) {
    return { kind: 'not-submission', reasons: [`${fileName}: 表計算のファイル（.xlsx・.xls・.ods・.csv）ではありません`] };
  }
  const read = readAnnexWorkbook(bytes, { fileName, base: annex, rowSources: true, sideSheets: [FINGERPRINT_SHEET_NAME] });
  if (!read.ok) {
    const errors = read.error.filter((problem) => problem.severity === 'error');
    const reasons = errors.map((problem) => describeImportProblem(problem, fileName));
    return errors.some((problem) => problem.message === NO_TABLE_MESSAGE) ? { kind: 'not-submission', reasons } : { kind: 'unreadable', reasons };
  }
  const { document, sources, sideSheets, warnings } = read.value;
  if (!sameColumns(document, annex)) {
    return { kind: 'not-submission', reasons: [`${fileName}: 目指す地域像・基本的な考え方の列が、開いている取組事業一覧と違います（別の計画のファイルです）`] };
  }
  const rows = TABLE_KINDS.flatMap((table) =>
    document.tables[table].rows.map((row, index): SubmittedRow => {
      const source = sources?.[table][index];
      if (!source) throw new Error('the reader gave no source for a row');
      return { table, row, source };
    }),
  );
  const fingerprintSheet = sideSheets?.get(FINGERPRINT_SHEET_NAME);
  return {
    kind: 'read',
    fingerprint: fingerprintSheet ? readFingerprint(fingerprintSheet) : undefined,
    rows,
    // A section's workbook holds one table: the other one missing is no news.
    warnings: warnings
      .filter((problem) => !TABLE_KINDS.some((kind) => problem.message === missingTableMessage(kind)))
      .map((problem) => describeImportProblem(problem, fileName)),
  };
}
