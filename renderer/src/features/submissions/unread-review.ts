import type { UnreadFile } from '../../../../shared/ipc/contract';
import type { FileReview } from '../../../../shared/submissions/merge-review';

/**
 * A file the bridge could not read (too large, not a spreadsheet, gone), listed beside the reviewed ones with its
 * reason. Its status is one the selection and the merge never touch, so it changes nothing.
 */
export const unreadReview = (file: UnreadFile): FileReview => ({
  fileName: file.name,
  // Unique per path and never a SHA-256, so it can match no receipt and no other file.
  fileHash: `unread:${file.path}`,
  status: 'unreadable',
  recipient: null,
  sendId: null,
  sentAt: null,
  olderSend: false,
  matchMethod: null,
  base: null,
  rows: [],
  problems: [file.reason],
});
