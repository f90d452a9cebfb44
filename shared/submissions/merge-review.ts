import type { AnnexRow, TableKind } from '../model/annex-document';
import type { Addressee } from './recipients';

/**
 * What taking in returned files found, as plain data a review screen shows and a selection is made on: per file, per
 * row, per cell, the value as sent (base), as returned (theirs) and as in the annex now (ours).
 */

/** A row's cells compared: 部, 課, 主な取組, 取組概要, and each mark column as mark:<id>. */
export type CellField = 'departments' | 'sections' | 'title' | 'summary' | `mark:${string}`;
export type CellValue = string | readonly string[] | boolean;

/**
 * proposed: the section changed it and the annex has not moved since; conflict: both changed it differently (or another
 * file of the same intake changed it otherwise); same: nothing to take (unchanged by the section, or changed alike).
 */
export type CellState = 'proposed' | 'conflict' | 'same';

export interface CellDiff {
  readonly field: CellField;
  readonly base: CellValue;
  readonly theirs: CellValue;
  /** null when the row is no longer in the annex. */
  readonly ours: CellValue | null;
  readonly state: CellState;
}

/**
 * changed: a cell to take or a conflict; added: a new row from the section; deleted: a sent row the section dropped
 * (never taken unless chosen); unchanged: nothing to take; rejected: a row that is not this file's to send (another
 * section's), shown and never taken.
 */
export type RowKind = 'changed' | 'added' | 'deleted' | 'unchanged' | 'rejected';

export interface RowReview {
  readonly table: TableKind;
  /** The annex row's id; for an added row, the id it gets when taken; for a rejected row without one, sheet!row in the file. */
  readonly rowId: string;
  readonly kind: RowKind;
  /** How the returned row was matched: id, number+title 0.92, title-similarity 0.87, new; missing for a dropped row. */
  readonly match: string;
  /** 通し番号 as sent, as written in the file, and in the annex now (null where there is none). */
  readonly numbers: { readonly sent: number | null; readonly file: number | null; readonly now: number | null };
  readonly base: AnnexRow | null;
  readonly theirs: AnnexRow | null;
  readonly ours: AnnexRow | null;
  /** The cells where base, theirs and ours are not all the same; empty for added, deleted and rejected rows. */
  readonly cells: readonly CellDiff[];
  /** An added row goes after this annex row (the addressee's last), or at the table's end (null). */
  readonly insertAfter: string | null;
  readonly problems: readonly string[];
}

/**
 * ok: compared and ready to review; duplicate: taken in before (or twice in this intake); unreadable: not readable as a
 * spreadsheet; not-submission: readable but no annex table of this plan; unknown-section: its addressee is not known;
 * wrong-section: its rows are all another section's. Only ok files change anything.
 */
export type FileStatus = 'ok' | 'duplicate' | 'unreadable' | 'not-submission' | 'unknown-section' | 'wrong-section';

export interface FileReview {
  readonly fileName: string;
  readonly fileHash: string;
  readonly status: FileStatus;
  readonly recipient: Addressee | null;
  /** The send the rows were compared with; null when no send is on record for the addressee. */
  readonly sendId: string | null;
  readonly sentAt: string | null;
  /** A newer send went to the same addressee: the file is still compared with its own send's rows. */
  readonly olderSend: boolean;
  /** fingerprint: the workbook names its send; plain-copy: a copy of the annex layout, its addressee told from its rows. */
  readonly matchMethod: 'fingerprint' | 'plain-copy' | null;
  /** sent: compared with the rows as sent (three-way); annex: no send on record, compared with the annex as it is. */
  readonly base: 'sent' | 'annex' | null;
  readonly rows: readonly RowReview[];
  /** Finished Japanese lines naming the file. */
  readonly problems: readonly string[];
}

export interface MergeReview {
  readonly files: readonly FileReview[];
}
