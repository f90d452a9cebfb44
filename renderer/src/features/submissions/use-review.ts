import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { EditCommand } from '../../../../shared/editing/edit-command';
import { buildMergeCommand } from '../../../../shared/submissions/merge-command';
import { previewMerge, type MergePreview } from '../../../../shared/submissions/merge-validation';
import { choose, defaultSelection, type MergeSelection, type SelectionTarget } from '../../../../shared/submissions/selection';
import { columnKey, type ValidationIssue } from '../../../../shared/validation/issue';
import { createValidator } from '../../../../shared/validation/validator';
import type { Intake } from './intake-flow';

export type MergeCommand = Extract<EditCommand, { type: 'merge-submissions' }>;

/** What the chosen part of a review would change, counted for the footer. */
export interface MergeCounts {
  readonly cells: number;
  readonly added: number;
  readonly deleted: number;
  /** Files that would be receipted (every file that can change anything, taken or not). */
  readonly files: number;
}

export function mergeCounts(command: MergeCommand): MergeCounts {
  const merges = Object.values(command.tables);
  return {
    cells: merges.reduce((sum, merge) => sum + (merge?.updates.length ?? 0), 0),
    added: merges.reduce((sum, merge) => sum + (merge?.inserts.reduce((rows, insert) => rows + insert.rows.length, 0) ?? 0), 0),
    deleted: merges.reduce((sum, merge) => sum + (merge?.deletes.length ?? 0), 0),
    files: command.receipts.length,
  };
}

const issueKey = (issue: ValidationIssue): string => `${issue.rule}|${issue.table}|${issue.rowId}|${columnKey(issue.column)}`;

export interface ReviewState {
  readonly selection: MergeSelection;
  choose(target: SelectionTarget, accept: boolean): void;
  /** The merge of the current selection (its receipts dated when applied). */
  readonly command: MergeCommand;
  readonly counts: MergeCounts;
  /** The merged annex's problems on the rows the merge touches; it may lag a click behind (`previewing`). */
  readonly preview: MergePreview;
  readonly previewing: boolean;
  /** The preview of another merge (the selection as it is at the moment of applying), checked as quickly. */
  previewOf(command: MergeCommand): MergePreview;
  /** A problem the merge brings in, rather than one the row had already. */
  isNew(issue: ValidationIssue): boolean;
}

/** The selection over a review (the core's choose), and what it would make of the annex. */
export function useReview({ annex, review }: Intake): ReviewState {
  const [selection, setSelection] = useState(() => defaultSelection(review));
  const chooseTarget = useCallback((target: SelectionTarget, accept: boolean) => setSelection((current) => choose(current, review, target, accept)), [review]);
  const command = useMemo(() => buildMergeCommand(review, selection, { receivedAt: '' }), [review, selection]);
  // Validating the merged annex takes longer than a click: the checkboxes answer first, the preview follows.
  const deferred = useDeferredValue(command);
  // One validator for the review: the annex is checked once, each preview only the rows its merge touches.
  const [validator] = useState(createValidator);
  const before = useMemo(() => new Set(validator.validate(annex).map(issueKey)), [validator, annex]);
  const previewOf = useCallback((merge: MergeCommand) => previewMerge(annex, merge, validator), [annex, validator]);
  const preview = useMemo(() => previewOf(deferred), [previewOf, deferred]);
  const isNew = useCallback((issue: ValidationIssue) => !before.has(issueKey(issue)), [before]);
  return { selection, choose: chooseTarget, command, counts: mergeCounts(command), preview, previewing: deferred !== command, previewOf, isNew };
}
