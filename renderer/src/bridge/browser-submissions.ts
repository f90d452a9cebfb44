import { zipSync } from 'fflate';
import type { SubmissionFileBytes, UnreadFile } from '../../../shared/ipc/contract';
import {
  emptyFolderReason,
  isHiddenName,
  isSubmissionName,
  MAX_INTAKE_BYTES,
  MAX_SUBMISSION_BYTES,
  notSubmissionReason,
  overTotalReason,
  tooLargeReason,
} from '../../../shared/ipc/submission-names';
import type { NamedBytes, SubmissionFiles } from './renderer-bridge';

/** Returned files in the browser: picked or dropped File objects read as the main process reads paths. */

/** A dropped folder: its name and the files directly in it. */
export interface DroppedFolder {
  readonly name: string;
  readonly files: readonly File[];
}

/** Files the user chose one by one are each listed; a folder stands for the spreadsheets in it (hidden files skipped). */
export async function readSubmissionFiles(chosen: readonly File[], folders: readonly DroppedFolder[] = []): Promise<SubmissionFiles> {
  const files: SubmissionFileBytes[] = [];
  const unread: UnreadFile[] = [];
  const candidates: { file: File; path: string }[] = [];
  for (const file of chosen) {
    if (isSubmissionName(file.name)) candidates.push({ file, path: file.name });
    else unread.push({ path: file.name, name: file.name, reason: notSubmissionReason(file.name) });
  }
  for (const folder of folders) {
    const inside = folder.files.filter((file) => !isHiddenName(file.name) && isSubmissionName(file.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (inside.length === 0) unread.push({ path: folder.name, name: folder.name, reason: emptyFolderReason(folder.name) });
    for (const file of inside) candidates.push({ file, path: `${folder.name}/${file.name}` });
  }
  let total = 0;
  for (const { file, path } of candidates) {
    if (file.size > MAX_SUBMISSION_BYTES) unread.push({ path, name: file.name, reason: tooLargeReason(file.name, file.size, MAX_SUBMISSION_BYTES) });
    else if (total + file.size > MAX_INTAKE_BYTES) unread.push({ path, name: file.name, reason: overTotalReason(file.name, MAX_INTAKE_BYTES) });
    else {
      try {
        files.push({ path, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
        total += file.size;
      } catch (error) {
        // A file removed or locked after it was dropped.
        unread.push({ path, name: file.name, reason: `「${file.name}」を読み込めません（${error instanceof Error ? error.message : String(error)}）` });
      }
    }
  }
  return { files, unread };
}

/** Several files at once from the browser's file picker; null when cancelled. */
export function pickFiles(accept: string): Promise<File[] | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files ? [...input.files] : null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

/**
 * A send's workbooks as one zip: one download keeps them together and asks no "download several files?" question.
 * Stored, not deflated: the workbooks are zips already. fflate marks non-ASCII names UTF-8, which Windows reads.
 */
export function zipOf(files: readonly NamedBytes[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map(({ name, bytes }) => [name, [bytes, { level: 0 }]])));
}
