import type {
  FileKind,
  IpcResult,
  MainEvent,
  MainEventPayload,
  OpenedFile,
  PrintedPdf,
  PrintJob,
  Recovery,
  SavedFile,
  Settings,
  SubmissionFileBytes,
  UnreadFile,
} from '../../../shared/ipc/contract';

/** Where the sections' workbooks go: a folder (Electron) or the browser's downloads; `name` is for messages. */
export interface SubmissionFolder {
  readonly path: string;
  readonly name: string;
  /** Workbooks of this send already there, to ask before replacing them. */
  readonly existing: readonly string[];
}

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Returned files read as bytes, and the ones not read with the reason. */
export interface SubmissionFiles {
  readonly files: readonly SubmissionFileBytes[];
  readonly unread: readonly UnreadFile[];
}

/**
 * The renderer's only way out: files, autosave, settings and the window. Two implementations: the
 * Electron preload (electron-bridge.ts) and the browser (browser-bridge.ts), used by the e2e tests and
 * the browser preview.
 */
export interface RendererBridge {
  readonly kind: 'electron' | 'browser';
  /** Asks for a file (or opens `path`); `null` when the user cancels. */
  open(kind: FileKind, path?: string): Promise<IpcResult<OpenedFile | null>>;
  save(path: string, bytes: Uint8Array, expectedMtimeMs: number | null): Promise<IpcResult<SavedFile>>;
  /** Asks where to save (and so in which format); `null` when the user cancels. Then `save` writes there. */
  chooseSavePath(suggestedName: string, kind: FileKind): Promise<IpcResult<{ path: string; name: string } | null>>;
  writeAutosave(recovery: Recovery): Promise<IpcResult<null>>;
  readAutosave(): Promise<IpcResult<Recovery | null>>;
  clearAutosave(): Promise<IpcResult<null>>;
  settings(): Promise<IpcResult<Settings>>;
  /** The window title and the unsaved-changes guard follow the document. */
  setDocumentState(fileName: string, dirty: boolean): void;
  on<E extends MainEvent>(event: E, listener: (payload: MainEventPayload<E>) => void): () => void;
  /**
   * The print view as a PDF (Electron: laid out in a hidden window and printed with printToPDF). `null` where
   * the platform has no PDF of its own: the browser opens its print dialog on the preview, where the user
   * chooses 「PDF に保存」.
   */
  printToPdf(job: PrintJob): Promise<IpcResult<PrintedPdf | null>>;
  /** The print view through the system's print dialog; `printed` is false when the user cancels. */
  printSystem(job: PrintJob): Promise<IpcResult<{ printed: boolean }>>;
  /** Asks where the sections' workbooks go; `null` when the user cancels. */
  chooseSubmissionFolder(names: readonly string[]): Promise<IpcResult<SubmissionFolder | null>>;
  /** Writes a send's workbooks: each into the folder (Electron), or one zip named `archiveName` downloaded (browser). */
  writeSubmissionFiles(folder: SubmissionFolder, files: readonly NamedBytes[], archiveName: string): Promise<IpcResult<{ readonly written: number }>>;
  /** Returned files: several chosen in a dialog, or (Electron) the dropped `paths`, a folder standing for its spreadsheets. */
  openSubmissions(paths?: readonly string[]): Promise<IpcResult<SubmissionFiles | null>>;
  /** A dropped file's path where the platform has one (Electron); the browser reads the File itself. */
  pathForFile(file: File): string | null;
}
