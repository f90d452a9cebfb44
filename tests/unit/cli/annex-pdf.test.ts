import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import type { PaperSize } from '../../../shared/model/annex-document';
import { mmToPt, PAPER_GEOMETRY, tablePrintLayout } from '../../../shared/print/print-geometry';
import { projectRoot } from '../support/paths';
import { annex } from '../support/run-annex';

/**
 * `annex pdf` end to end: the built command lays the print page out in Debian's Chromium and the PDF is
 * read back with poppler (pdfinfo, pdftotext, pdffonts). Needs `npm run build` (out/renderer and out/cli).
 */
const run = promisify(execFile);
const annexDocument = builtinAnnex();

const text = async (command: string, args: readonly string[]): Promise<string> => (await run(command, [...args], { maxBuffer: 64 * 1024 * 1024 })).stdout;

interface Word {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** The words of one page with their positions (pdftotext -bbox), in points from the top left. */
async function pageWords(pdf: string, page: number): Promise<{ width: number; height: number; words: Word[] }> {
  const xml = await text('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdf, '-']);
  const size = /<page width="([\d.]+)" height="([\d.]+)"/.exec(xml);
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)<\/word>/g)].map((match) => ({
    x: Number(match[1]),
    y: Number(match[2]),
    text: match[3] ?? '',
  }));
  return { width: Number(size?.[1]), height: Number(size?.[2]), words };
}

interface PdfPage {
  readonly text: string;
  /** The integers in the 通し番号 column: the rows printed on the page. */
  readonly rowNumbers: number[];
  /** The number printed in the footer. */
  readonly footer: string;
}

/** Each page's text, its rows (by the 通し番号 column's position) and its footer. */
async function readPages(pdf: string, paper: PaperSize): Promise<PdfPage[]> {
  const pages = Number(/Pages:\s+(\d+)/.exec(await text('pdfinfo', [pdf]))?.[1]);
  const geometry = PAPER_GEOMETRY[paper];
  const left = mmToPt(geometry.marginsMm.left);
  const numberWidth = tablePrintLayout(annexDocument.plan, 'city', '', paper).columns[0]?.widthPt ?? 0;
  const result: PdfPage[] = [];
  for (let page = 1; page <= pages; page++) {
    const { height, words } = await pageWords(pdf, page);
    const footerTop = height - mmToPt(geometry.marginsMm.bottom);
    result.push({
      text: await text('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-']),
      rowNumbers: words
        .filter((word) => word.x >= left && word.x < left + numberWidth && /^\d+$/.test(word.text))
        .sort((a, b) => a.y - b.y)
        .map((word) => Number(word.text)),
      footer: words.filter((word) => word.y > footerTop).map((word) => word.text).join(' '),
    });
  }
  return result;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

let workDir = '';
/** Where the test leaves the 2024 annex's pages as PNG for a person to look at. */
const pngDir = join(projectRoot, 'out/test-results/print-pages');

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'annex-pdf-'));
  expect(existsSync(join(projectRoot, 'out/renderer/print.html')), 'run `npm run build` before this test').toBe(true);
});

