import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempPathFor } from '../../../electron/files/atomic-write';
import { AutosaveStore } from '../../../electron/files/autosave-store';
import { GrantedPaths } from '../../../electron/files/granted-paths';
import { createAutosaveHandlers } from '../../../electron/ipc/autosave-handlers';
import { createFileHandlers, type FileDialogs } from '../../../electron/ipc/file-handlers';
import type { IpcContext } from '../../../electron/ipc/ipc-types';
import { createMemorySettingsStore } from '../../../electron/settings-model';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { readDocumentBytes } from '../../../shared/codec/document-formats';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { openSmallDisk, type SmallDisk } from './small-disk';

const context: IpcContext = { window: null };
const KiB = 1024;
const noDialogs: FileDialogs = {
  showOpenDialog: () => Promise.reject(new Error('no dialog expected')),
  showSaveDialog: () => Promise.reject(new Error('no dialog expected')),
};

let disk: SmallDisk | undefined;
afterEach(async () => {
  await disk?.close();
  disk = undefined;
});

async function smallDisk(bytes: number): Promise<SmallDisk> {
  disk = await openSmallDisk(bytes);
  return disk;
}

/** The built-in annex (12 pages of 4 KiB as JSON) and versions of 16 (larger) and 5 pages (smaller). */
function version(kind: 'current' | 'larger' | 'smaller'): AnnexDocument {
  const annex = builtinAnnex();
  const city = annex.tables.city;
  if (kind === 'current') return annex;
  const rows =
    kind === 'larger'
      ? city.rows.map((row) => ({ ...row, summary: `${row.summary}${row.summary}` }))
      : city.rows.slice(0, 20);
  return { ...annex, tables: { ...annex.tables, city: { ...city, rows } } };
}
const bytesOf = (document: AnnexDocument): Uint8Array => new TextEncoder().encode(stringifyAnnexJson(document));

/** The file as a person would next open it: through the app's reader. */
async function opensAs(path: string): Promise<AnnexDocument> {
  const read = readDocumentBytes(await readFile(path), { fileName: path });
  if (!read.ok) throw new Error(`${path} does not open: ${read.error.join(' / ')}`);
  return read.value.document;
}

/** The annex opened through 'file:open', as the page does, with handlers that write to the disk. */
async function openedOn(target: SmallDisk, content: Uint8Array) {
  const path = join(target.folder, '取組事業一覧.json');
  await writeFile(path, content);
  const handlers = createFileHandlers({
    dialogs: noDialogs,
    settings: createMemorySettingsStore(),
    grants: new GrantedPaths('linux'),
    defaultFolder: () => target.folder,
    platform: 'linux',
    writeOptions: target.writeOptions,
  });
  const opened = await handlers['file:open']({ kind: 'annex', path }, context);
  if (!opened.ok || 'canceled' in opened.value) throw new Error('open failed');
  return { path, handlers, mtimeMs: opened.value.mtimeMs };
}

const noSpace = (path: string, name: string): string => `「${name}」を保存できません：ディスクの空き容量が足りません。（${path}）`;

