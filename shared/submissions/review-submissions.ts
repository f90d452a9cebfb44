import type { AnnexDocument } from '../model/annex-document';
import { EMPTY_LEDGER } from '../model/ledger';
import { markCrossFileConflicts } from './cross-file';
import { sha256Hex } from './hash';
import { japaneseDate } from './instructions';
import type { FileReview, MergeReview } from './merge-review';
import { readSubmission } from './read-submission';
import { resolveAddressee } from './resolve-addressee';
import { reviewFile, startIntake } from './review-file';
import { setAside } from './set-aside';

/**
 * Takes in many returned files at once and compares each with what was sent and with the annex now. Nothing is applied
 * here: the review is data, and applying a selection of it is one edit command (buildMergeCommand).
 */

export interface SubmissionFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}


export async function reviewSubmissions(annex: AnnexDocument, files: readonly SubmissionFile[]): Promise<MergeReview> {
  const receipts = new Map((annex.ledger ?? EMPTY_LEDGER).receipts.map((receipt) => [receipt.fileHash, receipt]));
  const seen = new Map<string, string>();
  const intake = startIntake(annex);
  const reviews: FileReview[] = [];
  for (const { fileName, bytes } of files) {
    const fileHash = await sha256Hex(bytes);
    const receipt = receipts.get(fileHash);
    const earlier = seen.get(fileHash);
    seen.set(fileHash, earlier ?? fileName);
    if (receipt) {
      reviews.push(setAside(fileName, fileHash, 'duplicate', [`${fileName}: ${japaneseDate(receipt.receivedAt)}に「${receipt.fileName}」として取り込み済みのファイルです。何も変えません`]));
      continue;
    }
    if (earlier !== undefined) {
      reviews.push(setAside(fileName, fileHash, 'duplicate', [`${fileName}: 「${earlier}」と同じファイルです。一度だけ取り込みます`]));
      continue;
    }
    const read = readSubmission(bytes, fileName, annex);
    if (read.kind !== 'read') {
      reviews.push(setAside(fileName, fileHash, read.kind, read.reasons));
      continue;
    }
    const resolved = resolveAddressee(annex, read.fingerprint, read.rows, fileName);
    if (!resolved.ok) {
      reviews.push(setAside(fileName, fileHash, 'unknown-section', [...read.warnings, ...resolved.problems]));
      continue;
    }
    reviews.push(reviewFile(intake, { fileName, fileHash, rows: read.rows, warnings: read.warnings, resolved: resolved.value }));
  }
  return { files: markCrossFileConflicts(reviews, annex.plan) };
}
