import { parseArgs } from 'node:util';
import { builtinAnnex } from '../shared/builtin-annex';
import { CliError, EXIT } from './cli-error';
import { readDocumentFile, type DocumentReadOptions } from './document-files';
import type { CommandResult, OutputFormat } from './commands/command';
import { convertCommand, exportDefaultCommand } from './commands/convert';
import { mergeFilesCommand } from './commands/merge';
import { pdfCommand } from './commands/pdf';
import { statsCommand } from './commands/stats';
import { templateCommand } from './commands/template';
import { validateCommand } from './commands/validate';

const USAGE = `使い方: annex <コマンド> [引数]

  annex validate [FILE] [--format text|json]   検証する（FILE を省くと組み込みの2024年版）
                                                終了コード: 0 エラーなし、1 エラーあり、2 読めない
  annex stats [FILE] [--format text|json]      表ごとの行数・○の数、列ごとの取組数
  annex convert IN OUT                         形式を変換する（拡張子で判断）
                                                読む: .json .xlsx .xls .ods .csv　書く: .json .xlsx
  annex export-default OUT                     組み込みの2024年版をファイルに書き出す
  annex pdf ANNEX OUT.pdf [--tables city,council] [--paper A3|A4] [--start-page N] [--overview]
                                                印刷用の PDF を作る（アプリの「PDF に書き出し」と同じ）
                                                --paper を省くと文書の用紙設定（既定 A3）、横向き
                                                --overview で取組の分布（部 × 基本的な考え方）のページを付ける
                                                Chromium を使います（CHROMIUM_PATH で場所を指定できます）
  annex template ANNEX --out-dir DIR [--by section|department] [--record]
                                                課（--by department で部）ごとの照会用ブックを DIR に書き出す
                                                --record で送付記録を ANNEX に書き込む（回答を送付したときの行と比べるため）
  annex merge ANNEX FILES… [--report REPORT.json] [--apply OUT]
                                                返ってきたブック（フォルダーも可）を送付時の行・今の一覧と比べる
                                                --report に JSON の報告を書く（省くと標準出力）
                                                --apply で競合と削除を除く変更を取り込んだ一覧を OUT に書く
                                                終了コード: 0 すべて取り込める、1 確認の要るファイル・競合あり、2 読めない
  annex help                                   この説明

  Excel・CSV を読むときのオプション（構造シートのないファイル向け）:
  --base FILE|builtin     この文書の構造（目指す地域像・基本的な考え方）と部・課マスタで読む
  --adopt-structure       ファイルの見出しの構造をそのまま新しい構造として採用する`;

function outputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === 'text' || value === 'json') return value ?? 'text';
  throw new CliError(`--format には text か json を指定してください（指定: ${value}）`, EXIT.unreadable);
}

function expectArgs(command: string, args: readonly string[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    throw new CliError(`annex ${command}: 引数の数が違います\n\n${USAGE}`, EXIT.unreadable);
  }
}

/** --base names the document whose structure a workbook without a 構造 sheet is read against. */
async function readOptions(base: string | undefined, adoptStructure: boolean): Promise<DocumentReadOptions> {
  const baseDocument = base === undefined ? undefined : base === 'builtin' ? builtinAnnex() : await readDocumentFile(base);
  return { ...(baseDocument ? { base: baseDocument } : {}), adoptStructure };
}

async function run(argv: readonly string[]): Promise<CommandResult> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      base: { type: 'string' },
      'adopt-structure': { type: 'boolean' },
      tables: { type: 'string' },
      paper: { type: 'string' },
      'start-page': { type: 'string' },
      overview: { type: 'boolean' },
      'out-dir': { type: 'string' },
      by: { type: 'string' },
      record: { type: 'boolean' },
      report: { type: 'string' },
      apply: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  const format = outputFormat(values.format);
  const read = await readOptions(values.base, values['adopt-structure'] ?? false);
  if (values.help || command === undefined || command === 'help') return { output: USAGE, exitCode: EXIT.ok };
  switch (command) {
    case 'validate':
      expectArgs(command, args, 0, 1);
      return validateCommand(args[0], format, read);
    case 'stats':
      expectArgs(command, args, 0, 1);
      return statsCommand(args[0], format, read);
    case 'convert':
      expectArgs(command, args, 2, 2);
      return convertCommand(args[0] as string, args[1] as string, read);
    case 'pdf':
      expectArgs(command, args, 2, 2);
      return pdfCommand(args[0] as string, args[1] as string, {
        tables: values.tables,
        paper: values.paper,
        startPage: values['start-page'],
        overview: values.overview,
      }, read);
    case 'template':
      expectArgs(command, args, 1, 1);
      return templateCommand(args[0] as string, { outDir: values['out-dir'], by: values.by, record: values.record ?? false }, read);
    case 'merge':
      expectArgs(command, args, 2, Number.POSITIVE_INFINITY);
      return mergeFilesCommand(args[0] as string, args.slice(1), { report: values.report, apply: values.apply }, read);
    case 'export-default':
      expectArgs(command, args, 1, 1);
      return exportDefaultCommand(args[0] as string);
    default:
      throw new CliError(`annex: 「${command}」というコマンドはありません\n\n${USAGE}`, EXIT.unreadable);
  }
}

/** Runs the command line; every failure ends as one Japanese line on stderr, never a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const result = await run(argv);
    if (result.output) process.stdout.write(`${result.output}\n`);
    return result.exitCode;
  } catch (cause) {
    const message =
      cause instanceof CliError
        ? cause.message
        : cause instanceof TypeError && 'code' in cause && String(cause.code).startsWith('ERR_PARSE_ARGS')
          ? `annex: ${cause.message}`
          : `annex: 予期しないエラーです（${cause instanceof Error ? cause.message : String(cause)}）`;
    process.stderr.write(`${message}\n`);
    return cause instanceof CliError ? cause.exitCode : EXIT.unreadable;
  }
}

process.exitCode = await main(process.argv.slice(2));
