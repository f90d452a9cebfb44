import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcHandlers } from '../../../electron/ipc/ipc-types';
import { createIpcDispatch } from '../../../electron/ipc/register-handlers';
import { createSubmissionHandlers } from '../../../electron/ipc/submission-handlers';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import type { PreloadApi } from '../../../shared/ipc/bridge-api';
import { electronBridge } from '../../../renderer/src/bridge/electron-bridge';
import { FakeBrowserWindow, resetFakeElectron } from '../support/electron-mock';
import { useTempDirs } from './temp-dir';

vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

const tempDir = useTempDirs();
const APP_URL = 'app://bundle/index.html';

/** The renderer's Electron bridge over the real submission handlers, the preload and ipcMain replaced by a direct dispatch. */
function bridgeOver(answers: (string[] | null)[]) {
  const handlers = createSubmissionHandlers({
    dialogs: {
      showOpenDialog: async () => {
        const paths = answers.shift() ?? null;
        return { canceled: paths === null, filePaths: paths ?? [] };
      },
    },
    settings: createMemorySettingsStore(),
    defaultFolder: () => '/home/user/Documents',
    platform: 'linux',
  });
  const dispatch = createIpcDispatch(handlers as unknown as IpcHandlers, { appUrl: APP_URL, windowFor: () => null });
  const event = { sender: new FakeBrowserWindow({}).webContents, senderFrame: { url: APP_URL, parent: null } } as never;
  const api: PreloadApi = {
    platform: 'electron',
    version: 'test',
    invoke: ((channel: never, request: unknown) => dispatch(channel, event, request)) as PreloadApi['invoke'],
    on: () => () => undefined,
    pathForFile: () => '',
  };
  return electronBridge(api);
}

beforeEach(() => resetFakeElectron());

describe('the Electron bridge for submissions', () => {
  it('chooses a folder, names it for messages, and writes the workbooks there', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, '取組事業一覧_関係部局.xlsx'), 'old');
    const bridge = bridgeOver([[folder]]);
    const chosen = await bridge.chooseSubmissionFolder(['取組事業一覧_関係部局.xlsx', '取組事業一覧_社会福祉協議会.xlsx']);
    if (!chosen.ok || !chosen.value) throw new Error('expected a folder');
    expect(chosen.value).toEqual({ path: folder, name: folder.split('/').pop(), existing: ['取組事業一覧_関係部局.xlsx'] });
    const files = [
      { name: '取組事業一覧_関係部局.xlsx', bytes: new TextEncoder().encode('PK 1') },
      { name: '取組事業一覧_社会福祉協議会.xlsx', bytes: new TextEncoder().encode('PK 2') },
    ];
    expect(await bridge.writeSubmissionFiles(chosen.value, files, 'unused.zip')).toEqual({ ok: true, value: { written: 2 } });
    expect((await readdir(folder)).sort()).toEqual(files.map((file) => file.name).sort());
    expect(await readFile(join(folder, '取組事業一覧_関係部局.xlsx'), 'utf8')).toBe('PK 1');
  });

  it('turns a cancelled dialog into null, and passes dropped paths through to main', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, 'a.xlsx'), 'PK');
    const bridge = bridgeOver([null, null]);
    expect(await bridge.chooseSubmissionFolder([])).toEqual({ ok: true, value: null });
    expect(await bridge.openSubmissions()).toEqual({ ok: true, value: null });
    const dropped = await bridge.openSubmissions([folder]);
    expect(dropped.ok && dropped.value?.files.map((file) => file.name)).toEqual(['a.xlsx']);
  });

  it('hands main refusals back as data naming the folder', async () => {
    const bridge = bridgeOver([]);
    const result = await bridge.writeSubmissionFiles({ path: '/etc', name: 'etc', existing: [] }, [{ name: '取組事業一覧_関係部局.xlsx', bytes: new Uint8Array(2) }], 'x.zip');
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', message: 'フォルダー「etc」には書き込めません：保存先のフォルダーを選び直してください。（/etc）' } });
  });
});
