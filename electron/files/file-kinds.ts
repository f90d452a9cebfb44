import { extname } from 'node:path';
import type { FileFilter } from 'electron';
import type { FileKind } from '../../shared/ipc/contract';

/** Extensions (lower case, no dot) each kind of file may have; the first is the default. */
export const FILE_KIND_EXTENSIONS: Readonly<Record<FileKind, readonly string[]>> = {
  annex: ['json', 'xlsx', 'xls', 'ods', 'csv'],
  'xlsx-export': ['xlsx'],
  'pdf-export': ['pdf'],
  'json-export': ['json'],
};

const FILTER_NAMES: Readonly<Record<FileKind, string>> = {
  annex: '取組事業一覧（JSON・Excel・OpenDocument・CSV）',
  'xlsx-export': 'Excel ブック',
  'pdf-export': 'PDF',
  'json-export': 'JSON',
};

/** The open dialog's file type list: only the kind's own formats, so a wrong file is not picked by accident. */
export function openDialogFilters(kind: FileKind): FileFilter[] {
  return [{ name: FILTER_NAMES[kind], extensions: [...FILE_KIND_EXTENSIONS[kind]] }];
}

// The annex is written as JSON or as a workbook; the type picked in the dialog decides the format.
const ANNEX_SAVE_FILTERS: readonly FileFilter[] = [
  { name: 'Excel ブック', extensions: ['xlsx'] },
  { name: 'JSON', extensions: ['json'] },
];

/** The save dialog's file types, the one matching the suggested name first (dialogs preselect the first). */
export function saveDialogFilters(kind: FileKind, suggestedName: string): FileFilter[] {
  if (kind !== 'annex') return openDialogFilters(kind);
  const ext = extensionOf(suggestedName);
  return [...ANNEX_SAVE_FILTERS].sort(
    (a, b) => Number(b.extensions.includes(ext)) - Number(a.extensions.includes(ext)),
  );
}

/** Lower case, without the dot: 'xlsx' for `Annex.XLSX`. */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

export function hasKindExtension(path: string, kind: FileKind): boolean {
  return FILE_KIND_EXTENSIONS[kind].includes(extensionOf(path));
}

/** Adds the kind's default extension when a save dialog (GTK does this) returns a name without one. */
export function withKindExtension(path: string, kind: FileKind): string {
  if (extname(path) !== '') return path;
  return `${path}.${FILE_KIND_EXTENSIONS[kind][0] ?? ''}`;
}

/** `.json .xlsx .xls .ods .csv`, for messages. */
export function kindExtensionList(kind: FileKind): string {
  return FILE_KIND_EXTENSIONS[kind].map((ext) => `.${ext}`).join(' ');
}
