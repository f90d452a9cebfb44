import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MenuItemConstructorOptions, OpenDialogOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcContext, IpcHandlers } from '../../../electron/ipc/ipc-types';
import { createIpcDispatch } from '../../../electron/ipc/register-handlers';
import { createSubmissionHandlers } from '../../../electron/ipc/submission-handlers';
import { buildMenuTemplate } from '../../../electron/menu-template';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import type { IpcResult, MenuCommand } from '../../../shared/ipc/contract';
import { FakeBrowserWindow, resetFakeElectron } from '../support/electron-mock';
import { useTempDirs } from './temp-dir';

// register-handlers.ts imports electron (ipcMain, BrowserWindow): hand it the fake.
vi.mock('electron', async () => (await import('../support/electron-mock')).electronModule);

const tempDir = useTempDirs();
const context: IpcContext = { window: null };
const APP_URL = 'app://bundle/index.html';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (value: Uint8Array): string => new TextDecoder().decode(value);

/** A dialog that answers with prepared paths and records what it was asked. */
function setup(limits?: { maxFileBytes?: number; maxTotalBytes?: number }) {
  const asked: OpenDialogOptions[] = [];
  const answers: (string[] | null)[] = [];
  const settings = createMemorySettingsStore({ lastFolder: '/home/user/提出' });
  const handlers = createSubmissionHandlers({
    dialogs: {
      showOpenDialog: async (_window, options) => {
        asked.push(options);
        const paths = answers.shift() ?? null;
        return { canceled: paths === null, filePaths: paths ?? [] };
      },
    },
    settings,
    defaultFolder: () => '/home/user/Documents',
    platform: 'linux',
    ...(limits ? { limits } : {}),
  });
  return { handlers, asked, answers, settings };
}

function dispatchOf(handlers: ReturnType<typeof createSubmissionHandlers>) {
  const dispatch = createIpcDispatch(handlers as unknown as IpcHandlers, { appUrl: APP_URL, windowFor: () => null });
  const event = (url: string, subFrame = false) => ({ sender: new FakeBrowserWindow({}).webContents, senderFrame: { url, parent: subFrame ? {} : null } }) as never;
  return { dispatch, event };
}

beforeEach(() => resetFakeElectron());

