import { japaneseDate } from '../../../../shared/submissions/instructions';
import type { FileReview } from '../../../../shared/submissions/merge-review';
import { addresseeLabel } from '../../../../shared/submissions/recipients';
import { matchMethodLabel } from './submission-labels';

/** A file's addressee, send and how it was matched, as label and value pairs; empty parts left out. */
export function fileFacts(file: FileReview): [string, string][] {
  const facts: [string, string][] = [];
  if (file.recipient) facts.push(['宛先', addresseeLabel(file.recipient)]);
  if (file.sentAt) facts.push(['送付日', `${japaneseDate(file.sentAt)}${file.olderSend ? '（古い送付）' : ''}`]);
  const method = matchMethodLabel(file);
  if (method) facts.push(['照合', method]);
  if (file.base) facts.push(['比較のもと', file.base === 'sent' ? '送付したときの行' : '送付の記録がないため、今の取組事業一覧']);
  return facts;
}

/** The core's lines name the file first; beside the file's own name that is said twice. */
export const withoutFileName = (file: FileReview, line: string): string => (line.startsWith(`${file.fileName}: `) ? line.slice(file.fileName.length + 2) : line);
