import { readFile, rename, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readerFor, writerFor, type ReadOptions } from '../shared/codec/document-formats';
import { formatForPath, readableExtensions, writableExtensions } from '../shared/codec/format-table';
import type { AnnexDocument } from '../shared/model/annex-document';
import { CliError, EXIT } from './cli-error';

// Far above any annex (the 2024 one is 60 KB as JSON); a larger file is refused before it is read.
const MAX_FILE_BYTES = 200 * 1024 * 1024;

function ioMessage(path: string, cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${path}: ファイルが見つかりません`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: ファイルを開く権限がありません`;
    case 'EISDIR':
      return `${path}: フォルダーです。ファイルを指定してください`;
    default:
      return `${path}: ファイルを読めません（${code ?? String(cause)}）`;
  }
}

export type DocumentReadOptions = Omit<ReadOptions, 'fileName'>;

export async function readDocumentFile(path: string, options: DocumentReadOptions = {}): Promise<AnnexDocument> {
  const format = formatForPath(path);
  if (!format) {
    throw new CliError(`${path}: この形式は読めません（読める形式: ${readableExtensions().join(', ')}）`, EXIT.unreadable);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new CliError(ioMessage(path, cause), EXIT.unreadable);
  }
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new CliError(`${path}: ファイルが大きすぎます（${MAX_FILE_BYTES / 1024 / 1024} MB まで）`, EXIT.unreadable);
  }
  const result = readerFor(format.id)(bytes, { ...options, fileName: path });
  if (!result.ok) {
    const [first] = result.error;
    const more = result.error.length > 1 ? `（ほか ${result.error.length - 1} 件）` : '';
    throw new CliError(`${first ?? `${path}: 読めません`}${more}`, EXIT.unreadable);
  }
  for (const warning of result.value.warnings) process.stderr.write(`警告: ${warning}\n`);
  return result.value.document;
}

/** Writes through a temporary file in the same folder, so OUT is either the old file or the whole new one. */
export async function writeBytesAtomically(path: string, bytes: () => Uint8Array | Promise<Uint8Array>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, await bytes(), { flush: true });
    await rename(temporary, path);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    throw new CliError(`${path}: 書き込めません（${code ?? String(cause)}）`, EXIT.unreadable);
  }
}

export async function writeDocumentFile(path: string, document: AnnexDocument): Promise<void> {
  const format = formatForPath(path);
  const write = format && writerFor(format.id);
  if (!write) {
    throw new CliError(`${path}: この形式では書き出せません（書き出せる形式: ${writableExtensions().join(', ')}）`, EXIT.unreadable);
  }
  await writeBytesAtomically(path, () => write(document));
}
