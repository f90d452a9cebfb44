import { fork } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutosaveStore } from '../../../electron/files/autosave-store';
import { GrantedPaths } from '../../../electron/files/granted-paths';
import { createAutosaveHandlers } from '../../../electron/ipc/autosave-handlers';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { readDocumentBytes } from '../../../shared/codec/document-formats';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { bundleForChild } from './bundle-for-child';
import { mulberry32 } from '../support/seeded-random';

const CRASHES = 20;
const EDITS = 20;
const fixture = resolve(import.meta.dirname, 'fixtures/autosave-writer.mjs');
const context = { window: null };

let work: string;
let moduleUrl: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'annex-autosave-kill-'));
  moduleUrl = await bundleForChild('electron/files/autosave-store.ts', join(work, 'bundle'));
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The annex after the first `count` edits: edit k appends （改訂k） to city row k's 主な取組. */
function edited(count: number): AnnexDocument {
  const annex = builtinAnnex();
  const rows = annex.tables.city.rows.map((row, index) => (index < count ? { ...row, title: `${row.title}（改訂${index + 1}）` } : row));
  return { ...annex, tables: { ...annex.tables, city: { ...annex.tables.city, rows } } };
}

/**
 * Runs the real store in a child and kills it `extraMs` after it confirmed autosaving edit `killAtEdit`
 * (the next write is then under way); returns the last edit it confirmed before the kill.
 */
async function crashWhileEditing(folder: string, editsPath: string, killAtEdit: number, extraMs: number): Promise<number> {
  const child = fork(fixture, [moduleUrl, folder, editsPath], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
  let confirmed = -1;
  let failure: unknown;
  const reached = new Promise<void>((resolveReached, reject) => {
    child.on('message', (message: { type: string; edit?: number; error?: unknown }) => {
      if (message.type === 'ready') child.send('go');
      if (message.type === 'failed') failure = message.error;
      if (message.type !== 'written') return;
      confirmed = Math.max(confirmed, message.edit ?? -1);
      if (confirmed >= killAtEdit) resolveReached();
    });
    void exited.then(() => reject(new Error(`the autosave child exited on its own: ${JSON.stringify(failure)}`)));
  });
  await reached;
  await new Promise((wait) => setTimeout(wait, extraMs));
  const lastConfirmed = confirmed;
  child.kill('SIGKILL');
  await exited;
  expect(failure).toBeUndefined();
  return lastConfirmed;
}

describe('main killed while autosaving', () => {
  it(`after ${CRASHES} crashes, the next session offers the autosave with every edit it confirmed`, async () => {
    const states = Array.from({ length: EDITS }, (_, edit) => stringifyAnnexJson(edited(edit + 1)));
    const editsPath = join(work, 'edits.json');
    await writeFile(editsPath, JSON.stringify(states));
    const folder = join(work, 'userData', 'autosave');
    const timing = mulberry32(Number(process.env['ANNEX_KILL_SEED'] ?? Date.now() % 1_000_000));

    let partOffers = 0;
    for (let crash = 1; crash <= CRASHES; crash += 1) {
      const confirmed = await crashWhileEditing(folder, editsPath, Math.floor(timing() * EDITS), timing() * 10);

      // The next start: a new store on the same folder, through the handler the page calls.
      const handlers = createAutosaveHandlers({ store: new AutosaveStore(folder), grants: new GrantedPaths('linux') });
      const offered = await handlers['autosave:read'](null, context);
      if (!offered.ok || offered.value === null) throw new Error(`crash ${crash}: no recovery offered`);
      const read = readDocumentBytes(new TextEncoder().encode(offered.value.documentJson), { fileName: '復元した文書.json' });
      if (!read.ok) throw new Error(`crash ${crash}: the recovery does not open: ${read.error.join(' / ')}`);
      // Exactly the document after some edit no earlier than the last one confirmed before the kill.
      const edits = states.indexOf(offered.value.documentJson);
      expect(edits, `crash ${crash}`).toBeGreaterThanOrEqual(confirmed);
      expect(read.value.document).toEqual(edited(edits + 1));
      if (edits < EDITS - 1) partOffers += 1;
    }
    // Most kills landed part-way through the edits, not after the last one.
    expect(partOffers).toBeGreaterThan(CRASHES / 2);

    // The new session closing cleanly keeps the envelope it has not offered yet.
    const nextSession = new AutosaveStore(folder);
    await nextSession.clearOnCleanExit();
    expect(await nextSession.read()).not.toBeNull();
    expect((await readdir(folder)).filter((name) => !name.endsWith('.tmp'))).toEqual(['recovery.json']);
  }, 180_000);
});

