import { applyCommand } from '../editing/apply-command';
import type { EditCommand } from '../editing/edit-command';
import type { AnnexDocument } from '../model/annex-document';
import type { ValidationIssue } from '../validation/issue';
import { createValidator, type Validator } from '../validation/validator';

/** The annex as it would be after the merge, and the problems of the rows the merge touches, to show before applying. */
export interface MergePreview {
  readonly document: AnnexDocument;
  /** Problems on rows the merge changes or adds (and table-wide ones, such as duplicates, that name such a row). */
  readonly issues: readonly ValidationIssue[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * `validator`: the review's own, which has checked the annex already, so only the rows the merge changes or adds are
 * checked again (a fresh one checks all 50,000 rows on every click of the review).
 */
export function previewMerge(
  annex: AnnexDocument,
  command: Extract<EditCommand, { type: 'merge-submissions' }>,
  validator: Validator = createValidator(),
): MergePreview {
  const document = applyCommand(annex, command);
  const touched = new Set<string>();
  for (const merge of Object.values(command.tables)) {
    for (const change of merge?.updates ?? []) touched.add(change.rowId);
    for (const insert of merge?.inserts ?? []) for (const row of insert.rows) touched.add(row.id);
  }
  const issues = validator.validate(document).filter((issue) => touched.has(issue.rowId));
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { document, issues, errors, warnings: issues.length - errors };
}
