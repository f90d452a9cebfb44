export const WINDOW_TITLE = '取組事業一覧エディタ';

/** `annex.xlsx ● - 取組事業一覧エディタ`: the dot tells Windows users the document has unsaved changes. */
export function documentTitle(fileName: string, dirty: boolean): string {
  const name = fileName.trim() === '' ? '無題' : fileName;
  return `${name}${dirty ? ' ●' : ''} - ${WINDOW_TITLE}`;
}
