import type { CellValue, FileReview, FileStatus } from '../../../../shared/submissions/merge-review';

/** The review screen's words for what the core reports. */

export const STATUS_LABELS: Record<FileStatus, string> = {
  ok: '取り込み可',
  duplicate: '取り込み済み',
  unreadable: '読めない',
  'not-submission': '提出ファイルではない',
  'unknown-section': '課が不明',
  'wrong-section': '別の課',
};

/** How the file was tied to its send and addressee. */
export function matchMethodLabel(file: FileReview): string {
  if (file.matchMethod === 'fingerprint') return '提出情報（送付ID）で照合';
  if (file.matchMethod === 'plain-copy') return '行の内容から宛先を推定';
  return '';
}

/** How a row was matched, from the core's id, number+title 0.92, title-similarity 0.76, new, missing. */
export function rowMatchLabel(match: string): string {
  const [method, score] = match.split(' ');
  switch (method) {
    case 'id':
      return '行ID';
    case 'number+title':
      return `通し番号と主な取組 ${score ?? ''}`.trim();
    case 'title-similarity':
      return `主な取組の類似 ${score ?? ''}`.trim();
    case 'new':
      return '新しい行';
    case 'missing':
      return 'ファイルにない';
    default:
      return match;
  }
}

/** A cell's value as the sheet shows it: ○ or blank for a mark, 部/課 joined with ・, （空欄） for nothing. */
export function shownValue(value: CellValue | null): string {
  if (value === null) return '（行なし）';
  if (typeof value === 'boolean') return value ? '○' : '（空欄）';
  const text = typeof value === 'string' ? value : value.join('・');
  return text === '' ? '（空欄）' : text;
}

export const shownNumber = (number: number | null): string => (number === null ? '—' : String(number));
