import type { UnreadFile } from '../../../../shared/ipc/contract';
import type { FileReview } from '../../../../shared/submissions/merge-review';
import { setAside } from '../../../../shared/submissions/set-aside';

/**
 * A file the bridge could not read (too large, not a spreadsheet, gone), listed beside the reviewed ones with its
 * reason. Its status is one the selection and the merge never touch, so it changes nothing. Its hash is unique per
 * path and never a SHA-256, so it can match no receipt and no other file.
 */
export const unreadReview = (file: UnreadFile): FileReview => setAside(file.name, `unread:${file.path}`, 'unreadable', [file.reason]);