describe('a full disk during save', () => {
  it('fails with a Japanese message naming the file, changes nothing on disk, and a save after space is freed works', async () => {
    // 24 pages: the file takes 12, the larger version needs 16.
    const target = await smallDisk(96 * KiB);
    const { path, handlers, mtimeMs } = await openedOn(target, bytesOf(version('current')));
    const before = await readFile(path);

    const failed = await handlers['file:save']({ path, bytes: bytesOf(version('larger')), expectedMtimeMs: mtimeMs }, context);
    expect(failed, `on ${target.kind}`).toEqual({ ok: false, error: { code: 'io', message: noSpace(path, '取組事業一覧.json') } });
    expect(await readFile(path)).toEqual(before);
    expect((await stat(path)).mtimeMs).toBe(mtimeMs);
    expect(await readdir(target.folder)).toEqual(['取組事業一覧.json']);
    expect(await opensAs(path)).toEqual(version('current'));

    // Space freed: the same save, still checked against the time the file was opened, goes through.
    await target.resize(1024 * KiB);
    const saved = await handlers['file:save']({ path, bytes: bytesOf(version('larger')), expectedMtimeMs: mtimeMs }, context);
    expect(saved.ok).toBe(true);
    expect(await opensAs(path)).toEqual(version('larger'));
    expect(await opensAs(join(target.folder, '取組事業一覧.bak.json'))).toEqual(version('current'));
  });

  it('with no room for the backup, fails naming the backup, and neither the file nor the older backup changes', async () => {
    const target = await smallDisk(160 * KiB);
    const { path, handlers, mtimeMs } = await openedOn(target, bytesOf(version('current')));
    const backup = join(target.folder, '取組事業一覧.bak.json');
    await writeFile(backup, bytesOf(version('larger')));
    const before = await readFile(path);

    // 40 pages: file 12 and old backup 16 leave room for the new version (5) but not a copy of the file (12).
    const failed = await handlers['file:save']({ path, bytes: bytesOf(version('smaller')), expectedMtimeMs: mtimeMs }, context);
    expect(failed, `on ${target.kind}`).toEqual({ ok: false, error: { code: 'io', message: noSpace(backup, '取組事業一覧.bak.json') } });
    expect(await readFile(path)).toEqual(before);
    expect(await opensAs(backup)).toEqual(version('larger'));
    expect((await readdir(target.folder)).sort()).toEqual(['取組事業一覧.bak.json', '取組事業一覧.json']);
  });

  it('sweeps the temp files killed saves left filling it, and then saves', async () => {
    const target = await smallDisk(144 * KiB);
    const current = bytesOf(version('current'));
    const { path, handlers, mtimeMs } = await openedOn(target, current);
    const leftover = tempPathFor(path);
    await writeFile(leftover, current);
    const anHourAgo = new Date(Date.now() - 60 * 60 * 1000);
    await utimes(leftover, anHourAgo, anHourAgo);

    // 36 pages: without the sweep, file 12, leftover 12, new version 5 and backup 12 would need 41; with it, 29.
    const saved = await handlers['file:save']({ path, bytes: bytesOf(version('smaller')), expectedMtimeMs: mtimeMs }, context);
    expect(saved.ok, `on ${target.kind}: ${JSON.stringify(saved)}`).toBe(true);
    expect((await readdir(target.folder)).sort()).toEqual(['取組事業一覧.bak.json', '取組事業一覧.json']);
    expect(await opensAs(path)).toEqual(version('smaller'));
    expect(await opensAs(join(target.folder, '取組事業一覧.bak.json'))).toEqual(version('current'));
  });

  it('keeps the last autosave whole and reports the failed one as io', async () => {
    // 24 pages: the first autosave takes 12, the next needs 17.
    const target = await smallDisk(96 * KiB);
    const folder = join(target.folder, 'autosave');
    const handlers = createAutosaveHandlers({ store: new AutosaveStore(folder, target.writeOptions), grants: new GrantedPaths('linux') });
    const first = { documentJson: stringifyAnnexJson(version('current')), filePath: null, savedAt: '2025-04-01T09:00:00.000Z' };
    expect(await handlers['autosave:write'](first, context)).toEqual({ ok: true, value: null });

    const next = { ...first, documentJson: stringifyAnnexJson(version('larger')), savedAt: '2025-04-01T09:00:02.000Z' };
    const failed = await handlers['autosave:write'](next, context);
    expect(failed, `on ${target.kind}`).toEqual({ ok: false, error: { code: 'io', message: noSpace(join(folder, 'recovery.json'), 'recovery.json') } });

    // After a crash, the next session is offered the last autosave that was written whole.
    const recovered = await new AutosaveStore(folder).read();
    expect(recovered).toEqual(first);
    expect(await readdir(folder)).toEqual(['recovery.json']);
  });
});

describe('a read-only folder during save', () => {
  it('fails with a Japanese message naming the file, changes nothing, and saves once the folder is writable', async () => {
    const target = await smallDisk(1024 * KiB);
    const { path, handlers, mtimeMs } = await openedOn(target, bytesOf(version('current')));
    const backup = join(target.folder, '取組事業一覧.bak.json');
    await writeFile(backup, bytesOf(version('smaller')));
    await target.setReadOnly(true);

    const failed = await handlers['file:save']({ path, bytes: bytesOf(version('larger')), expectedMtimeMs: mtimeMs }, context);
    expect(failed, `on ${target.kind}`).toEqual({
      ok: false,
      error: {
        code: 'io',
        message: `「取組事業一覧.json」を保存できません：書き込む権限がありません（読み取り専用か、ほかのアプリが使用中の可能性があります）。（${path}）`,
      },
    });
    expect(await opensAs(path)).toEqual(version('current'));
    expect(await opensAs(backup)).toEqual(version('smaller'));
    expect((await readdir(target.folder)).sort()).toEqual(['取組事業一覧.bak.json', '取組事業一覧.json']);

    await target.setReadOnly(false);
    expect((await handlers['file:save']({ path, bytes: bytesOf(version('larger')), expectedMtimeMs: mtimeMs }, context)).ok).toBe(true);
    expect(await opensAs(path)).toEqual(version('larger'));
    expect(await opensAs(backup)).toEqual(version('current'));
  });
});
