import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AutosaveStore } from '../../../electron/files/autosave-store';
import { GrantedPaths } from '../../../electron/files/granted-paths';
import { createAutosaveHandlers } from '../../../electron/ipc/autosave-handlers';
import type { Recovery } from '../../../shared/ipc/contract';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs();
const context = { window: null };
const recovery: Recovery = {
  documentJson: JSON.stringify({ schemaVersion: 1, note: '未保存の変更' }),
  filePath: null,
  savedAt: '2025-04-01T09:00:00.000Z',
};

async function setup() {
  const userData = await tempDir();
  const folder = join(userData, 'autosave');
  const store = new AutosaveStore(folder);
  const grants = new GrantedPaths('linux');
  return { folder, store, grants, handlers: createAutosaveHandlers({ store, grants }) };
}

describe('autosave', () => {
  it('writes, reads back and clears the envelope in <userData>/autosave/recovery.json', async () => {
    const { folder, handlers } = await setup();
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: null });
    expect(await handlers['autosave:write'](recovery, context)).toEqual({ ok: true, value: null });
    expect(JSON.parse(await readFile(join(folder, 'recovery.json'), 'utf8'))).toEqual(recovery);
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: recovery });
    expect(await handlers['autosave:clear'](null, context)).toEqual({ ok: true, value: null });
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: null });
    expect(await readdir(folder)).toEqual([]);
    // Clearing twice is fine.
    expect(await handlers['autosave:clear'](null, context)).toEqual({ ok: true, value: null });
  });

  it('replaces the previous envelope atomically, with no backup or temp file', async () => {
    const { folder, handlers } = await setup();
    await handlers['autosave:write'](recovery, context);
    const next = { ...recovery, savedAt: '2025-04-01T09:01:00.000Z' };
    await handlers['autosave:write'](next, context);
    expect(await readdir(folder)).toEqual(['recovery.json']);
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: next });
  });

  it.each([
    ['not JSON', '{"documentJson": "trunc'],
    ['wrong shape', JSON.stringify({ documentJson: 1, filePath: null, savedAt: 'x' })],
    ['extra key', JSON.stringify({ ...recovery, extra: true })],
  ])('moves a corrupt envelope (%s) aside and reads null', async (_label, content) => {
    const { folder, handlers } = await setup();
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'recovery.json'), content);
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: null });
    const files = await readdir(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^recovery\.corrupt-\d+\.json$/);
    expect(await readFile(join(folder, files[0] ?? ''), 'utf8')).toBe(content);
    // Next start: nothing to recover, and nothing thrown.
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: null });
  });

  it('a clear issued while a write is in flight leaves no file', async () => {
    const { folder, store } = await setup();
    const write = store.write(recovery);
    const clear = store.clear();
    expect(store.busy).toBe(true);
    await Promise.all([write, clear]);
    await store.whenIdle();
    expect(store.busy).toBe(false);
    expect(await readdir(folder)).toEqual([]);
  });

  it('a clean exit clears only an envelope this session wrote (a crashed session’s stays for recovery)', async () => {
    const { folder, store } = await setup();
    await store.write(recovery);
    // The next session starts: it did not write the envelope, so closing it keeps the envelope.
    const nextSession = new AutosaveStore(folder);
    await nextSession.clearOnCleanExit();
    expect(await nextSession.read()).toEqual(recovery);
    await nextSession.write(recovery);
    await nextSession.clearOnCleanExit();
    expect(await readdir(folder)).toEqual([]);
  });

  it('records only a file path this session may save to, and grants it back on recovery', async () => {
    const { folder, handlers, grants } = await setup();
    const withPath = { ...recovery, filePath: '/work/annex.json' };
    // A path the page never opened is not recorded, but the work is still kept.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await handlers['autosave:write'](withPath, context)).toEqual({ ok: true, value: null });
    expect(await handlers['autosave:read'](null, context)).toEqual({ ok: true, value: { ...withPath, filePath: null } });
    expect(grants.has('/work/annex.json')).toBe(false);
    warn.mockRestore();

    grants.grant('/work/annex.json', 'annex');
    expect(await handlers['autosave:write'](withPath, context)).toEqual({ ok: true, value: null });

    // After a crash, the new session may save the recovered document back to its file.
    const nextGrants = new GrantedPaths('linux');
    const next = createAutosaveHandlers({ store: new AutosaveStore(folder), grants: nextGrants });
    expect(await next['autosave:read'](null, context)).toEqual({ ok: true, value: withPath });
    expect(nextGrants.kindOf('/work/annex.json')).toBe('annex');
  });

  it('reports a write failure as io with a Japanese message', async () => {
    const userData = await tempDir();
    // A file where the autosave folder should be: mkdir fails, and the handler says so instead of throwing.
    await writeFile(join(userData, 'autosave'), 'not a folder');
    const store = new AutosaveStore(join(userData, 'autosave'));
    const handlers = createAutosaveHandlers({ store, grants: new GrantedPaths('linux') });
    const result = await handlers['autosave:write'](recovery, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'io' } });
    if (!result.ok) expect(result.error.message).toMatch(/^「recovery\.json」を保存できません：/);
  });
});
