/**
 * Which files an intake reads, and the reasons it gives for the others: the same words from the main process (paths)
 * and from the browser (picked or dropped files).
 */

/** What a section may return: the spreadsheet formats the annex reader takes (a folder is read for these only). */
export const SUBMISSION_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'ods', 'csv'] as const;

const EXTENSION_LIST = SUBMISSION_EXTENSIONS.map((extension) => `.${extension}`).join(' ');

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
};

export const isSubmissionName = (name: string): boolean => (SUBMISSION_EXTENSIONS as readonly string[]).includes(extensionOf(name));

/** Hidden files (.DS_Store, ~$ lock files of an open Excel workbook) are never anyone's answer. */
export const isHiddenName = (name: string): boolean => name.startsWith('.') || name.startsWith('~$');

const at = (where: string | undefined): string => (where ? `（${where}）` : '');

export const notSubmissionReason = (name: string, where?: string): string => `「${name}」は取り込みません：取り込めるのは ${EXTENSION_LIST} のファイルです。${at(where)}`;

export const emptyFolderReason = (name: string, where?: string): string =>
  `フォルダー「${name}」には取り込める表計算ファイル（${EXTENSION_LIST}）がありません。${at(where)}`;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export const tooLargeReason = (name: string, size: number, limit: number, where?: string): string =>
  `「${name}」は大きすぎて読み込めません（${megabytes(size)}）：取り込めるのは ${megabytes(limit)} までです。${at(where)}`;

export const overTotalReason = (name: string, limit: number, where?: string): string =>
  `「${name}」は読み込みませんでした：一度に取り込めるのは合わせて ${megabytes(limit)} までです。残りは分けて取り込んでください。${at(where)}`;

/** Per file: a returned workbook is far smaller; a larger one is a mistake or an attack on memory. */
export const MAX_SUBMISSION_BYTES = 100 * 1024 * 1024;
/** One intake's files together: a hundred returned workbooks are a few MB; this bounds one IPC answer and the worker's memory. */
export const MAX_INTAKE_BYTES = 300 * 1024 * 1024;