describe('annex pdf', () => {
  it('prints the 2024 annex on A3 landscape: band on every page, each 通し番号 once, page numbers in order, the font embedded', async () => {
    const out = join(workDir, 'annex-2024.pdf');
    const { code, stdout, stderr } = await annex('pdf', 'data/annex-2024.json', out);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/annex-2024\.pdf: A3 横 \d+ ページ（旭川市 1〜\d+、社会福祉協議会 \d+(〜\d+)?）/);

    const info = await text('pdfinfo', [out]);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Number(width)).toBeCloseTo(mmToPt(420), -1);
    expect(Number(height)).toBeCloseTo(mmToPt(297), -1);
    expect(info).toMatch(/Page size:.*\(A3\)/);

    const pages = await readPages(out, 'A3');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const cityTitle = annexDocument.tables.city.title;
    const councilTitle = annexDocument.tables.council.title;
    for (const [index, page] of pages.entries()) {
      const where = `page ${index + 1}`;
      expect(page.text.includes(cityTitle) || page.text.includes(councilTitle), where).toBe(true);
      expect(page.text, where).toContain('基本理念');
      expect(page.text, where).toContain('目指す地域像１');
      expect(page.text, where).toContain('目指す地域像４');
      expect(page.text, where).toContain('基本的な考え方');
      expect(page.footer, where).toBe(String(index + 1));
    }
    const cityPages = pages.filter((page) => page.text.includes(cityTitle));
    const councilPages = pages.filter((page) => page.text.includes(councilTitle));
    expect(cityPages.length + councilPages.length).toBe(pages.length);
    // Every row on exactly one page, in order, none split: the numbers of all pages together are 1..n once each.
    expect(cityPages.flatMap((page) => page.rowNumbers)).toEqual(range(1, 76));
    expect(councilPages.flatMap((page) => page.rowNumbers)).toEqual(range(1, 11));
    for (const page of pages) expect(page.rowNumbers.length).toBeGreaterThan(0);

    const fonts = (await text('pdffonts', [out])).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      // Only the bundled BIZ UDPGothic, embedded (as subsets): no fallback font, no Type 3 glyphs.
      expect(line).toMatch(/^[A-Z]{6}\+BIZUDPGothic-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }

    // The pages as PNG, for a person to look at (out/test-results/print-pages/a3-*.png).
    rmSync(pngDir, { recursive: true, force: true });
    mkdirSync(pngDir, { recursive: true });
    await run('pdftoppm', ['-r', '50', '-png', out, join(pngDir, 'a3')]);
    expect(readdirSync(pngDir).filter((name) => name.startsWith('a3-'))).toHaveLength(pages.length);
  });

  it('prints A4 landscape from a start page, one table, with the overview page last', async () => {
    const out = join(workDir, 'city-a4.pdf');
    const { code, stdout } = await annex('pdf', 'data/annex-2024.json', out, '--paper', 'A4', '--tables', 'city', '--start-page', '5', '--overview');
    expect(code).toBe(0);
    expect(stdout).toMatch(/A4 横 \d+ ページ（旭川市 5〜\d+、取組の分布 \d+）/);
    const info = await text('pdfinfo', [out]);
    const [, width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info) ?? [];
    expect(Number(width)).toBeCloseTo(mmToPt(297), -1);
    expect(Number(height)).toBeCloseTo(mmToPt(210), -1);
    expect(info).toMatch(/Page size:.*\(A4\)/);

    const pages = await readPages(out, 'A4');
    expect(pages.map((page) => page.footer)).toEqual(pages.map((_, index) => String(index + 5)));
    const tablePages = pages.slice(0, -1);
    expect(tablePages.flatMap((page) => page.rowNumbers)).toEqual(range(1, 76));
    for (const page of tablePages) {
      expect(page.text).toContain(annexDocument.tables.city.title);
      expect(page.text).toContain('目指す地域像１');
    }
    expect(pages.some((page) => page.text.includes(annexDocument.tables.council.title))).toBe(false);
    const overview = pages.at(-1)?.text ?? '';
    expect(overview).toContain('取組の分布');
    expect(overview).toContain('福祉保険部');
    expect(overview).toContain('旭川市 計');
    await run('pdftoppm', ['-r', '50', '-png', out, join(pngDir, 'a4')]).catch(() => undefined);
  });

  it('takes the paper from the document’s setting when --paper is absent', async () => {
    const input = join(workDir, 'a4-setting.json');
    const json = JSON.parse(readFileSync(join(projectRoot, 'data/annex-2024.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(input, JSON.stringify({ ...json, settings: { paperSize: 'A4' } }));
    const out = join(workDir, 'a4-setting.pdf');
    const { code, stdout } = await annex('pdf', input, out, '--tables', 'council');
    expect(code).toBe(0);
    expect(stdout).toContain('A4 横');
    expect(await text('pdfinfo', [out])).toMatch(/\(A4\)/);
  });

  it.each<[string, string[], RegExp]>([
    ['a paper it does not know', ['--paper', 'B4'], /--paper には A3 か A4 を指定してください（指定: B4）/],
    ['a table it does not know', ['--tables', 'city,ward'], /--tables には city、council/],
    ['a start page that is not a page number', ['--start-page', '0'], /--start-page には 1〜9999 の整数/],
  ])('refuses %s in Japanese, with exit code 2 and no file', async (_label, flags, message) => {
    const out = join(workDir, 'refused.pdf');
    const outcome = await annex('pdf', 'data/annex-2024.json', out, ...flags);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('says where Chromium is missing and how to get it, leaving an existing OUT untouched', async () => {
    const out = join(workDir, 'kept.pdf');
    writeFileSync(out, 'old');
    // The command inherits this process's environment.
    const before = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = '/nonexistent/chromium';
    const outcome = await annex('pdf', 'data/annex-2024.json', out).finally(() => {
      if (before === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = before;
    });
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('CHROMIUM_PATH に指定された Chromium が見つかりません（/nonexistent/chromium）');
    expect(readFileSync(out, 'utf8')).toBe('old');
  });

  it('refuses an output that is not a .pdf and an input it cannot read', async () => {
    expect((await annex('pdf', 'data/annex-2024.json', join(workDir, 'out.xlsx'))).stderr).toMatch(/\.pdf のファイルにしてください/);
    const missing = await annex('pdf', join(workDir, 'missing.json'), join(workDir, 'x.pdf'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.json: ファイルが見つかりません/);
  });
});
