import { describe, expect, it } from 'vitest';
import { readSubmissionFiles } from '../../renderer/src/bridge/browser-submissions';
import type { RendererBridge } from '../../renderer/src/bridge/renderer-bridge';
import { isSubmissionDrop, readDrop, type Dropped } from '../../renderer/src/features/submissions/dropped-submissions';

/**
 * Returned files as the page gets them without a main process (the browser build): picked or dropped File objects,
 * a dropped folder walked through its entries. A page cannot make a drop that holds a folder, so this runs in Node
 * (it has File) with stand-in entries of Chromium's shape; it lives here for the DOM types of tsconfig.e2e.json.
 */

const file = (name: string, text = name): File => new File([text], name);

function fileEntry(value: File): FileSystemFileEntry {
  return { isFile: true, isDirectory: false, name: value.name, file: (resolve: (file: File) => void) => resolve(value) } as unknown as FileSystemFileEntry;
}

/** A folder whose reader hands its entries over in batches of two, then an empty batch, as Chromium's does. */
function folderEntry(name: string, entries: FileSystemEntry[]): FileSystemDirectoryEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (batch: FileSystemEntry[]) => void) => {
          resolve(entries.slice(at, at + 2));
          at += 2;
        },
      };
    },
  } as unknown as FileSystemDirectoryEntry;
}

const browser = { kind: 'browser' } as RendererBridge;

describe('returned files in the browser', () => {
  it('reads picked files, and lists one of another kind with the reason naming it', async () => {
    const read = await readSubmissionFiles([file('a.xlsx', 'PK a'), file('回答.pdf'), file('b.CSV', 'x,y')]);
    expect(read.files.map((entry) => [entry.name, new TextDecoder().decode(entry.bytes)])).toEqual([
      ['a.xlsx', 'PK a'],
      ['b.CSV', 'x,y'],
    ]);
    expect(read.unread).toEqual([{ path: '回答.pdf', name: '回答.pdf', reason: '「回答.pdf」は取り込みません：取り込めるのは .xlsx .xlsm .xls .ods .csv のファイルです。' }]);
  });

  it('takes a drop of several files or of a folder as an intake; one file alone is left to open as the annex', () => {
    const one: Dropped = { files: [file('annex.xlsx')], entries: [fileEntry(file('annex.xlsx'))] };
    const two: Dropped = { files: [file('a.xlsx'), file('b.xlsx')], entries: [null, null] };
    const folder: Dropped = { files: [file('回答')], entries: [folderEntry('回答', [])] };
    expect([isSubmissionDrop(one), isSubmissionDrop(two), isSubmissionDrop(folder)]).toEqual([false, true, true]);
  });

  it('walks a dropped folder: its spreadsheets in name order, never its subfolders, hidden or lock files; loose files beside it', async () => {
    const inside = [file('b.xlsx'), file('~$b.xlsx'), file('.DS_Store'), file('a.ods'), file('メモ.txt')].map(fileEntry);
    const sub = folderEntry('古い回答', [fileEntry(file('old.xlsx'))]);
    const dropped: Dropped = {
      files: [file('回答'), file('c.xlsx'), file('空')],
      entries: [folderEntry('回答', [...inside, sub]), fileEntry(file('c.xlsx')), folderEntry('空', [])],
    };
    const read = await readDrop(dropped, browser);
    if (!read.ok || !read.value) throw new Error('expected files');
    expect(read.value.files.map((entry) => entry.path)).toEqual(['c.xlsx', '回答/a.ods', '回答/b.xlsx']);
    expect(read.value.unread).toEqual([{ path: '空', name: '空', reason: 'フォルダー「空」には取り込める表計算ファイル（.xlsx .xlsm .xls .ods .csv）がありません。' }]);
  });

  it('hands Electron the dropped paths (a folder too) for main to read', async () => {
    const asked: (readonly string[] | undefined)[] = [];
    const electron = {
      kind: 'electron',
      pathForFile: (dropped: File) => `/home/user/${dropped.name}`,
      openSubmissions: async (paths?: readonly string[]) => {
        asked.push(paths);
        return { ok: true, value: { files: [], unread: [] } };
      },
    } as unknown as RendererBridge;
    await readDrop({ files: [file('回答'), file('a.xlsx')], entries: [folderEntry('回答', []), null] }, electron);
    expect(asked).toEqual([['/home/user/回答', '/home/user/a.xlsx']]);
  });
});
