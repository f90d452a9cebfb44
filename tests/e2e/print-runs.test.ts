import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringifyAnnexJson } from '../../shared/codec/annex-json';
import { builtinAnnex } from '../../shared/builtin-annex';
import type { AnnexDocument, PaperSize, TableKind } from '../../shared/model/annex-document';
import { paginateRows } from '../../shared/print/paginate';
import { PAPER_GEOMETRY } from '../../shared/print/print-geometry';
import type { PrintOptions, PrintRenderResult } from '../../shared/print/print-options';
import { generateAnnex } from '../bench/generate-annex';
import { projectRoot } from '../unit/support/paths';
import { openApp } from './support/browser';
import { sessionPerTest } from './support/session-per-test';

/**
 * The print measures rows a run at a time (RowMeasurer). Its pages must be exactly those of measuring each
 * table whole in one sheet, as the print did before: checked against pages recorded from that code and
 * against the whole-table measurement redone in the page.
 */
const sessions = sessionPerTest(async () => {
  const session = await openApp();
  await session.page.goto(`${session.url}print.html`);
  await session.page.waitForFunction(() => 'annexPrint' in window);
  return session;
});

type RowsPerPage = Partial<Record<TableKind, number[]>>;
const recorded = JSON.parse(readFileSync(join(projectRoot, 'tests/e2e/print-recorded-pages.json'), 'utf8')) as Record<string, Partial<Record<PaperSize, RowsPerPage>>>;

async function render(document: AnnexDocument, paper: PaperSize): Promise<PrintRenderResult> {
  const options: PrintOptions = { tables: ['city', 'council'], paper, startPage: 1, overview: false };
  return sessions.current.page.evaluate(
    ([documentJson, printOptions]) =>
      (window as unknown as { annexPrint: { render(json: string, options: unknown): Promise<PrintRenderResult> } }).annexPrint.render(documentJson, printOptions),
    [stringifyAnnexJson(document), options] as const,
  );
}

/** Rows on each printed sheet of a table, read from the DOM; each sheet's rows run on from the last's. */
async function printedRowsPerPage(title: string): Promise<number[]> {
  const pages = await sessions.current.page.evaluate(
    (heading) =>
      [...document.querySelectorAll<HTMLElement>('#root > .pv-sheet')]
        .filter((sheet) => sheet.querySelector('h1')?.textContent === heading)
        .map((sheet) => [...sheet.querySelectorAll<HTMLElement>('tbody tr')].map((row) => Number(row.dataset['rowNumber']))),
    title,
  );
  expect(pages.flat()).toEqual(Array.from({ length: pages.flat().length }, (_, index) => index + 1));
  return pages.map((rows) => rows.length);
}

/**
 * The whole-table measurement as it was: every printed row of the table in one hidden sheet under its
 * title and band, each row's height the distance to the next one's top, the room from the first row's top
 * to the printable area's foot less 1.5 px; then paginated by the same rule.
 */
async function wholeTableRowsPerPage(title: string, paper: PaperSize): Promise<number[]> {
  const geometry = PAPER_GEOMETRY[paper];
  const printableMm = geometry.heightMm - geometry.marginsMm.bottom;
  const measured = await sessions.current.page.evaluate(
    ([heading, mm]) => {
      const sheets = [...document.querySelectorAll<HTMLElement>('#root > .pv-sheet')].filter((sheet) => sheet.querySelector('h1')?.textContent === heading);
      const sheet = sheets[0]?.cloneNode(true) as HTMLElement;
      sheet.querySelector('.pv-footer')?.remove();
      const body = sheet.querySelector('tbody') as HTMLTableSectionElement;
      body.replaceChildren(...sheets.flatMap((page) => [...page.querySelectorAll('tbody tr')].map((row) => row.cloneNode(true))));
      const box = document.createElement('div');
      box.className = 'pv-measure';
      box.append(sheet);
      document.getElementById('root')?.append(box);
      const table = sheet.querySelector('table') as HTMLTableElement;
      const sheetTop = sheet.getBoundingClientRect().top;
      const bodyTop = (body.rows[0] ?? body).getBoundingClientRect().top;
      const tops = Array.from(body.rows, (row) => row.getBoundingClientRect().top);
      const bottom = table.getBoundingClientRect().bottom;
      box.remove();
      return {
        heights: tops.map((top, index) => (tops[index + 1] ?? bottom) - top),
        capacity: sheetTop + (mm * 96) / 25.4 - bodyTop - 1.5,
      };
    },
    [title, printableMm] as const,
  );
  return paginateRows(measured.heights, measured.capacity).map((slice) => slice.end - slice.start);
}

async function expectSamePages(document: AnnexDocument, name: string, paper: PaperSize): Promise<void> {
  const result = await render(document, paper);
  expect(result.ok).toBe(true);
  for (const table of ['city', 'council'] as const) {
    const title = document.tables[table].title;
    const printed = await printedRowsPerPage(title);
    expect(printed, `${name} ${paper} ${table}: as recorded from the one-block measurement`).toEqual(recorded[name]?.[paper]?.[table]);
    expect(printed, `${name} ${paper} ${table}: as the whole table measured at once now`).toEqual(await wholeTableRowsPerPage(title, paper));
  }
}

describe('rows measured in runs', () => {
  it('paginate the 2024 annex exactly as the whole table measured at once, on A3 and A4', async () => {
    await expectSamePages(builtinAnnex(), 'annex-2024', 'A3');
    await expectSamePages(builtinAnnex(), 'annex-2024', 'A4');
  });

  it('paginate a generated 10,000-row annex exactly as the whole table measured at once', async () => {
    await expectSamePages(generateAnnex(10_000), 'generated-10000', 'A3');
  }, 300_000);
});
