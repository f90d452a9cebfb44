import { mkdir, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { GrantedPaths } from '../../../electron/files/granted-paths';
import { MAX_RECENT_FILES, withRecentFile } from '../../../electron/files/recent-files';
import { createFileHandlers, safeSuggestedName, type FileDialogs } from '../../../electron/ipc/file-handlers';
import type { IpcContext } from '../../../electron/ipc/ipc-types';
import { createSettingsHandlers } from '../../../electron/ipc/settings-handlers';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import type { Settings } from '../../../shared/ipc/contract';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const context: IpcContext = { window: null };
const bytes = (value: string) => new TextEncoder().encode(value);
const decode = (value: Uint8Array) => new TextDecoder().decode(value);

/** A dialog that answers with prepared paths and records what it was asked. */
function fakeDialogs() {
  const calls = { open: [] as OpenDialogOptions[], save: [] as SaveDialogOptions[] };
  const answers = { open: [] as (string | null)[], save: [] as (string | null)[] };
  const dialogs: FileDialogs = {
    showOpenDialog: async (_window, options) => {
      calls.open.push(options);
      const path = answers.open.shift() ?? null;
      return { canceled: path === null, filePaths: path === null ? [] : [path] };
    },
    showSaveDialog: async (_window, options) => {
      calls.save.push(options);
      const path = answers.save.shift() ?? null;
      return path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path };
    },
  };
  return { dialogs, calls, answers };
}

function setup(initial: Partial<Settings> = {}, maxOpenBytes?: number) {
  const fake = fakeDialogs();
  const settings = createMemorySettingsStore(initial);
  const grants = new GrantedPaths('linux');
  const menuUpdates: (readonly string[])[] = [];
  const handlers = createFileHandlers({
    dialogs: fake.dialogs,
    settings,
    grants,
    defaultFolder: () => '/home/user/Documents',
    onRecentFilesChanged: (recent) => menuUpdates.push(recent),
    platform: 'linux',
    ...(maxOpenBytes === undefined ? {} : { maxOpenBytes }),
  });
  return { ...fake, settings, grants, handlers, menuUpdates };
}

async function annexFile(name = 'annex.json', content = '{"schemaVersion":1}'): Promise<string> {
  const path = join(await tempDir(), name);
  await writeFile(path, content);
  return path;
}

