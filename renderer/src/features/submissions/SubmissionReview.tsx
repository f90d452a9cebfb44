import { useEffect, useRef, useState } from 'react';
import { buildMergeCommand } from '../../../../shared/submissions/merge-command';
import type { FileReview, FileStatus } from '../../../../shared/submissions/merge-review';
import type { Intake } from './intake-flow';
import { MergePreviewPanel } from './MergePreviewPanel';
import { ReviewFileDetail } from './ReviewFileDetail';
import { ReviewFileList } from './ReviewFileList';
import { ReviewFooter } from './ReviewFooter';
import { STATUS_LABELS } from './submission-labels';
import { useReview, type MergeCommand } from './use-review';
import './submissions.css';

export interface SubmissionReviewProps {
  readonly intake: Intake;
  /** Work running for the screen (a send-back being made): its buttons wait. */
  readonly busy: boolean;
  /** What the screen's last action did (a send-back written), shown under its title. */
  readonly notice: string | null;
  /** The merge of the chosen changes, receipts dated now; `newErrors` the errors it brings in. */
  readonly onApply: (command: MergeCommand, newErrors: number) => Promise<void>;
  readonly onSendBack: (file: FileReview) => Promise<void>;
  readonly onClose: () => void;
}

const STATUS_ORDER: readonly FileStatus[] = ['ok', 'duplicate', 'wrong-section', 'unknown-section', 'not-submission', 'unreadable'];

function statusSummary(files: readonly FileReview[]): string {
  const parts = STATUS_ORDER.map((status) => [status, files.filter((file) => file.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${STATUS_LABELS[status]} ${count}`);
  return `ファイル ${files.length} 件（${parts.join('・')}）`;
}

/**
 * 提出ファイルの取り込み: the files on the left, the chosen file's rows in the middle, the merged annex's validation on
 * the right; nothing changes until 取り込む, which is one undoable step.
 */
export function SubmissionReview({ intake, busy, notice, onApply, onSendBack, onClose }: SubmissionReviewProps) {
  const { review, annex } = intake;
  const state = useReview(intake);
  // The first file that can change anything is shown first.
  const [chosen, setChosen] = useState(() => Math.max(0, review.files.findIndex((file) => file.status === 'ok')));
  const file = review.files[chosen];
  const takeable = review.files.some((candidate) => candidate.status === 'ok');
  const root = useRef<HTMLDivElement>(null);
  const apply = (): Promise<void> => {
    const command = buildMergeCommand(review, state.selection, { receivedAt: new Date().toISOString() });
    // Checked on the selection as it is now: the shown preview may be a click behind.
    const newErrors = state.previewOf(command).issues.filter((issue) => issue.severity === 'error' && state.isNew(issue)).length;
    return onApply(command, newErrors);
  };

  // Focus starts on the chosen file, so the arrows and Tab work at once.
  useEffect(() => root.current?.querySelector<HTMLButtonElement>('.review-file[aria-current] .review-file-open')?.focus(), []);

  return (
    <div
      ref={root}
      className="submission-review"
      role="dialog"
      aria-modal="true"
      aria-labelledby="submission-review-title"
      data-testid="submission-review"
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="submission-review-bar">
        <h2 id="submission-review-title">提出ファイルの取り込み</h2>
        <span className="review-summary" data-testid="review-summary">
          {statusSummary(review.files)}
        </span>
        <span className="review-notice" role="status" data-testid="review-notice">
          {notice}
        </span>
      </header>
      <div className="submission-review-body">
        <ReviewFileList files={review.files} chosen={chosen} selection={state.selection} onSelect={setChosen} onChoose={state.choose} />
        {file ? <ReviewFileDetail annex={annex} file={file} selection={state.selection} onChoose={state.choose} /> : <section className="review-detail" />}
        <MergePreviewPanel plan={annex.plan} preview={state.preview} previewing={state.previewing} isNew={state.isNew} />
      </div>
      <ReviewFooter
        counts={takeable ? state.counts : null}
        busy={busy}
        canSendBack={file?.status === 'ok'}
        onSendBack={() => (file ? onSendBack(file) : Promise.resolve())}
        onApply={apply}
        onClose={onClose}
      />
    </div>
  );
}
