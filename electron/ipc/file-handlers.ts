import { open, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type {
  BrowserWindow,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
} from 'electron';
import type { FileKind, OpenedFile, SavedFile } from '../../shared/ipc/contract';
import { writeFileAtomic, type AtomicWriteOptions } from '../files/atomic-write';
import {
  hasKindExtension,
  kindExtensionList,
  openDialogFilters,
  saveDialogFilters,
  withKindExtension,
} from '../files/file-kinds';
import { compareWithDisk, fingerprintOf, type DiskComparison, type FileFingerprint } from '../files/file-fingerprint';
import { describeFsError, fsErrorCode } from '../files/fs-error-message';
import { pathKey, type GrantedPaths } from '../files/granted-paths';
import { withoutRecentFile, withRecentFile } from '../files/recent-files';
import type { SettingsStore } from '../settings-model';
import { ipcFailure, ipcSuccess, type IpcHandlers } from './ipc-types';

/** Electron's dialog module, with the parent window made explicit so tests can pass a fake. */
export interface FileDialogs {
  showOpenDialog(window: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(window: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
}

export interface FileHandlerDeps {
  readonly dialogs: FileDialogs;
  readonly settings: SettingsStore;
  readonly grants: GrantedPaths;
  /** Where a save dialog starts when no folder was used yet (app.getPath('documents')). */
  readonly defaultFolder: () => string;
  /** Called after the recent files list changed, to rebuild the 最近使ったファイル menu. */
  readonly onRecentFilesChanged?: (recentFiles: readonly string[]) => void;
  readonly maxOpenBytes?: number;
  readonly platform?: NodeJS.Platform;
  readonly writeOptions?: Omit<AtomicWriteOptions, 'backup'>;
}

export type FileHandlers = Pick<IpcHandlers, 'file:open' | 'file:save' | 'file:choose-save-path'>;

/** Larger than any real annex workbook by far; beyond it a file is a mistake or an attack on memory. */
export const MAX_OPEN_BYTES = 100 * 1024 * 1024;

const DEFAULT_NAMES: Readonly<Record<FileKind, string>> = {
  annex: '取組事業一覧.json',
  'xlsx-export': '取組事業一覧.xlsx',
  'pdf-export': '取組事業一覧.pdf',
  'json-export': '取組事業一覧.json',
};

/** A file name the page suggests, reduced to a plain name: no folders, no characters Windows refuses. */
export function safeSuggestedName(suggested: string, kind: FileKind): string {
  const name = basename(suggested.replace(/\\/g, '/'))
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return name === '' ? DEFAULT_NAMES[kind] : withKindExtension(name, kind);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function createFileHandlers(deps: FileHandlerDeps): FileHandlers {
  const maxOpenBytes = deps.maxOpenBytes ?? MAX_OPEN_BYTES;
  const platform = deps.platform ?? process.platform;
  // What each file held when this session last read or wrote it, to notice a change that keeps the time.
  const fingerprints = new Map<string, FileFingerprint>();
  const remembered = (path: string): FileFingerprint | undefined => fingerprints.get(pathKey(path, platform));
  const fingerprint = (path: string, bytes: Uint8Array, mtimeMs: number): void => {
    fingerprints.set(pathKey(path, platform), fingerprintOf(bytes, mtimeMs));
  };

  function setRecentFiles(recentFiles: string[]): void {
    deps.settings.update({ recentFiles });
    deps.onRecentFilesChanged?.(recentFiles);
  }

  // Opening or saving an annex puts it first in 最近使ったファイル and remembers its folder.
  function remember(path: string, kind: FileKind): void {
    deps.grants.grant(path, kind);
    if (kind !== 'annex') {
      deps.settings.update({ lastFolder: dirname(path) });
      return;
    }
    deps.settings.update({ lastFolder: dirname(path), lastFilePath: path });
    setRecentFiles(withRecentFile(deps.settings.get().recentFiles, path, platform));
  }

  function forget(path: string): void {
    const recent = deps.settings.get().recentFiles;
    const remaining = withoutRecentFile(recent, path, platform);
    if (remaining.length !== recent.length) setRecentFiles(remaining);
  }

  async function readChecked(path: string, kind: FileKind) {
    const name = basename(path);
    if (!isAbsolute(path)) {
      return ipcFailure('invalid-request', `「${name}」を開けません：ファイルの場所が正しくありません。（${path}）`);
    }
    if (!hasKindExtension(path, kind)) {
      return ipcFailure(
        'invalid-request',
        `「${name}」は開けません：開けるのは ${kindExtensionList(kind)} のファイルです。（${path}）`,
      );
    }
    try {
      // Checked before opening: opening a FIFO or device would block or read forever.
      const info = await stat(path);
      if (!info.isFile()) {
        return ipcFailure('invalid-request', `「${name}」は開けません：ファイルではありません（フォルダーなど）。（${path}）`);
      }
      if (info.size > maxOpenBytes) {
        return ipcFailure(
          'invalid-request',
          `「${name}」は大きすぎて開けません（${megabytes(info.size)}）：開けるのは ${megabytes(maxOpenBytes)} までです。（${path}）`,
        );
      }
      const handle = await open(path, 'r');
      try {
        // The size and time of the file actually read, in case it was replaced since the check above.
        const opened = await handle.stat();
        if (opened.size > maxOpenBytes) {
          return ipcFailure('invalid-request', `「${name}」は大きすぎて開けません（${megabytes(opened.size)}）。（${path}）`);
        }
        // A Buffer is a Uint8Array: IPC hands it to the page as one, with no copy here.
        const bytes: Uint8Array = await handle.readFile();
        fingerprint(path, bytes, opened.mtimeMs);
        const file: OpenedFile = { path, name, bytes, mtimeMs: opened.mtimeMs };
        return ipcSuccess(file);
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (fsErrorCode(error) === 'ENOENT') {
        forget(path);
        return ipcFailure('not-found', `「${name}」が見つかりません：移動または削除された可能性があります。（${path}）`);
      }
      return ipcFailure('io', describeFsError(error, path, 'read'));
    }
  }

  return {
    async 'file:open'(request, context) {
      let path = request.path;
      if (path === undefined) {
        const lastFolder = deps.settings.get().lastFolder;
        const chosen = await deps.dialogs.showOpenDialog(context.window, {
          title: '開く',
          ...(lastFolder ? { defaultPath: lastFolder } : {}),
          filters: openDialogFilters(request.kind),
          properties: ['openFile'],
        });
        path = chosen.filePaths[0];
        if (chosen.canceled || path === undefined) return ipcSuccess({ canceled: true as const });
      }
      const result = await readChecked(path, request.kind);
      if (result.ok) remember(path, request.kind);
      return result;
    },

    async 'file:save'(request) {
      const { path, bytes, expectedMtimeMs } = request;
      const name = basename(path);
      const kind = deps.grants.kindOf(path);
      if (kind === undefined) {
        return ipcFailure(
          'invalid-request',
          `「${name}」には保存できません：このファイルは開いたものでも保存先に選んだものでもありません。「名前を付けて保存」で保存先を選んでください。（${path}）`,
        );
      }
      if (expectedMtimeMs !== null) {
        let disk: DiskComparison;
        try {
          disk = await compareWithDisk(path, expectedMtimeMs, remembered(path));
        } catch (error) {
          return ipcFailure('io', describeFsError(error, path, 'read'));
        }
        if (disk === 'missing') {
          return ipcFailure('changed-on-disk', `ファイルが他のアプリで移動または削除されています：「${name}」（${path}）`);
        }
        if (disk === 'changed') {
          return ipcFailure('changed-on-disk', `ファイルが他のアプリで変更されています：「${name}」（${path}）`);
        }
      }
      // Exports are regenerated from the document at will; only the annex itself keeps a .bak.
      const written = await writeFileAtomic(path, bytes, { ...deps.writeOptions, backup: kind === 'annex' });
      if (!written.ok) return ipcFailure('io', written.error.message);
      const saved: SavedFile = { path, name, mtimeMs: (await stat(path)).mtimeMs };
      fingerprint(path, bytes, saved.mtimeMs);
      remember(path, kind);
      return ipcSuccess(saved);
    },

    async 'file:choose-save-path'(request, context) {
      const folder = deps.settings.get().lastFolder ?? deps.defaultFolder();
      const suggested = safeSuggestedName(request.suggestedName, request.kind);
      const chosen = await deps.dialogs.showSaveDialog(context.window, {
        title: request.kind === 'annex' ? '名前を付けて保存' : '書き出し',
        defaultPath: join(folder, suggested),
        filters: saveDialogFilters(request.kind, suggested),
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (chosen.canceled || !chosen.filePath) return ipcSuccess({ canceled: true as const });
      const path = withKindExtension(chosen.filePath, request.kind);
      // The user picked this place: the following 'file:save' may write there.
      deps.grants.grant(path, request.kind);
      deps.settings.update({ lastFolder: dirname(path) });
      return ipcSuccess({ path, name: basename(path) });
    },
  };
}
