import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { formatForPath, writableExtensions } from '../../shared/codec/format-table';
import { SEND_UNIT_LABELS, type SendUnit } from '../../shared/model/ledger';
import { addresseeLabel } from '../../shared/submissions/recipients';
import { sectionFileName, writeSectionWorkbook } from '../../shared/submissions/section-workbook';
import { createSend, newSendId, withSend } from '../../shared/submissions/send';
import { CliError, EXIT } from '../cli-error';
import { readDocumentFile, writeBytesAtomically, writeDocumentFile, type DocumentReadOptions } from '../document-files';
import type { CommandResult } from './command';

export interface TemplateOptions {
  readonly outDir: string | undefined;
  readonly by: string | undefined;
  /** Write the send into ANNEX's ledger, so the returned files are compared with the rows as sent. */
  readonly record: boolean;
}

function sendUnit(value: string | undefined): SendUnit {
  if (value === undefined || value === 'section' || value === 'department') return value ?? 'section';
  throw new CliError(`--by には section か department を指定してください（指定: ${value}）`, EXIT.unreadable);
}

/** `annex template ANNEX --out-dir DIR [--by section|department] [--record]`: one workbook per 課 (or 部), and the council's. */
export async function templateCommand(annexPath: string, options: TemplateOptions, read: DocumentReadOptions = {}): Promise<CommandResult> {
  const by = sendUnit(options.by);
  if (!options.outDir) throw new CliError('annex template: 書き出すフォルダーを --out-dir で指定してください', EXIT.unreadable);
  // Checked before anything is written: a record that cannot be kept is no send.
  if (options.record && !formatForPath(annexPath)?.writable) {
    throw new CliError(`${annexPath}: この形式には送付記録を書き込めません（書き込める形式: ${writableExtensions().join(', ')}）`, EXIT.unreadable);
  }
  const annex = await readDocumentFile(annexPath, read);
  const sentAt = new Date();
  const send = await createSend(annex, { by, id: newSendId(sentAt), sentAt: sentAt.toISOString() });
  try {
    await mkdir(options.outDir, { recursive: true });
  } catch (cause) {
    throw new CliError(`${options.outDir}: フォルダーを作れません（${(cause as NodeJS.ErrnoException).code ?? String(cause)}）`, EXIT.unreadable);
  }
  const lines = [`送付ID ${send.id}（${SEND_UNIT_LABELS[by]}、${send.recipients.length} ファイル）`];
  for (const recipient of send.recipients) {
    const name = sectionFileName(recipient);
    await writeBytesAtomically(join(options.outDir, name), () => writeSectionWorkbook(annex, send, recipient));
    lines.push(`  ${name}\t${addresseeLabel(recipient)}\t${recipient.rows.length} 行`);
  }
  if (options.record) {
    await writeDocumentFile(annexPath, withSend(annex, send));
    lines.push(`送付記録を ${annexPath} に書き込みました`);
  } else {
    lines.push(`送付記録は書き込んでいません。--record を付けると ${annexPath} に残り、回答を送付したときの行と比べられます`);
  }
  return { output: lines.join('\n'), exitCode: EXIT.ok };
}