describe("'file:open'", () => {
  it('opens the file chosen in the dialog: bytes, name, mtime; remembers it', async () => {
    const path = await annexFile('取組事業一覧.json', '{"a":1}');
    const t = setup({ lastFolder: '/somewhere' });
    t.answers.open.push(path);
    const result = await t.handlers['file:open']({ kind: 'annex' }, context);
    expect(result.ok).toBe(true);
    if (!result.ok || 'canceled' in result.value) throw new Error('expected a file');
    expect(result.value.path).toBe(path);
    expect(result.value.name).toBe('取組事業一覧.json');
    expect(decode(result.value.bytes)).toBe('{"a":1}');
    expect(result.value.mtimeMs).toBe((await stat(path)).mtimeMs);

    expect(t.calls.open[0]).toMatchObject({ title: '開く', defaultPath: '/somewhere', properties: ['openFile'] });
    expect(t.calls.open[0]?.filters?.[0]?.extensions).toEqual(['json', 'xlsx', 'xls', 'ods', 'csv']);
    expect(t.settings.get()).toMatchObject({ recentFiles: [path], lastFilePath: path, lastFolder: join(path, '..') });
    expect(t.menuUpdates).toEqual([[path]]);
    expect(t.grants.kindOf(path)).toBe('annex');
  });

  it('returns canceled when the dialog is dismissed', async () => {
    const t = setup();
    expect(await t.handlers['file:open']({ kind: 'annex' }, context)).toEqual({ ok: true, value: { canceled: true } });
    expect(t.settings.get().recentFiles).toEqual([]);
  });

  it('opens a given path (最近使ったファイル) without a dialog', async () => {
    const path = await annexFile('annex.XLSX', 'PK');
    const t = setup();
    const result = await t.handlers['file:open']({ kind: 'annex', path }, context);
    expect(result.ok && !('canceled' in result.value) && decode(result.value.bytes)).toBe('PK');
    expect(t.calls.open).toHaveLength(0);
    expect(t.grants.has(path)).toBe(true);
  });

  it.each([
    ['annex.txt', 'は開けません：開けるのは .json .xlsx .xls .ods .csv のファイルです'],
    ['annex.exe', 'は開けません'],
    ['annex', 'は開けません'],
  ])('refuses %s (wrong extension) with a Japanese message naming it', async (name, message) => {
    const path = await annexFile(name);
    const t = setup();
    const result = await t.handlers['file:open']({ kind: 'annex', path }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message.startsWith(`「${name}」${message}`)).toBe(true);
    if (!result.ok) expect(result.error.message.endsWith(`（${path}）`)).toBe(true);
    expect(t.grants.has(path)).toBe(false);
  });

  it('refuses a folder whose name looks like an annex file', async () => {
    const path = join(await tempDir(), 'folder.json');
    await mkdir(path);
    const result = await setup().handlers['file:open']({ kind: 'annex', path }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain('ファイルではありません');
  });

  it('refuses a file larger than the limit, naming its size', async () => {
    const path = await annexFile('big.csv', '');
    await truncate(path, 2048);
    const result = await setup({}, 1024).handlers['file:open']({ kind: 'annex', path }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/「big\.csv」は大きすぎて開けません（0\.0 MB）/);
  });

  it('reports a missing file as not-found and drops it from the recent files', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'moved.json');
    const kept = await annexFile('kept.json');
    const t = setup({ recentFiles: [missing, kept] });
    const result = await t.handlers['file:open']({ kind: 'annex', path: missing }, context);
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: `「moved.json」が見つかりません：移動または削除された可能性があります。（${missing}）` },
    });
    expect(t.settings.get().recentFiles).toEqual([kept]);
    expect(t.menuUpdates).toEqual([[kept]]);
  });

  it('refuses a relative path', async () => {
    const result = await setup().handlers['file:open']({ kind: 'annex', path: 'annex.json' }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('offers only the kind’s own extensions for an export kind', async () => {
    const path = await annexFile('export.json');
    const t = setup();
    expect((await t.handlers['file:open']({ kind: 'json-export', path }, context)).ok).toBe(true);
    const wrong = await t.handlers['file:open']({ kind: 'pdf-export', path }, context);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe("'file:save'", () => {
  async function opened(content = 'v1') {
    const path = await annexFile('annex.json', content);
    const t = setup();
    const result = await t.handlers['file:open']({ kind: 'annex', path }, context);
    if (!result.ok || 'canceled' in result.value) throw new Error('open failed');
    return { t, path, mtimeMs: result.value.mtimeMs };
  }

  it('writes over an opened file when it is unchanged on disk, keeping a .bak', async () => {
    const { t, path, mtimeMs } = await opened('v1');
    const result = await t.handlers['file:save']({ path, bytes: bytes('v2'), expectedMtimeMs: mtimeMs }, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ path, name: 'annex.json', mtimeMs: (await stat(path)).mtimeMs });
    expect(await readFile(path, 'utf8')).toBe('v2');
    expect(await readFile(join(path, '../annex.bak.json'), 'utf8')).toBe('v1');
    expect(t.settings.get().recentFiles).toEqual([path]);
  });

  it('refuses a path this session neither opened nor chose', async () => {
    const path = await annexFile('other.json', 'untouched');
    const t = setup();
    const result = await t.handlers['file:save']({ path, bytes: bytes('evil'), expectedMtimeMs: null }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toContain('「other.json」には保存できません');
    expect(await readFile(path, 'utf8')).toBe('untouched');
  });

  it("answers 'changed-on-disk' when another program changed the file, and writes nothing", async () => {
    const { t, path, mtimeMs } = await opened('v1');
    await writeFile(path, 'edited in Excel');
    await utimes(path, new Date(), new Date(Date.now() + 5_000));
    const result = await t.handlers['file:save']({ path, bytes: bytes('v2'), expectedMtimeMs: mtimeMs }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    if (!result.ok) expect(result.error.message).toContain('ファイルが他のアプリで変更されています');
    expect(await readFile(path, 'utf8')).toBe('edited in Excel');
  });

  it("answers 'changed-on-disk' when the file was deleted meanwhile", async () => {
    const { t, path, mtimeMs } = await opened();
    const { rm } = await import('node:fs/promises');
    await rm(path);
    const result = await t.handlers['file:save']({ path, bytes: bytes('v2'), expectedMtimeMs: mtimeMs }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
  });

  it('overwrites regardless when expectedMtimeMs is null (the user said 上書き保存)', async () => {
    const { t, path } = await opened('v1');
    await writeFile(path, 'edited elsewhere');
    const result = await t.handlers['file:save']({ path, bytes: bytes('mine'), expectedMtimeMs: null }, context);
    expect(result.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('mine');
    expect(await readFile(join(path, '../annex.bak.json'), 'utf8')).toBe('edited elsewhere');
  });

  it('reports a disk error as io with the Japanese message', async () => {
    const { t, path } = await opened();
    const { rm } = await import('node:fs/promises');
    await rm(join(path, '..'), { recursive: true });
    const result = await t.handlers['file:save']({ path, bytes: bytes('x'), expectedMtimeMs: null }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toContain('保存先のフォルダーが見つかりません');
  });
});

describe("'file:choose-save-path'", () => {
  it('asks where to save, starting in the last folder, and grants the chosen path', async () => {
    const dir = await tempDir();
    const chosen = join(dir, '2025年度.xlsx');
    const t = setup({ lastFolder: dir });
    t.answers.save.push(chosen);
    const result = await t.handlers['file:choose-save-path']({ suggestedName: '取組事業一覧.xlsx', kind: 'annex' }, context);
    expect(result).toEqual({ ok: true, value: { path: chosen, name: '2025年度.xlsx' } });
    expect(t.calls.save[0]).toMatchObject({ title: '名前を付けて保存', defaultPath: join(dir, '取組事業一覧.xlsx') });
    expect(t.calls.save[0]?.properties).toContain('showOverwriteConfirmation');
    // The suggested name's type comes first, so the dialog preselects it.
    expect(t.calls.save[0]?.filters?.map((filter) => filter.extensions)).toEqual([['xlsx'], ['json']]);
    expect(t.grants.kindOf(chosen)).toBe('annex');
    expect(t.settings.get().lastFolder).toBe(dir);

    // Then the save to the chosen place is allowed, and it enters 最近使ったファイル.
    const saved = await t.handlers['file:save']({ path: chosen, bytes: bytes('PK'), expectedMtimeMs: null }, context);
    expect(saved.ok).toBe(true);
    expect(await readFile(chosen, 'utf8')).toBe('PK');
    expect(t.settings.get()).toMatchObject({ recentFiles: [chosen], lastFilePath: chosen });
  });

  it('starts in the documents folder when no folder was used yet', async () => {
    const t = setup();
    await t.handlers['file:choose-save-path']({ suggestedName: 'a.json', kind: 'annex' }, context);
    expect(t.calls.save[0]?.defaultPath).toBe(join('/home/user/Documents', 'a.json'));
    expect(t.calls.save[0]?.filters?.map((filter) => filter.extensions)).toEqual([['json'], ['xlsx']]);
  });

  it('returns canceled and grants nothing when the dialog is dismissed', async () => {
    const t = setup();
    const result = await t.handlers['file:choose-save-path']({ suggestedName: 'a.json', kind: 'annex' }, context);
    expect(result).toEqual({ ok: true, value: { canceled: true } });
  });

  it('adds the extension a GTK dialog may leave off', async () => {
    const dir = await tempDir();
    const t = setup();
    t.answers.save.push(join(dir, '書き出し'));
    const result = await t.handlers['file:choose-save-path']({ suggestedName: 'x.xlsx', kind: 'xlsx-export' }, context);
    expect(result).toEqual({ ok: true, value: { path: join(dir, '書き出し.xlsx'), name: '書き出し.xlsx' } });
  });

  it('keeps exports out of the recent files and writes them without a .bak', async () => {
    const dir = await tempDir();
    const chosen = join(dir, 'export.xlsx');
    await writeFile(chosen, 'old export');
    const t = setup();
    t.answers.save.push(chosen);
    await t.handlers['file:choose-save-path']({ suggestedName: 'export.xlsx', kind: 'xlsx-export' }, context);
    expect(t.calls.save[0]?.title).toBe('書き出し');
    const saved = await t.handlers['file:save']({ path: chosen, bytes: bytes('new export'), expectedMtimeMs: null }, context);
    expect(saved.ok).toBe(true);
    expect(t.settings.get().recentFiles).toEqual([]);
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['export.xlsx']);
  });

  it('reduces a suggested name to a plain file name', () => {
    expect(safeSuggestedName('../../etc/passwd', 'annex')).toBe('passwd.json');
    expect(safeSuggestedName('C:\\Users\\x\\annex.xlsx', 'annex')).toBe('annex.xlsx');
    expect(safeSuggestedName('a<b>:c?.json', 'annex')).toBe('a_b__c_.json');
    expect(safeSuggestedName('   ', 'xlsx-export')).toBe('取組事業一覧.xlsx');
  });
});

describe('recent files', () => {
  it('puts the latest first, without duplicates, at most 10', () => {
    let recent: string[] = [];
    for (let index = 1; index <= 12; index += 1) recent = withRecentFile(recent, `/d/${index}.json`, 'linux');
    expect(recent).toHaveLength(MAX_RECENT_FILES);
    expect(recent[0]).toBe('/d/12.json');
    expect(recent.at(-1)).toBe('/d/3.json');
    recent = withRecentFile(recent, '/d/7.json', 'linux');
    expect(recent.slice(0, 3)).toEqual(['/d/7.json', '/d/12.json', '/d/11.json']);
    expect(new Set(recent).size).toBe(recent.length);
  });

  it('treats paths differing only in case as one on Windows', () => {
    const recent = withRecentFile(['C:\\Work\\Annex.xlsx', 'C:\\Work\\b.json'], 'c:\\work\\annex.XLSX', 'win32');
    expect(recent).toEqual(['c:\\work\\annex.XLSX', 'C:\\Work\\b.json']);
  });

  it('opening files orders them most recent first and dedupes', async () => {
    const a = await annexFile('a.json');
    const b = await annexFile('b.json');
    const t = setup();
    for (const path of [a, b, a]) await t.handlers['file:open']({ kind: 'annex', path }, context);
    expect(t.settings.get().recentFiles).toEqual([a, b]);
  });

  it("'settings:get' drops files that no longer exist and updates the menu", async () => {
    const kept = await annexFile('kept.json');
    const gone = join(await tempDir(), 'gone.json');
    const settings = createMemorySettingsStore({ recentFiles: [gone, kept] });
    const updates: (readonly string[])[] = [];
    const handlers = createSettingsHandlers({ settings, onRecentFilesChanged: (recent) => updates.push(recent) });
    const result = await handlers['settings:get'](null, context);
    expect(result).toMatchObject({ ok: true, value: { recentFiles: [kept] } });
    expect(settings.get().recentFiles).toEqual([kept]);
    expect(updates).toEqual([[kept]]);
  });
});

describe('granted paths', () => {
  it('match case-insensitively on Windows, with either separator', () => {
    const grants = new GrantedPaths('win32');
    grants.grant('C:\\計画\\Annex.xlsx', 'annex');
    expect(grants.has('c:\\計画\\annex.XLSX')).toBe(true);
    expect(grants.has('C:/計画/Annex.xlsx')).toBe(true);
    expect(grants.has('C:\\計画\\..\\計画\\Annex.xlsx')).toBe(true);
    expect(grants.has('C:\\計画\\other.xlsx')).toBe(false);
  });

  it('match exactly on Linux, after resolving . and ..', () => {
    const grants = new GrantedPaths('linux');
    grants.grant('/d/Annex.json', 'annex');
    expect(grants.has('/d/./x/../Annex.json')).toBe(true);
    expect(grants.has('/d/annex.json')).toBe(false);
  });
});
