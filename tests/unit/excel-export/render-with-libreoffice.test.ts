import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { projectRoot } from '../support/paths';

/**
 * Prints the exported built-in annex through LibreOffice (scripts/render-xlsx.sh) and reads the PDF back with
 * poppler. Needs soffice, pdfinfo and pdftotext, and the print font; CI installs them, so this never skips.
 * Set ANNEX_EXPORT_LOOK_DIR to keep the workbooks, PDFs and page PNGs for a look.
 */

const RENDER = join(projectRoot, 'scripts', 'render-xlsx.sh');
const keep = process.env.ANNEX_EXPORT_LOOK_DIR;
const outRoot = keep ?? mkdtempSync(join(tmpdir(), 'annex-render-'));

interface Rendered {
  readonly pdf: string;
  readonly pages: number;
  /** Width and height of each page, in points. */
  readonly sizes: readonly (readonly [number, number])[];
  readonly text: (page: number) => string;
}

function render(name: string, bytes: Uint8Array): Rendered {
  const dir = join(outRoot, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  execFileSync('bash', [RENDER, xlsx, dir], { stdio: 'pipe', timeout: 180_000 });
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const perPage = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
  const sizes = [...perPage.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (match) => [Number(match[1]), Number(match[2])] as const,
  );
  const text = (page: number): string =>
    execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
  return { pdf, pages, sizes, text };
}

const annex = builtinAnnex();
let a3: Rendered;
let a4: Rendered;
let a3Dir: string;

beforeAll(async () => {
  a3 = render('annex-2024-a3', await writeAnnexWorkbook(annex));
  a3Dir = join(outRoot, 'annex-2024-a3');
  const onA4: AnnexDocument = { ...annex, settings: { paperSize: 'A4' } };
  a4 = render('annex-2024-a4', await writeAnnexWorkbook(onA4));
}, 400_000);

afterAll(() => {
  if (!keep) rmSync(outRoot, { recursive: true, force: true });
});

const CITY_TITLE = '計画に基づく旭川市の取組事業一覧';
const COUNCIL_TITLE = '計画に基づく旭川市社会福祉協議会の取組事業一覧';
const STRUCTURE_TITLE = '取組事業一覧の構造';

/** Which sheet a page belongs to, from the title at its top. */
function sheetOf(text: string): 'city' | 'council' | 'structure' | 'continued' {
  const first = text.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  if (first.startsWith(CITY_TITLE)) return 'city';
  if (first.startsWith(COUNCIL_TITLE)) return 'council';
  if (first.startsWith(STRUCTURE_TITLE)) return 'structure';
  return 'continued';
}

describe('the exported 2024 annex printed by LibreOffice', () => {
  it('prints every page on A3 landscape', () => {
    expect(a3.sizes).toHaveLength(a3.pages);
    for (const [width, height] of a3.sizes) {
      expect(width).toBeCloseTo(1190.55, 0);
      expect(height).toBeCloseTo(841.89, 0);
    }
  });

  it('prints 10 pages: 7 for the city table, 1 for the council table, 2 for the 構造 sheet', () => {
    // Judged from the rendered pages: the header band (title, 基本理念 … the vertical concept titles, about half
    // of the page's height) repeats on each page and leaves room for 9–13 city rows, so
    // the 76 city rows take 7 pages (1–13, 14–25, 26–36, 37–45, 46–56, 57–67, 68–76; no row is split); the 11
    // council rows fit on one; the 構造 sheet, fitted to one page wide, runs onto a second page with the end of
    // the 部/課 master.
    const sheets = Array.from({ length: a3.pages }, (_, index) => sheetOf(a3.text(index + 1)));
    expect(sheets).toEqual(['city', 'city', 'city', 'city', 'city', 'city', 'city', 'council', 'structure', 'continued']);
    expect(a3.pages).toBe(10);
  });

  it('repeats the header band on every page of the table sheets', () => {
    for (let page = 1; page <= 8; page++) {
      const text = a3.text(page);
      expect(text, `page ${page}`).toContain('基本理念');
      expect(text, `page ${page}`).toContain('目指す地域像１');
      expect(text, `page ${page}`).toContain('目指す地域像４');
      expect(text, `page ${page}`).toContain('取組概要');
    }
  });

  it('prints every row, in order, with its number and ○, and no #### cells', () => {
    const pages = Array.from({ length: a3.pages }, (_, index) => a3.text(index + 1));
    const all = pages.join('\n');
    expect(all).not.toContain('###');
    // Every 通し番号 starts a line (near the left edge) of its table's pages, once, in order.
    const numbersOn = (texts: string[]): number[] =>
      texts.flatMap((text) => [...text.matchAll(/^[ \t]{0,6}(\d{1,3})[ \t]+[^\d\s]/gm)].map((match) => Number(match[1])));
    expect(numbersOn(pages.slice(0, 7))).toEqual(annex.tables.city.rows.map((_, index) => index + 1));
    expect(numbersOn(pages.slice(7, 8))).toEqual(annex.tables.council.rows.map((_, index) => index + 1));
    const marks = [...pages.slice(0, 8).join('\n')].filter((char) => char === '○').length;
    const expected = [...annex.tables.city.rows, ...annex.tables.council.rows].reduce((sum, row) => sum + row.marks.length, 0);
    expect(marks).toBe(expected);
  });

  it('writes the page PNGs beside the PDF', () => {
    const pngs = readdirSync(a3Dir).filter((file) => file.endsWith('.png'));
    expect(pngs).toHaveLength(a3.pages);
    expect(existsSync(a3.pdf)).toBe(true);
  });

  it('prints on A4 landscape when the settings say so, with the band on every table page', () => {
    for (const [width, height] of a4.sizes) {
      expect(width).toBeCloseTo(841.89, 0);
      expect(height).toBeCloseTo(595.28, 0);
    }
    const tablePages = Array.from({ length: a4.pages }, (_, index) => a4.text(index + 1)).filter(
      (text) => sheetOf(text) === 'city' || sheetOf(text) === 'council',
    );
    expect(tablePages.length).toBeGreaterThanOrEqual(8);
    for (const text of tablePages) {
      expect(text).toContain('基本理念');
      expect(text).toContain('目指す地域像１');
    }
  });
});
