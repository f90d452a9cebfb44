import { z } from 'zod';
import { printOptionsSchema } from '../print/print-options';

/**
 * The one IPC contract between the renderer and the main process: each channel's request and response
 * schemas. Main validates every request against it; the preload and the renderer bridge are typed from it.
 */
// Typed as plain Uint8Array (any backing buffer): what IPC and the File API actually hand over.
const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'バイト列ではありません' });
const filePath = z.string().min(1).max(4096);

/** What kind of file a dialog offers: the annex (JSON or workbook), an export, or a section's returned files. */
export const fileKindSchema = z.enum(['annex', 'xlsx-export', 'pdf-export', 'json-export']);
export type FileKind = z.infer<typeof fileKindSchema>;

export const openedFileSchema = z.strictObject({
  path: filePath,
  name: z.string(),
  bytes,
  /** The file's modification time when read, so a save can tell whether someone changed it meanwhile. */
  mtimeMs: z.number(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const savedFileSchema = z.strictObject({ path: filePath, name: z.string(), mtimeMs: z.number() });
export type SavedFile = z.infer<typeof savedFileSchema>;

const canceled = z.strictObject({ canceled: z.literal(true) });

export const settingsSchema = z.strictObject({
  recentFiles: z.array(filePath).max(20),
  lastFolder: z.string().max(4096).nullable(),
  lastFilePath: filePath.nullable(),
  windowBounds: z.strictObject({ x: z.number(), y: z.number(), width: z.number(), height: z.number() }).nullable(),
  windowMaximized: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  recentFiles: [],
  lastFolder: null,
  lastFilePath: null,
  windowBounds: null,
  windowMaximized: false,
};

export const recoverySchema = z.strictObject({
  /** The unsaved document in its JSON form. */
  documentJson: z.string().max(200 * 1024 * 1024),
  /** The file it belonged to, if any. */
  filePath: filePath.nullable(),
  /** That file's modification time when last opened or saved, so saving the recovered work still notices a change made meanwhile. */
  fileMtimeMs: z.number().nullable().optional(),
  savedAt: z.string(),
});
export type Recovery = z.infer<typeof recoverySchema>;

/**
 * A print job: the document in its JSON form (main passes it to the hidden print page, which parses and
 * checks it; main never parses an annex) and what to print.
 */
export const printJobSchema = z.strictObject({
  documentJson: z.string().min(2).max(200 * 1024 * 1024),
  options: printOptionsSchema,
});
export type PrintJob = z.infer<typeof printJobSchema>;

/** More than any city has 課 (one workbook each), and more returned files than one intake needs. */
export const MAX_SUBMISSION_FILES = 500;

/** A name inside a folder the user chose: no folders, nothing Windows refuses in a name; the workbooks are .xlsx. */
const workbookName = z
  .string()
  .min(6)
  .max(255)
  .refine((name) => !/[\\/:*?"<>|\u0000-\u001f]/.test(name) && !name.startsWith('.') && name.toLowerCase().endsWith('.xlsx'), {
    message: 'ファイル名が正しくありません',
  });

export const submissionFileSchema = z.strictObject({ path: filePath, name: z.string().max(255), bytes });
export type SubmissionFileBytes = z.infer<typeof submissionFileSchema>;

/** A file the user pointed at that was not read, with the reason (Japanese, naming it). */
export const unreadFileSchema = z.strictObject({ path: filePath, name: z.string().max(255), reason: z.string().max(2000) });
export type UnreadFile = z.infer<typeof unreadFileSchema>;

export const printedPdfSchema = z.strictObject({ bytes, pages: z.number().int().min(1) });
export type PrintedPdf = z.infer<typeof printedPdfSchema>;

export const ipcContract = {
  /** Asks for a file with the system dialog (or opens `path`, for 最近使ったファイル) and returns its bytes. */
  'file:open': {
    request: z.strictObject({ path: filePath.optional(), kind: fileKindSchema }),
    response: z.union([canceled, openedFileSchema]),
  },
  /** Writes atomically over `path`; refuses with code 'changed-on-disk' when the file changed since `expectedMtimeMs`. */
  'file:save': {
    request: z.strictObject({ path: filePath, bytes, expectedMtimeMs: z.number().nullable() }),
    response: savedFileSchema,
  },
  /**
   * Asks for a place with the system dialog and grants it for 'file:save'. Two steps, because the format
   * (and so the bytes) follows the file type the user picks in the dialog.
   */
  'file:choose-save-path': {
    request: z.strictObject({ suggestedName: z.string().max(255), kind: fileKindSchema }),
    response: z.union([canceled, z.strictObject({ path: filePath, name: z.string() })]),
  },
  /** Keeps the unsaved document in the app's data folder, so a crash loses nothing. */
  'autosave:write': { request: recoverySchema, response: z.null() },
  /** The autosaved document left by a session that did not end cleanly, if any. */
  'autosave:read': { request: z.null(), response: z.union([z.null(), recoverySchema]) },
  'autosave:clear': { request: z.null(), response: z.null() },
  'settings:get': { request: z.null(), response: settingsSchema },
  /**
   * Lays the print view out in a hidden window (app://bundle/print.html) and returns it as a PDF
   * (printToPDF); the page saves it through 'file:choose-save-path' and 'file:save' (kind 'pdf-export').
   */
  'print:to-pdf': { request: printJobSchema, response: printedPdfSchema },
  /** The same print view through the system's print dialog; `printed` is false when the user cancels. */
  'print:system': { request: printJobSchema, response: z.strictObject({ printed: z.boolean() }) },
  /**
   * Asks for the folder the sections' workbooks go to and grants it for 'submissions:write-files'; says which of
   * `names` are there already, so the page can ask before replacing them.
   */
  'submissions:choose-folder': {
    request: z.strictObject({ names: z.array(workbookName).max(MAX_SUBMISSION_FILES) }),
    response: z.union([canceled, z.strictObject({ path: filePath, existing: z.array(z.string().max(255)) })]),
  },
  /** Writes each workbook atomically into the granted folder; a failure names the file and those already written. */
  'submissions:write-files': {
    request: z.strictObject({
      folder: filePath,
      files: z.array(z.strictObject({ name: workbookName, bytes })).min(1).max(MAX_SUBMISSION_FILES),
    }),
    response: z.strictObject({ written: z.array(z.strictObject({ path: filePath, name: z.string() })) }),
  },
  /**
   * Returned files: chosen in the dialog (several at once), or the dropped `paths`, a folder standing for the
   * spreadsheets in it. Main only reads bytes; the page parses them in its worker.
   */
  'submissions:open': {
    request: z.strictObject({ paths: z.array(filePath).min(1).max(MAX_SUBMISSION_FILES).optional() }),
    response: z.union([
      canceled,
      z.strictObject({ files: z.array(submissionFileSchema).max(MAX_SUBMISSION_FILES), unread: z.array(unreadFileSchema).max(MAX_SUBMISSION_FILES) }),
    ]),
  },
  /** Tells main the window's document state: the title to show and whether closing must ask first. */
  'window:document-state': {
    request: z.strictObject({ fileName: z.string().max(255), dirty: z.boolean() }),
    response: z.null(),
  },
} as const;

export type IpcChannel = keyof typeof ipcContract;
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['request']>;
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof ipcContract)[C]['response']>;

/** Errors cross the boundary as data. */
export type IpcErrorCode = 'invalid-request' | 'forbidden-sender' | 'changed-on-disk' | 'io' | 'not-found' | 'internal';
export interface IpcError {
  readonly code: IpcErrorCode;
  /** Japanese, for the user; names the file where there is one. */
  readonly message: string;
}
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Main → renderer messages: menu commands, and the OS handing the app a file (second launch, file association). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'save-as',
  'import',
  'export-xlsx',
  'export-json',
  'print',
  'send-submissions',
  'receive-submissions',
  'undo',
  'redo',
  'find',
  'replace',
  'toggle-problems',
  'save-and-close',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export const mainEventSchemas = {
  'menu:command': z.enum(MENU_COMMANDS),
  'menu:open-recent': filePath,
  'app:open-file': filePath,
} as const;
export type MainEvent = keyof typeof mainEventSchemas;
export type MainEventPayload<E extends MainEvent> = z.infer<(typeof mainEventSchemas)[E]>;
