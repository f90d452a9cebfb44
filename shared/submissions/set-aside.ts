import type { FileReview, FileStatus } from './merge-review';

/** A file that changes nothing, with the reasons. */
export const setAside = (fileName: string, fileHash: string, status: Exclude<FileStatus, 'ok' | 'wrong-section'>, problems: readonly string[]): FileReview => ({
  fileName,
  fileHash,
  status,
  recipient: null,
  sendId: null,
  sentAt: null,
  olderSend: false,
  matchMethod: null,
  base: null,
  rows: [],
  problems,
});