describe('the submission channels refuse what is not the app page or not well formed', () => {
  it.each([
    ['submissions:choose-folder', { names: ['取組事業一覧_保健所_健康推進課.xlsx'] }],
    ['submissions:write-files', { folder: '/tmp', files: [{ name: 'a_b.xlsx', bytes: new Uint8Array(1) }] }],
    ['submissions:open', {}],
  ] as const)('%s from another page or a sub-frame: forbidden-sender, no dialog, nothing written', async (channel, payload) => {
    const t = setup();
    const { dispatch, event } = dispatchOf(t.handlers);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    for (const sender of [event('https://attacker.example/'), event('app://evil/index.html'), event(APP_URL, true)]) {
      expect(await dispatch(channel, sender, payload)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(t.asked).toEqual([]);
    warn.mockRestore();
  });

  it.each([
    ['a name with a folder', 'submissions:write-files', { folder: '/tmp', files: [{ name: '../取組事業一覧.xlsx', bytes: new Uint8Array(1) }] }, '「files.0.name」の値が正しくありません'],
    ['a Windows path', 'submissions:write-files', { folder: '/tmp', files: [{ name: 'C:\\Windows\\a.xlsx', bytes: new Uint8Array(1) }] }, '「files.0.name」'],
    ['a name that is not a workbook', 'submissions:write-files', { folder: '/tmp', files: [{ name: 'run.exe', bytes: new Uint8Array(1) }] }, '「files.0.name」'],
    ['a hidden name', 'submissions:write-files', { folder: '/tmp', files: [{ name: '.bashrc.xlsx', bytes: new Uint8Array(1) }] }, '「files.0.name」'],
    ['no files', 'submissions:write-files', { folder: '/tmp', files: [] }, '「files」が短すぎるか小さすぎます'],
    ['bytes as text', 'submissions:write-files', { folder: '/tmp', files: [{ name: 'a_b.xlsx', bytes: 'PK' }] }, '「files.0.bytes」'],
    ['an extra key', 'submissions:write-files', { folder: '/tmp', files: [{ name: 'a_b.xlsx', bytes: new Uint8Array(1) }], backup: true }, '余分な項目があります（backup）'],
    ['a name with a colon', 'submissions:choose-folder', { names: ['a:b.xlsx'] }, '「names.0」'],
    ['too many paths', 'submissions:open', { paths: Array.from({ length: 501 }, (_, index) => `/tmp/${index}.xlsx`) }, '「paths」が長すぎるか大きすぎます'],
    ['an empty path list', 'submissions:open', { paths: [] }, '「paths」が短すぎるか小さすぎます'],
    ['a path as a number', 'submissions:open', { paths: [42] }, '「paths.0」の型が正しくありません'],
  ] as const)('refuses %s with invalid-request before any handler runs', async (_label, channel, payload, message) => {
    const t = setup();
    const { dispatch, event } = dispatchOf(t.handlers);
    const result = (await dispatch(channel, event(APP_URL), payload)) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect(t.asked).toEqual([]);
  });
});

describe("'submissions:choose-folder' and 'submissions:write-files'", () => {
  it('asks for a folder, says which workbooks are there already, and writes each atomically without a backup', async () => {
    const folder = await tempDir();
    await writeFile(join(folder, '取組事業一覧_保健所_健康推進課.xlsx'), 'old');
    const t = setup();
    t.answers.push([folder]);
    const names = ['取組事業一覧_保健所_健康推進課.xlsx', '取組事業一覧_土木部_雪対策課.xlsx'];
    const chosen = await t.handlers['submissions:choose-folder']({ names }, context);
    expect(chosen).toEqual({ ok: true, value: { path: folder, existing: ['取組事業一覧_保健所_健康推進課.xlsx'] } });
    expect(t.asked[0]).toMatchObject({ title: '提出用ファイルを保存するフォルダー', defaultPath: '/home/user/提出', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
    expect(t.settings.get().lastFolder).toBe(folder);

    const written = await t.handlers['submissions:write-files']({ folder, files: names.map((name) => ({ name, bytes: bytes(`PK ${name}`) })) }, context);
    expect(written).toEqual({ ok: true, value: { written: names.map((name) => ({ name, path: join(folder, name) })) } });
    for (const name of names) expect(decode(await readFile(join(folder, name)))).toBe(`PK ${name}`);
    // No temp file and no .bak left beside them.
    expect((await readdir(folder)).sort()).toEqual([...names].sort());
  });

  it('creates a folder the dialog made up (promptToCreate) on the first write', async () => {
    const folder = join(await tempDir(), '2025年度');
    const t = setup();
    t.answers.push([folder]);
    expect(await t.handlers['submissions:choose-folder']({ names: ['取組事業一覧_関係部局.xlsx'] }, context)).toEqual({ ok: true, value: { path: folder, existing: [] } });
    await mkdir(folder);
    expect(await t.handlers['submissions:write-files']({ folder, files: [{ name: '取組事業一覧_関係部局.xlsx', bytes: bytes('PK') }] }, context)).toMatchObject({ ok: true });
  });

  it('returns canceled when the folder dialog is dismissed, and grants nothing', async () => {
    const folder = await tempDir();
    const t = setup();
    expect(await t.handlers['submissions:choose-folder']({ names: [] }, context)).toEqual({ ok: true, value: { canceled: true } });
    const result = await t.handlers['submissions:write-files']({ folder, files: [{ name: 'a_b.xlsx', bytes: bytes('PK') }] }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readdir(folder)).toEqual([]);
  });

  it('refuses a folder the user did not choose, naming it', async () => {
    const chosen = await tempDir();
    const other = await tempDir();
    const t = setup();
    t.answers.push([chosen]);
    await t.handlers['submissions:choose-folder']({ names: [] }, context);
    const result = await t.handlers['submissions:write-files']({ folder: other, files: [{ name: 'a_b.xlsx', bytes: bytes('PK') }] }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toBe(`フォルダー「${other.split('/').pop()}」には書き込めません：保存先のフォルダーを選び直してください。（${other}）`);
    expect(await readdir(other)).toEqual([]);
  });

  it('stops at a file it cannot write, naming it and the workbooks already written', async () => {
    const folder = await tempDir();
    // A folder where the second workbook should go: the write fails there.
    await mkdir(join(folder, '取組事業一覧_土木部_雪対策課.xlsx'));
    const t = setup();
    t.answers.push([folder]);
    await t.handlers['submissions:choose-folder']({ names: [] }, context);
    const result = await t.handlers['submissions:write-files'](
      {
        folder,
        files: [
          { name: '取組事業一覧_保健所_健康推進課.xlsx', bytes: bytes('PK 1') },
          { name: '取組事業一覧_土木部_雪対策課.xlsx', bytes: bytes('PK 2') },
          { name: '取組事業一覧_関係部局.xlsx', bytes: bytes('PK 3') },
        ],
      },
      context,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) {
      expect(result.error.message).toContain('「取組事業一覧_土木部_雪対策課.xlsx」を保存できません');
      expect(result.error.message).toContain('（書き出し済み 1 件：取組事業一覧_保健所_健康推進課.xlsx）');
    }
    expect((await readdir(folder)).sort()).toEqual(['取組事業一覧_保健所_健康推進課.xlsx', '取組事業一覧_土木部_雪対策課.xlsx']);
  });
});

describe("'submissions:open'", () => {
  it('opens several files chosen in one dialog, spreadsheets only offered, and remembers their folder', async () => {
    const folder = await tempDir();
    const paths = ['a.xlsx', 'b.ods', 'c.csv'].map((name) => join(folder, name));
    for (const path of paths) await writeFile(path, `bytes of ${path}`);
    const t = setup();
    t.answers.push(paths);
    const result = await t.handlers['submissions:open']({}, context);
    expect(t.asked[0]).toMatchObject({ title: '提出ファイルの取り込み', defaultPath: '/home/user/提出', properties: ['openFile', 'multiSelections'] });
    expect(t.asked[0]?.filters).toEqual([{ name: '提出ファイル（Excel・OpenDocument・CSV）', extensions: ['xlsx', 'xlsm', 'xls', 'ods', 'csv'] }]);
    if (!result.ok || 'canceled' in result.value) throw new Error('expected files');
    expect(result.value.files.map((file) => [file.name, file.path, decode(file.bytes)])).toEqual(paths.map((path) => [path.split('/').pop(), path, `bytes of ${path}`]));
    expect(result.value.unread).toEqual([]);
    expect(t.settings.get().lastFolder).toBe(folder);
  });

  it('returns canceled when the dialog is dismissed', async () => {
    expect(await setup().handlers['submissions:open']({}, context)).toEqual({ ok: true, value: { canceled: true } });
  });

  it('reads a dropped folder as the spreadsheets directly in it, in name order: no subfolders, hidden files or other files', async () => {
    const folder = await tempDir();
    for (const name of ['b.xlsx', 'a.XLS', '.~lock.a.xlsx#', '~$b.xlsx', 'メモ.txt', '回答.pdf', '.hidden.xlsx']) await writeFile(join(folder, name), name);
    await mkdir(join(folder, '古い回答'));
    await writeFile(join(folder, '古い回答', 'old.xlsx'), 'old');
    const result = await setup().handlers['submissions:open']({ paths: [folder] }, context);
    if (!result.ok || 'canceled' in result.value) throw new Error('expected files');
    expect(result.value.files.map((file) => [file.name, decode(file.bytes)])).toEqual([
      ['a.XLS', 'a.XLS'],
      ['b.xlsx', 'b.xlsx'],
    ]);
    expect(result.value.unread).toEqual([]);
  });

  it('lists what it did not read with the reason naming it: an empty folder, another kind of file, a missing file, a relative path', async () => {
    const empty = await tempDir();
    const folder = await tempDir();
    const pdf = join(folder, '回答.pdf');
    await writeFile(pdf, '%PDF');
    const missing = join(folder, '消えた.xlsx');
    const result = await setup().handlers['submissions:open']({ paths: [empty, pdf, missing, 'relative.xlsx'] }, context);
    if (!result.ok || 'canceled' in result.value) throw new Error('expected a result');
    expect(result.value.files).toEqual([]);
    expect(result.value.unread.map((file) => [file.name, file.reason])).toEqual([
      [empty.split('/').pop(), `フォルダー「${empty.split('/').pop()}」には取り込める表計算ファイル（.xlsx .xlsm .xls .ods .csv）がありません。（${empty}）`],
      ['回答.pdf', `「回答.pdf」は取り込みません：取り込めるのは .xlsx .xlsm .xls .ods .csv のファイルです。（${pdf}）`],
      ['消えた.xlsx', `「消えた.xlsx」を読み込めません：ファイルが見つかりません。（${missing}）`],
      ['relative.xlsx', '「relative.xlsx」を読み込めません：ファイルの場所が正しくありません。（relative.xlsx）'],
    ]);
  });

  it('never loads a file over the size limit, nor more than the intake limit in all', async () => {
    const folder = await tempDir();
    const names = ['a.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx'];
    await writeFile(join(folder, 'a.xlsx'), 'x'.repeat(400));
    await writeFile(join(folder, 'b.xlsx'), 'x'.repeat(2048));
    await writeFile(join(folder, 'c.xlsx'), 'x'.repeat(500));
    await writeFile(join(folder, 'd.xlsx'), 'x'.repeat(200));
    const result = await setup({ maxFileBytes: 1024, maxTotalBytes: 1000 }).handlers['submissions:open']({ paths: names.map((name) => join(folder, name)) }, context);
    if (!result.ok || 'canceled' in result.value) throw new Error('expected a result');
    expect(result.value.files.map((file) => file.name)).toEqual(['a.xlsx', 'c.xlsx']);
    expect(result.value.unread.map((file) => [file.name, file.reason.split('：')[0]])).toEqual([
      ['b.xlsx', '「b.xlsx」は大きすぎて読み込めません（0.0 MB）'],
      ['d.xlsx', '「d.xlsx」は読み込みませんでした'],
    ]);
  });
});

describe('the menu', () => {
  it('offers 提出用ファイルの作成… and 提出ファイルの取り込み… in the ファイル menu, each sending its command', () => {
    const sent: MenuCommand[] = [];
    const menu = buildMenuTemplate({ recentFiles: [] }, false, 'win32', { command: (command) => sent.push(command), openRecent: () => undefined, showAbout: () => undefined });
    const file = (menu.find((item) => item.label === 'ファイル(&F)')?.submenu ?? []) as MenuItemConstructorOptions[];
    for (const label of ['提出用ファイルの作成…', '提出ファイルの取り込み…']) (file.find((item) => item.label === label)?.click as (() => void) | undefined)?.();
    expect(sent).toEqual(['send-submissions', 'receive-submissions']);
  });
});
