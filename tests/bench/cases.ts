import * as XLSX from 'xlsx';
import { parseAnnexJson, stringifyAnnexJson } from '../../shared/codec/annex-json';
import { readAnnexWorkbook } from '../../shared/excel/read-annex-workbook';
import { writeAnnexWorkbook } from '../../shared/excel/write-annex-workbook';
import { updateRow } from '../../shared/model/document-edits';
import type { AnnexDocument } from '../../shared/model/annex-document';
import { applySafeFixes } from '../../shared/validation/apply-fixes';
import { createValidator, validateDocument } from '../../shared/validation/validator';

/** The inputs every case may use, prepared once per size by the parent process. */
export interface CaseInput {
  readonly document: AnnexDocument;
  readonly json: string;
  readonly xlsx: Uint8Array;
  /** The exported workbook's cells, sheet by sheet, for SheetJS to write unstyled. */
  readonly cells: Record<string, unknown[][]>;
}

/** One measured operation: ours, and the floor it is compared with. */
export interface BenchCase {
  readonly id: string;
  readonly label: string;
  readonly target: number;
  readonly ours: (input: CaseInput) => unknown | Promise<unknown>;
  readonly floor: (input: CaseInput) => unknown | Promise<unknown>;
}

/** Sums every character's code of a text: reading its content, as any check of the text must. */
function readCharacters(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) sum += text.charCodeAt(index);
  return sum;
}

/** Reads every character of every field and list entry of every row, and its marks: the least any validation must do. */
function readEveryField(document: AnnexDocument): number {
  let total = 0;
  for (const table of [document.tables.city, document.tables.council]) {
    for (const row of table.rows) {
      total += readCharacters(row.id) + readCharacters(row.title) + readCharacters(row.summary);
      for (const value of row.departments) total += readCharacters(value);
      for (const value of row.sections) total += readCharacters(value);
      for (const mark of row.marks) total += readCharacters(mark);
    }
  }
  return total;
}

// One warm validator per process, so the edit case measures only the re-validation after an edit.
let warm: { validator: ReturnType<typeof createValidator>; document: AnnexDocument; edits: number } | undefined;

export const CASES: readonly BenchCase[] = [
  {
    id: 'import-xlsx',
    label: 'xlsx 取り込み（floor: SheetJS の読み込み）',
    target: 1.3,
    ours: ({ xlsx }) => readAnnexWorkbook(xlsx, { fileName: 'bench.xlsx' }),
    floor: ({ xlsx }) => XLSX.read(xlsx, { type: 'array' }),
  },
  {
    id: 'export-xlsx',
    label: '書式付き xlsx 書き出し（floor: SheetJS の書式なし書き出し）',
    target: 2.5,
    ours: ({ document }) => writeAnnexWorkbook(document),
    floor: ({ cells }) => {
      const workbook = XLSX.utils.book_new();
      for (const [name, rows] of Object.entries(cells)) XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), name);
      return XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true });
    },
  },
  {
    id: 'json-load',
    label: 'JSON 読み込み（floor: JSON.parse）',
    target: 1.5,
    ours: ({ json }) => parseAnnexJson(json),
    floor: ({ json }) => JSON.parse(json),
  },
  {
    id: 'json-save',
    label: 'JSON 保存（floor: JSON.stringify）',
    target: 1.5,
    ours: ({ document }) => stringifyAnnexJson(document),
    floor: ({ document }) => JSON.stringify(document),
  },
  {
    id: 'validate-full',
    label: '全体の検証（floor: 全フィールドの全文字を読むだけのループ）',
    target: 3,
    ours: ({ document }) => validateDocument(document),
    floor: ({ document }) => readEveryField(document),
  },
  {
    id: 'validate-edit',
    label: '1 セル編集後の再検証（floor: 全フィールドの全文字を読むだけのループ）',
    target: Number.NaN,
    ours: ({ document }) => {
      if (!warm || warm.document.tables.city.rows.length !== document.tables.city.rows.length) {
        warm = { validator: createValidator(), document, edits: 0 };
        warm.validator.validate(document);
      }
      const rows = warm.document.tables.city.rows;
      const target = rows[(warm.edits * 7919) % rows.length];
      warm.edits += 1;
      warm.document = updateRow(warm.document, 'city', target!.id, (row) => ({ ...row, title: `${row.title}。` }));
      return warm.validator.validate(warm.document);
    },
    floor: ({ document }) => readEveryField(document),
  },
  {
    id: 'fix-all',
    label: '安全な修正をまとめて適用（floor: 全フィールドの全文字を読むだけのループ）',
    target: Number.NaN,
    // A fresh validator each run, so each run does the whole work: the window's validator has the rows checked already.
    ours: ({ document }) => applySafeFixes(document, createValidator()),
    floor: ({ document }) => readEveryField(document),
  },
];
