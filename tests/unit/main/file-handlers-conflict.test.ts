import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AutosaveStore } from '../../../electron/files/autosave-store';
import { GrantedPaths } from '../../../electron/files/granted-paths';
import { createAutosaveHandlers } from '../../../electron/ipc/autosave-handlers';
import { createFileHandlers, type FileDialogs } from '../../../electron/ipc/file-handlers';
import type { IpcContext } from '../../../electron/ipc/ipc-types';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const context: IpcContext = { window: null };
const bytes = (value: string) => new TextEncoder().encode(value);
const noDialogs: FileDialogs = {
  showOpenDialog: () => Promise.reject(new Error('no dialog expected')),
  showSaveDialog: () => Promise.reject(new Error('no dialog expected')),
};

/** One running app: its own grants, settings and handlers (a second PC on a shared folder is another). */
function instance() {
  const grants = new GrantedPaths('linux');
  const handlers = createFileHandlers({
    dialogs: noDialogs,
    settings: createMemorySettingsStore(),
    grants,
    defaultFolder: () => '/',
    platform: 'linux',
  });
  return {
    grants,
    handlers,
    async open(path: string): Promise<number> {
      const opened = await handlers['file:open']({ kind: 'annex', path }, context);
      if (!opened.ok || 'canceled' in opened.value) throw new Error(`open failed: ${JSON.stringify(opened)}`);
      return opened.value.mtimeMs;
    },
    save: (path: string, content: string, expectedMtimeMs: number | null) =>
      handlers['file:save']({ path, bytes: bytes(content), expectedMtimeMs }, context),
  };
}

async function annexFile(content: string): Promise<string> {
  const path = join(await tempDir(), '取組事業一覧.json');
  await writeFile(path, content);
  return path;
}

const changedMessage = (path: string) => `ファイルが他のアプリで変更されています：「取組事業一覧.json」（${path}）`;

describe('a file changed on disk since it was opened', () => {
  it('two instances: the second save is refused with changed-on-disk, and the first save’s content stays', async () => {
    const path = await annexFile('{"version":"opened by both"}');
    const first = instance();
    const second = instance();
    const firstTime = await first.open(path);
    const secondTime = await second.open(path);
    expect(secondTime).toBe(firstTime);

    const saved = await second.save(path, '{"version":"second PC"}', secondTime);
    expect(saved.ok).toBe(true);
    const refused = await first.save(path, '{"version":"first PC"}', firstTime);
    expect(refused).toEqual({ ok: false, error: { code: 'changed-on-disk', message: changedMessage(path) } });
    expect(await readFile(path, 'utf8')).toBe('{"version":"second PC"}');

    // The user, asked, chose 上書き保存: the other PC's version is kept as the backup.
    expect((await first.save(path, '{"version":"first PC"}', null)).ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe('{"version":"first PC"}');
    expect(await readFile(join(path, '../取組事業一覧.bak.json'), 'utf8')).toBe('{"version":"second PC"}');
  });

  it('notices a change that kept the modification time (a copy preserving times), by size or by content', async () => {
    for (const replacement of ['{"version":"copied back, longer"}', '{"version":"EDITED"}']) {
      const path = await annexFile('{"version":"opened"}');
      // Whole seconds, as a share with a coarse clock keeps them, so the time can be put back exactly.
      const wholeSecond = Math.floor(Date.now() / 1000) - 60;
      await utimes(path, wholeSecond, wholeSecond);
      const app = instance();
      const openedAt = await app.open(path);
      await writeFile(path, replacement);
      await utimes(path, wholeSecond, wholeSecond);
      expect((await stat(path)).mtimeMs).toBe(openedAt);

      const refused = await app.save(path, '{"version":"mine"}', openedAt);
      expect(refused, replacement).toEqual({ ok: false, error: { code: 'changed-on-disk', message: changedMessage(path) } });
      expect(await readFile(path, 'utf8')).toBe(replacement);
    }
  });

  it('saves again and again over its own saves without a false alarm', async () => {
    const path = await annexFile('v0');
    const app = instance();
    let mtimeMs = await app.open(path);
    for (let version = 1; version <= 5; version += 1) {
      const saved = await app.save(path, `v${version}`, mtimeMs);
      if (!saved.ok) throw new Error(`save ${version} refused: ${saved.error.message}`);
      mtimeMs = saved.value.mtimeMs;
    }
    expect(await readFile(path, 'utf8')).toBe('v5');
  });

  it('after a crash, saving the recovered work back to its file still notices a change made meanwhile', async () => {
    const path = await annexFile('as opened before the crash');
    const userData = await tempDir();
    const crashed = instance();
    const openedAt = await crashed.open(path);
    const crashedAutosave = createAutosaveHandlers({ store: new AutosaveStore(join(userData, 'autosave')), grants: crashed.grants });
    const envelope = { documentJson: '{"unsaved":true}', filePath: path, fileMtimeMs: openedAt, savedAt: '2025-04-01T09:00:00.000Z' };
    expect(await crashedAutosave['autosave:write'](envelope, context)).toEqual({ ok: true, value: null });

    // Excel saves the file while the app is down.
    await writeFile(path, 'edited in Excel');
    await utimes(path, new Date(), new Date(openedAt + 5_000));

    const next = instance();
    const nextAutosave = createAutosaveHandlers({ store: new AutosaveStore(join(userData, 'autosave')), grants: next.grants });
    const offered = await nextAutosave['autosave:read'](null, context);
    expect(offered).toEqual({ ok: true, value: envelope });
    const refused = await next.save(path, '{"unsaved":true}', envelope.fileMtimeMs);
    expect(refused).toMatchObject({ ok: false, error: { code: 'changed-on-disk' } });
    expect(await readFile(path, 'utf8')).toBe('edited in Excel');
  });

  it('a file moved away meanwhile is not silently recreated', async () => {
    const path = await annexFile('v1');
    const app = instance();
    const openedAt = await app.open(path);
    const { rename } = await import('node:fs/promises');
    await rename(path, `${path}.moved`);
    const refused = await app.save(path, 'v2', openedAt);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'changed-on-disk', message: `ファイルが他のアプリで移動または削除されています：「取組事業一覧.json」（${path}）` },
    });
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
