import { builtinAnnex } from '../../shared/builtin-annex';
import { EXIT } from '../cli-error';
import { readDocumentFile, writeDocumentFile, type DocumentReadOptions } from '../document-files';
import type { CommandResult } from './command';

/** `annex convert IN OUT`: formats chosen by the file extensions. */
export async function convertCommand(input: string, output: string, read: DocumentReadOptions = {}): Promise<CommandResult> {
  const document = await readDocumentFile(input, read);
  await writeDocumentFile(output, document);
  return { output: `${input} → ${output}`, exitCode: EXIT.ok };
}

/** `annex export-default OUT`: the built-in 2024 annex, written to a file. */
export async function exportDefaultCommand(output: string): Promise<CommandResult> {
  await writeDocumentFile(output, builtinAnnex());
  return { output: `組み込みの2024年版 → ${output}`, exitCode: EXIT.ok };
}
