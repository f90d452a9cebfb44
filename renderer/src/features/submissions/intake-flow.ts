import type { AnnexDocument } from '../../../../shared/model/annex-document';
import type { MergeReview } from '../../../../shared/submissions/merge-review';
import type { SubmissionFiles } from '../../bridge/renderer-bridge';
import type { EditorServices } from '../../state/use-editor';
import type { DialogService } from '../dialogs/dialog-service';
import { unreadReview } from './unread-review';

/** Returned files compared with what was sent and with the annex as it is when they are taken in. */
export interface Intake {
  /** The annex the review was made against; the merge applies only while the document's tables are still these. */
  readonly annex: AnnexDocument;
  readonly review: MergeReview;
}

/** Reviews the files in the worker (untrusted files are parsed there); null when cancelled or failed (with a message). */
export async function reviewIntake({ store, io }: EditorServices, dialogs: DialogService, source: SubmissionFiles): Promise<Intake | null> {
  const annex = store.getState().history.present;
  const unread = source.unread.map(unreadReview);
  if (source.files.length === 0) return unread.length > 0 ? { annex, review: { files: unread } } : null;
  try {
    const files = source.files.map((file) => ({ fileName: file.name, bytes: file.bytes }));
    const review = await io.review(annex, files, `提出ファイル ${files.length} 件を読み込んでいます`);
    return review ? { annex, review: { files: [...review.files, ...unread] } } : null;
  } catch (error) {
    await dialogs.inform('提出ファイルを取り込めません', error instanceof Error ? error.message : String(error));
    return null;
  }
}
