import { readdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_INTAKE_BYTES, MAX_SUBMISSION_BYTES, SUBMISSION_EXTENSIONS } from '../../shared/ipc/submission-names';
import { writeFileAtomic, type AtomicWriteOptions } from '../files/atomic-write';
import { describeFsError } from '../files/fs-error-message';
import { pathKey } from '../files/granted-paths';
import type { SettingsStore } from '../settings-model';
import type { FileDialogs } from './file-handlers';
import { ipcFailure, ipcSuccess, type IpcHandlers } from './ipc-types';
import { readSubmissionPaths, type ReadLimits } from './submission-reading';

export interface SubmissionHandlerDeps {
  readonly dialogs: Pick<FileDialogs, 'showOpenDialog'>;
  readonly settings: SettingsStore;
  /** Where the dialogs start when no folder was used yet (app.getPath('documents')). */
  readonly defaultFolder: () => string;
  readonly limits?: Partial<ReadLimits>;
  readonly platform?: NodeJS.Platform;
  readonly writeOptions?: Omit<AtomicWriteOptions, 'backup'>;
}

export type SubmissionHandlers = Pick<IpcHandlers, 'submissions:choose-folder' | 'submissions:write-files' | 'submissions:open'>;

/** The sections' workbooks going out, and their answers coming back: folders and files the user chose, bytes only. */
export function createSubmissionHandlers(deps: SubmissionHandlerDeps): SubmissionHandlers {
  const platform = deps.platform ?? process.platform;
  const limits: ReadLimits = { maxFileBytes: MAX_SUBMISSION_BYTES, maxTotalBytes: MAX_INTAKE_BYTES, ...deps.limits };
  // Folders the user chose this session for the workbooks: a page cannot write anywhere else.
  const grantedFolders = new Set<string>();
  const startFolder = (): string => deps.settings.get().lastFolder ?? deps.defaultFolder();

  return {
    async 'submissions:choose-folder'(request, context) {
      const chosen = await deps.dialogs.showOpenDialog(context.window, {
        title: '提出用ファイルを保存するフォルダー',
        buttonLabel: 'このフォルダーに保存',
        defaultPath: startFolder(),
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      });
      const folder = chosen.filePaths[0];
      if (chosen.canceled || folder === undefined) return ipcSuccess({ canceled: true as const });
      grantedFolders.add(pathKey(folder, platform));
      deps.settings.update({ lastFolder: folder });
      let present: Set<string>;
      try {
        present = new Set((await readdir(folder)).map((name) => pathKey(join(folder, name), platform)));
      } catch (error) {
        // promptToCreate may hand back a folder that does not exist yet: nothing is there to replace.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return ipcFailure('io', describeFsError(error, folder, 'read'));
        present = new Set();
      }
      const existing = request.names.filter((name) => present.has(pathKey(join(folder, name), platform)));
      return ipcSuccess({ path: folder, existing });
    },

    async 'submissions:write-files'(request) {
      const { folder } = request;
      if (!grantedFolders.has(pathKey(folder, platform))) {
        return ipcFailure('invalid-request', `フォルダー「${basename(folder)}」には書き込めません：保存先のフォルダーを選び直してください。（${folder}）`);
      }
      const written: { path: string; name: string }[] = [];
      for (const file of request.files) {
        const path = join(folder, file.name);
        // The schema refuses separators; this also holds for whatever join makes of a name.
        if (resolve(dirname(path)) !== resolve(folder)) return ipcFailure('invalid-request', `「${file.name}」はこのフォルダーに書き込めません。`);
        // A folder of workbooks is made again at will: no .bak beside each.
        const result = await writeFileAtomic(path, file.bytes, { ...deps.writeOptions, backup: false });
        if (!result.ok) {
          const done = written.length > 0 ? `（書き出し済み ${written.length} 件：${written.map((item) => item.name).join('、')}）` : '';
          return ipcFailure('io', `${result.error.message}${done}`);
        }
        written.push({ path, name: file.name });
      }
      return ipcSuccess({ written });
    },

    async 'submissions:open'(request, context) {
      let paths = request.paths;
      if (paths === undefined) {
        const chosen = await deps.dialogs.showOpenDialog(context.window, {
          title: '提出ファイルの取り込み',
          defaultPath: startFolder(),
          filters: [{ name: '提出ファイル（Excel・OpenDocument・CSV）', extensions: [...SUBMISSION_EXTENSIONS] }],
          properties: ['openFile', 'multiSelections'],
        });
        if (chosen.canceled || chosen.filePaths.length === 0) return ipcSuccess({ canceled: true as const });
        paths = chosen.filePaths;
      }
      const read = await readSubmissionPaths(paths, limits);
      const first = read.files[0];
      if (first) deps.settings.update({ lastFolder: dirname(first.path) });
      return ipcSuccess(read);
    },
  };
}
