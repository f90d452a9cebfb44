import { basename } from 'node:path';

export type FsAction = 'read' | 'write';

/** The errno code of a Node fs error ('ENOSPC', …), or 'UNKNOWN'. */
export function fsErrorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'UNKNOWN';
}

// Reasons the secretariat can act on; the same code can mean different things when reading or writing.
function reason(code: string, action: FsAction): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ディスクの空き容量が足りません';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return action === 'write'
        ? '書き込む権限がありません（読み取り専用か、ほかのアプリが使用中の可能性があります）'
        : '読み込む権限がありません';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'ほかのアプリがファイルを使用しています';
    case 'ENOENT':
      return action === 'write' ? '保存先のフォルダーが見つかりません' : 'ファイルが見つかりません';
    case 'ENOTDIR':
      return 'フォルダーの指定が正しくありません';
    case 'EISDIR':
      return 'ファイルではなくフォルダーが指定されています';
    case 'ENAMETOOLONG':
      return 'ファイルの場所（パス）が長すぎます';
    case 'EMFILE':
    case 'ENFILE':
      return '開いているファイルが多すぎます';
    case 'EIO':
      return 'ディスクの読み書きでエラーが発生しました';
    default:
      return `予期しないエラーが発生しました（${code}）`;
  }
}

/** A Japanese sentence naming the file: 「annex.xlsx」を保存できません：ディスクの空き容量が足りません。（C:\…） */
export function describeFsError(error: unknown, path: string, action: FsAction): string {
  const verb = action === 'write' ? '保存できません' : '読み込めません';
  return `「${basename(path)}」を${verb}：${reason(fsErrorCode(error), action)}。（${path}）`;
}
