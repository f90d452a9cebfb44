import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringifyAnnexJson } from '../../shared/codec/annex-json';
import { TABLE_KINDS, type AnnexDocument, type TableKind } from '../../shared/model/annex-document';
import { TABLE_LABELS } from '../../shared/model/table-names';
import {
  defaultPrintOptions,
  MAX_START_PAGE,
  PAPER_SIZES,
  printRenderResultSchema,
  type PrintOptions,
  type PrintSummary,
} from '../../shared/print/print-options';
import { CliError, EXIT } from '../cli-error';
import { readDocumentFile, writeBytesAtomically, type DocumentReadOptions } from '../document-files';
import { chromiumArgs, findChromium } from '../print/chromium';
import { serveDirectory } from '../print/serve-directory';
import type { CommandResult } from './command';

export interface PdfFlags {
  readonly tables?: string | undefined;
  readonly paper?: string | undefined;
  readonly startPage?: string | undefined;
  readonly overview?: boolean | undefined;
}

/** What the print page (renderer/src/print-main.tsx) puts on its window. */
interface PrintPageGlobals {
  readonly annexPrint?: { render(documentJson: string, options: unknown): Promise<unknown> };
}

/** Layout of a long annex takes seconds; a hung browser must not hang the command forever. */
const RENDER_TIMEOUT_MS = 120_000;

/** out/renderer, beside out/cli where this bundle runs. */
export function rendererDirectory(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

function tableFlag(value: string): TableKind[] {
  const names: Record<string, TableKind> = { city: 'city', council: 'council', [TABLE_LABELS.city]: 'city', [TABLE_LABELS.council]: 'council' };
  const tables = value.split(/[,、，]/).map((name) => name.trim()).filter((name) => name !== '');
  const unknown = tables.filter((name) => names[name] === undefined);
  if (tables.length === 0 || unknown.length > 0) {
    throw new CliError(`annex pdf: --tables には city、council（カンマ区切り）を指定してください（指定: ${value}）`, EXIT.unreadable);
  }
  return TABLE_KINDS.filter((table) => tables.some((name) => names[name] === table));
}

/** The print options from the flags; the paper defaults to the document's setting. */
export function pdfOptions(document: AnnexDocument, flags: PdfFlags): PrintOptions {
  const options = defaultPrintOptions(document);
  const paper = flags.paper?.toUpperCase();
  if (paper !== undefined && !(PAPER_SIZES as readonly string[]).includes(paper)) {
    throw new CliError(`annex pdf: --paper には A3 か A4 を指定してください（指定: ${flags.paper}）`, EXIT.unreadable);
  }
  let startPage = options.startPage;
  if (flags.startPage !== undefined) {
    startPage = Number(flags.startPage);
    if (!/^\d+$/.test(flags.startPage) || startPage < 1 || startPage > MAX_START_PAGE) {
      throw new CliError(`annex pdf: --start-page には 1〜${MAX_START_PAGE} の整数を指定してください（指定: ${flags.startPage}）`, EXIT.unreadable);
    }
  }
  return {
    tables: flags.tables === undefined ? options.tables : tableFlag(flags.tables),
    paper: (paper as PrintOptions['paper'] | undefined) ?? options.paper,
    startPage,
    overview: flags.overview ?? false,
  };
}

async function loadPlaywright(): Promise<typeof import('playwright-core')> {
  try {
    return await import('playwright-core');
  } catch {
    throw new CliError('annex pdf: playwright-core が入っていません。npm ci を実行してください', EXIT.unreadable);
  }
}

/** Lays the document out in the print page in headless Chromium and returns the PDF and what was printed. */
export async function renderPdf(document: AnnexDocument, options: PrintOptions): Promise<{ pdf: Uint8Array; summary: PrintSummary }> {
  const root = rendererDirectory();
  if (!existsSync(`${root}print.html`)) {
    throw new CliError(`annex pdf: 印刷用のページがビルドされていません（${root}print.html）。npm run build を実行してください`, EXIT.unreadable);
  }
  const executablePath = findChromium();
  const { chromium } = await loadPlaywright();
  const server = await serveDirectory(root);
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    try {
      browser = await chromium.launch({ executablePath, headless: true, args: chromiumArgs() });
    } catch (cause) {
      const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      throw new CliError(`annex pdf: Chromium を起動できません（${executablePath}：${detail}）`, EXIT.unreadable);
    }
    const page = await browser.newPage({ locale: 'ja-JP' });
    await page.goto(`${server.url}print.html`);
    // These functions run in the page, where print-main.tsx has defined annexPrint.
    await page.waitForFunction(() => (globalThis as PrintPageGlobals).annexPrint !== undefined, undefined, { timeout: 30_000 });
    const rendering = page.evaluate(
      ([json, printOptions]) =>
        (globalThis as PrintPageGlobals).annexPrint?.render(json, printOptions) ?? Promise.reject(new Error('annexPrint がありません')),
      [stringifyAnnexJson(document), options] as const,
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CliError('annex pdf: 印刷用ページのレイアウトが時間内に終わりませんでした', EXIT.unreadable)), RENDER_TIMEOUT_MS);
    });
    const result = printRenderResultSchema.safeParse(await Promise.race([rendering, timeout]).finally(() => clearTimeout(timer)));
    if (!result.success) throw new CliError('annex pdf: 印刷用ページの応答が正しくありません', EXIT.unreadable);
    if (!result.data.ok) throw new CliError(`annex pdf: 印刷できません：${result.data.message}`, EXIT.unreadable);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    return { pdf, summary: result.data.summary };
  } finally {
    await browser?.close();
    await server.close();
  }
}

function describeSummary(summary: PrintSummary, paper: string): string {
  const parts = summary.parts.map((part) => {
    const name = part.part === 'overview' ? '取組の分布' : TABLE_LABELS[part.part];
    const last = part.firstPage + part.pages - 1;
    return `${name} ${part.pages === 1 ? `${part.firstPage}` : `${part.firstPage}〜${last}`}`;
  });
  return `${paper} 横 ${summary.pages} ページ（${parts.join('、')}）`;
}

/** `annex pdf ANNEX OUT.pdf`: the print view as a PDF, the same the app exports. */
export async function pdfCommand(input: string, output: string, flags: PdfFlags, read: DocumentReadOptions = {}): Promise<CommandResult> {
  if (extname(output).toLowerCase() !== '.pdf') {
    throw new CliError(`annex pdf: 書き出し先は .pdf のファイルにしてください（指定: ${output}）`, EXIT.unreadable);
  }
  const document = await readDocumentFile(input, read);
  const options = pdfOptions(document, flags);
  const { pdf, summary } = await renderPdf(document, options);
  await writeBytesAtomically(output, () => pdf);
  for (const row of summary.oversizeRows) {
    process.stderr.write(`警告: ${TABLE_LABELS[row.table]} 通し番号 ${row.number} は 1 ページに収まらず、下が切れています\n`);
  }
  return { output: `${input} → ${output}: ${describeSummary(summary, options.paper)}`, exitCode: EXIT.ok };
}
