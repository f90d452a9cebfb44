import { DEFAULT_SETTINGS, type FileKind, type IpcResult, type OpenedFile, type Recovery, type SavedFile, type Settings } from '../../../shared/ipc/contract';
import { SUBMISSION_EXTENSIONS } from '../../../shared/ipc/submission-names';
import { pickFiles, readSubmissionFiles, zipOf } from './browser-submissions';
import type { RendererBridge } from './renderer-bridge';

/**
 * The browser's bridge: files come from a file picker, saves go to a download and to a small file store
 * in localStorage (so a saved file can be reopened after a reload, as the e2e tests do), and the
 * autosave and settings live in localStorage too.
 */
const PREFIX = 'annex-editor:';
const FILE_PREFIX = `${PREFIX}file:`;
const AUTOSAVE_KEY = `${PREFIX}autosave`;
const SETTINGS_KEY = `${PREFIX}settings`;

const ACCEPT: Record<FileKind, string> = {
  annex: '.json,.xlsx,.xls,.ods,.csv',
  'xlsx-export': '.xlsx',
  'pdf-export': '.pdf',
  'json-export': '.json',
};

const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
const fail = (message: string): IpcResult<never> => ({ ok: false, error: { code: 'io', message } });

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

interface StoredFile {
  readonly bytes: string;
  readonly mtimeMs: number;
}

function readStored(name: string): StoredFile | undefined {
  const raw = localStorage.getItem(FILE_PREFIX + name);
  return raw ? (JSON.parse(raw) as StoredFile) : undefined;
}

function readSettings(): Settings {
  const raw = localStorage.getItem(SETTINGS_KEY);
  return raw ? { ...DEFAULT_SETTINGS, ...(JSON.parse(raw) as Partial<Settings>) } : DEFAULT_SETTINGS;
}

function remember(path: string): void {
  const settings = readSettings();
  const recentFiles = [path, ...settings.recentFiles.filter((recent) => recent !== path)].slice(0, 10);
  localStorage.setItem(SETTINGS_KEY, JSON.stringify({ ...settings, recentFiles, lastFilePath: path }));
}

function pickFile(kind: FileKind): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

const isQuotaError = (error: unknown): boolean => error instanceof DOMException && error.name === 'QuotaExceededError';

/**
 * Keeps the file in the browser's file store, its disk: reopening by name reads it from there. A file that
 * cannot be kept is not saved (the store would go on holding the previous version); setItem fails whole, so
 * that version stays as it was.
 */
function store(name: string, bytes: Uint8Array): IpcResult<SavedFile> {
  const mtimeMs = Date.now();
  try {
    localStorage.setItem(FILE_PREFIX + name, JSON.stringify({ bytes: toBase64(bytes), mtimeMs } satisfies StoredFile));
  } catch (error) {
    const reason = isQuotaError(error) ? 'ブラウザーの保存領域の空きが足りません' : `ブラウザーに保存できません（${String(error)}）`;
    return fail(`「${name}」を保存できません：${reason}。`);
  }
  try {
    remember(name);
  } catch {
    // Only the recent-files list missed the file; the file itself is saved.
  }
  return ok({ path: name, name, mtimeMs });
}

function download(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a File the user picked or dropped. */
export async function openedFromFile(file: File): Promise<OpenedFile> {
  return { path: file.name, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), mtimeMs: file.lastModified };
}

export function browserBridge(): RendererBridge {
  return {
    kind: 'browser',
    async open(kind, path) {
      if (path !== undefined) {
        const stored = readStored(path);
        if (!stored) return fail(`${path}: ファイルが見つかりません`);
        remember(path);
        return ok({ path, name: path, bytes: fromBase64(stored.bytes), mtimeMs: stored.mtimeMs });
      }
      const file = await pickFile(kind);
      if (!file) return ok(null);
      const opened = await openedFromFile(file);
      return ok(opened);
    },
    async save(path, bytes, expectedMtimeMs) {
      const stored = readStored(path);
      // Another tab (a second instance) saved the file since this page opened it.
      if (stored && expectedMtimeMs !== null && stored.mtimeMs !== expectedMtimeMs) {
        return { ok: false, error: { code: 'changed-on-disk', message: `ファイルが他のアプリで変更されています：「${path}」` } };
      }
      const saved = store(path, bytes);
      if (saved.ok) download(path, bytes);
      return saved;
    },
    // A browser cannot ask for a folder: the name stays, and the save downloads the file.
    chooseSavePath: async (suggestedName) => ok({ path: suggestedName, name: suggestedName }),
    async writeAutosave(recovery: Recovery) {
      try {
        localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(recovery));
      } catch {
        // A browser's storage quota is a few MB: a large annex cannot be kept there, and the page says so.
        return fail('文書が大きすぎて、ブラウザーに自動保存できません。こまめに保存してください');
      }
      return ok(null);
    },
    async readAutosave() {
      const raw = localStorage.getItem(AUTOSAVE_KEY);
      return ok(raw ? (JSON.parse(raw) as Recovery) : null);
    },
    async clearAutosave() {
      localStorage.removeItem(AUTOSAVE_KEY);
      return ok(null);
    },
    settings: async () => ok(readSettings()),
    setDocumentState(fileName, dirty) {
      document.title = `${fileName}${dirty ? ' ●' : ''} - 取組事業一覧エディタ`;
    },
    // The browser prints the page itself: the open preview puts its sheets on paper (print.css), and the
    // print dialog's 「PDF に保存」 makes the PDF.
    async printToPdf() {
      window.print();
      return ok(null);
    },
    async printSystem() {
      window.print();
      return ok({ printed: true });
    },
    // A browser cannot ask for a folder: the send's workbooks download as one zip.
    chooseSubmissionFolder: async () => ok({ path: '', name: 'ダウンロード', existing: [] }),
    async writeSubmissionFiles(_folder, files, archiveName) {
      download(archiveName, zipOf(files));
      return ok({ written: files.length });
    },
    async openSubmissions() {
      const files = await pickFiles(SUBMISSION_EXTENSIONS.map((extension) => `.${extension}`).join(','));
      return ok(files ? await readSubmissionFiles(files) : null);
    },
    // The browser has no main process: no menu, no files handed over by the OS.
    on: () => () => undefined,
    pathForFile: () => null,
  };
}
