import { unzipSync } from 'fflate';
import type { Download, Locator, Page } from 'playwright-core';
import { builtinAnnex } from '../../shared/builtin-annex';
import type { AnnexDocument, AnnexRow } from '../../shared/model/annex-document';
import type { SentRow } from '../../shared/model/ledger';
import { editSectionWorkbook, plainCopy, truncated, unrelatedWorkbook } from '../fixtures-src/submission-fixtures';

/** The yearly collection driven through the browser build: the sent zip opened in Node, answers made with SheetJS. */

export const annex = builtinAnnex();

/** The workbooks of the downloaded send, by file name. */
export async function sentWorkbooks(download: Download): Promise<Map<string, Uint8Array>> {
  const path = await download.path();
  const { readFile } = await import('node:fs/promises');
  return new Map(Object.entries(unzipSync(new Uint8Array(await readFile(path)))));
}

/** What the sections typed, and the secretariat after the send. */
export const TYPED = {
  row9summary: 'ゲートキーパーを養成し，市民の身近で自殺対策に関わる人材を増やします。',
  row45title: 'こころの健康相談窓口の設置',
  row68title: '小型除雪機・融雪機の貸出し',
  row67theirs: '除雪連絡協議会でパトロールや総会を行い，地域の連帯感と冬の安心を高めます。',
  row67ours: '町内会長等，除雪企業，行政の三者で除雪連絡協議会を運営し，地域ぐるみの除雪を進めます。',
  addedTitle: '特定健診の受診勧奨',
  // No 。 at the end: the added row brings in a text-sentence-end warning the preview shows as new.
  addedSummary: '国民健康保険の加入者に特定健診の受診を呼びかけ，生活習慣病の予防につなげます',
} as const;

export const NAMES = {
  health: '取組事業一覧_保健所_健康推進課.xlsx',
  healthAgain: '取組事業一覧_保健所_健康推進課 (2).xlsx',
  snow: '取組事業一覧_土木部_雪対策課.xlsx',
  corrupted: '取組事業一覧_防災安全部_防災課.xlsx',
  unrelated: '名簿.xlsx',
  unknown: '観光課.xlsx',
  wrongSection: '取組事業一覧_学校教育部_教育指導課.xlsx',
} as const;

const sentRowsOf = (section: string): SentRow[] =>
  annex.tables.city.rows.flatMap((row, index) => (row.sections.includes(section) ? [{ number: index + 1, row }] : []));

export interface ReturnedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

/** The answers: two to take, a copy of one, and four that change nothing, each for another reason. */
export function returnedFiles(sent: ReadonlyMap<string, Uint8Array>): ReturnedFile[] {
  const workbook = (name: string): Uint8Array => {
    const bytes = sent.get(name);
    if (!bytes) throw new Error(`${name} was not sent`);
    return bytes;
  };
  const health = editSectionWorkbook(workbook(NAMES.health), annex, 'city', (sheet) =>
    sheet
      .setText('city-09', 'summary', TYPED.row9summary)
      .setText('city-45', 'title', TYPED.row45title)
      .setMark('city-45', 'v1-1', '〇')
      .deleteRow('city-63')
      .addRow({ title: TYPED.addedTitle, summary: TYPED.addedSummary }, { 'v4-1': '○' }),
  );
  const snow = editSectionWorkbook(workbook(NAMES.snow), annex, 'city', (sheet) =>
    sheet.setText('city-67', 'summary', TYPED.row67theirs).setText('city-68', 'title', TYPED.row68title),
  );
  // 教育指導課's workbook came back holding 雪対策課's rows, pasted whole from the other workbook.
  const wrongSection = editSectionWorkbook(workbook(NAMES.wrongSection), annex, 'city', (sheet) => sheet.replaceRows(sentRowsOf('雪対策課').slice(1)));
  const tourism = sentRowsOf('こども育成課').map((sent) => ({ number: sent.number, row: { ...sent.row, departments: ['観光スポーツ部'], sections: ['観光課'] } }));
  const files: [string, Uint8Array][] = [
    [NAMES.health, health],
    [NAMES.snow, snow],
    [NAMES.healthAgain, health],
    [NAMES.corrupted, truncated(workbook(NAMES.corrupted))],
    [NAMES.unrelated, unrelatedWorkbook()],
    [NAMES.unknown, plainCopy(annex, tourism)],
    [NAMES.wrongSection, wrongSection],
  ];
  return files.map(([name, bytes]) => ({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(bytes) }));
}

const update = (rows: readonly AnnexRow[], id: string, patch: Partial<AnnexRow>): AnnexRow[] => rows.map((row) => (row.id === id ? { ...row, ...patch } : row));

/** The city table after the secretariat's own edit of row 67. */
export function afterOwnEdit(): AnnexRow[] {
  return update(annex.tables.city.rows, 'city-67', { summary: TYPED.row67ours });
}

/** The city table with exactly the changes chosen on the review screen; the added row's id is the one the app gave it. */
export function afterMerge(addedId: string): AnnexRow[] {
  let rows = afterOwnEdit();
  rows = update(rows, 'city-09', { summary: TYPED.row9summary });
  rows = update(rows, 'city-45', { title: TYPED.row45title });
  rows = update(rows, 'city-68', { title: TYPED.row68title });
  const added: AnnexRow = { id: addedId, departments: ['保健所'], sections: ['健康推進課'], title: TYPED.addedTitle, summary: TYPED.addedSummary, marks: ['v4-1'] };
  const at = rows.findIndex((row) => row.id === 'city-63');
  return [...rows.slice(0, at), added, ...rows.slice(at + 1)];
}

/** The document the page last autosaved (about 1.5 s after a change), as tables. */
export async function autosavedTables(page: Page): Promise<AnnexDocument['tables'] | null> {
  const raw = await page.evaluate(() => localStorage.getItem('annex-editor:autosave'));
  if (!raw) return null;
  const document = JSON.parse((JSON.parse(raw) as { documentJson: string }).documentJson) as AnnexDocument;
  return document.tables;
}

export const reviewScreen = (page: Page): Locator => page.getByTestId('submission-review');

/** Each listed file with its status badge, in list order. */
export async function fileStatuses(page: Page): Promise<[string, string][]> {
  const items = reviewScreen(page).getByTestId('review-file');
  const result: [string, string][] = [];
  for (const item of await items.all()) {
    result.push([(await item.getAttribute('data-file-name')) ?? '', (await item.getByTestId('file-status').innerText()).trim()]);
  }
  return result;
}

export const fileItem = (page: Page, name: string): Locator => reviewScreen(page).locator(`[data-testid="review-file"][data-file-name="${name}"]`);
export const reviewRow = (page: Page, rowId: string): Locator => reviewScreen(page).locator(`[data-testid="review-row"][data-row-id="${rowId}"]`);
export const cellDiff = (page: Page, rowId: string, field: string): Locator => reviewRow(page, rowId).locator(`[data-testid="cell-diff"][data-field="${field}"]`);

/** Drops files on the window as Explorer does: one drop event carrying several files. */
export async function dropFiles(page: Page, files: readonly ReturnedFile[]): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, base64: file.buffer.toString('base64') }));
  await page.evaluate((dropped) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of dropped) transfer.items.add(new File([Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))], name));
    const target = document.querySelector('.app');
    if (!target) throw new Error('no .app');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

export const asFile = (name: string, bytes: Uint8Array): ReturnedFile => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
