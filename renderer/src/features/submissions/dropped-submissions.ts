import type { IpcResult } from '../../../../shared/ipc/contract';
import { readSubmissionFiles, type DroppedFolder } from '../../bridge/browser-submissions';
import type { RendererBridge, SubmissionFiles } from '../../bridge/renderer-bridge';

/**
 * Returned files dropped on the window: several files, or a folder standing for the spreadsheets in it. One file
 * dropped alone is still opened as the annex, as before.
 */

/** What a drop holds, taken while the drop event lasts: its items are emptied once the handler returns. */
export interface Dropped {
  readonly files: readonly File[];
  readonly entries: readonly (FileSystemEntry | null)[];
}

export function takeDrop(dataTransfer: DataTransfer): Dropped {
  const items = [...dataTransfer.items].filter((item) => item.kind === 'file');
  return { files: [...dataTransfer.files], entries: items.map((item) => item.webkitGetAsEntry()) };
}

export const isSubmissionDrop = (dropped: Dropped): boolean => dropped.files.length > 1 || dropped.entries.some((entry) => entry?.isDirectory === true);

const isDirectory = (entry: FileSystemEntry | null): entry is FileSystemDirectoryEntry => entry?.isDirectory === true;
const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;

/** Every entry of a folder: readEntries hands them over in batches until an empty one. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** The files directly in a dropped folder, not its subfolders (as `annex merge` reads a folder). */
async function folderOf(entry: FileSystemDirectoryEntry): Promise<DroppedFolder> {
  const files = await Promise.all((await entriesOf(entry)).filter(isFile).map(fileOf));
  return { name: entry.name, files };
}

/** Electron reads the dropped paths in main (a folder listed there); the browser walks the dropped folders itself. */
export async function readDrop(dropped: Dropped, bridge: RendererBridge): Promise<IpcResult<SubmissionFiles | null>> {
  if (bridge.kind === 'electron') {
    const paths = dropped.files.map((file) => bridge.pathForFile(file)).filter((path): path is string => path !== null);
    return paths.length > 0 ? bridge.openSubmissions(paths) : { ok: true, value: null };
  }
  const folders: DroppedFolder[] = [];
  const loose: File[] = [];
  for (const [index, file] of dropped.files.entries()) {
    const entry = dropped.entries[index] ?? null;
    if (isDirectory(entry)) folders.push(await folderOf(entry));
    else loose.push(file);
  }
  return { ok: true, value: await readSubmissionFiles(loose, folders) };
}
