import type { TableKind } from '../model/annex-document';
import { TABLE_LABELS } from '../model/table-names';

/** Sheet names of an exported annex workbook. */
export const TABLE_SHEET_NAMES: Record<TableKind, string> = { city: TABLE_LABELS.city, council: TABLE_LABELS.council };
export const STRUCTURE_SHEET_NAME = '構造';

/** Header of the hidden column right of the matrix that carries each row's stable id. */
export const ROW_ID_HEADER = '行ID';
