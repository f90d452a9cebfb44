import type { AnnexDocument, AnnexRow } from '../model/annex-document';
import type { LedgerRecipient, LedgerSend } from '../model/ledger';
import { writeAnnexWorkbook, type PlainSheet } from '../excel/write-annex-workbook';
import { FINGERPRINT_SHEET_NAME, fingerprintRows } from './fingerprint';
import { INSTRUCTIONS_SHEET_NAME, instructionRows } from './instructions';
import { addresseeLabel, type Addressee } from './recipients';

/**
 * The workbook a section gets: the instructions, its rows of the annex in the printed layout with the annex's
 * 通し番号, empty rows for new ones, the sheet protected but for the rows, ○ offered from a list; the 構造 sheet and
 * the fingerprint hidden. Its rows are the rows as sent: the ledger keeps the same, as the base of the comparison.
 */

/** Empty rows left below a section's rows for new ones. */
export const INPUT_ROWS = 10;

/** Characters no file name may hold on Windows, and the separators of paths. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/** 取組事業一覧_福祉保険部_福祉保険課.xlsx, 取組事業一覧_関係部局.xlsx, 取組事業一覧_社会福祉協議会.xlsx */
export function sectionFileName(addressee: Addressee): string {
  const names = addressee.table === 'council' ? [addresseeLabel(addressee)] : [addressee.department, addressee.section].filter(Boolean);
  const parts = names.map((part) => part.replace(UNSAFE_IN_NAME, '＿'));
  return `取組事業一覧_${parts.join('_')}.xlsx`;
}

/** What a workbook sent back to a section shows instead of the rows as sent: its answer, with the problems marked. */
export interface SendBackContent {
  readonly rows: readonly AnnexRow[];
  /** 通し番号 in the annex; a row without one (a new row) shows none. */
  readonly numbers: ReadonlyMap<string, number>;
  /** Cells filled in the highlight colour, by row id. */
  readonly flagged: ReadonlyMap<string, ReadonlySet<string>>;
  /** The sheet that explains each problem. */
  readonly problems: PlainSheet;
}

/** The document a section's workbook shows: the annex's structure and master, and only the addressee's rows. */
function sectionDocument(annex: AnnexDocument, recipient: LedgerRecipient, rows: readonly AnnexRow[]): AnnexDocument {
  return {
    plan: annex.plan,
    masters: annex.masters,
    tables: {
      city: { title: annex.tables.city.title, rows: recipient.table === 'city' ? rows : [] },
      council: { title: annex.tables.council.title, rows: recipient.table === 'council' ? rows : [] },
    },
    ...(annex.settings ? { settings: annex.settings } : {}),
  };
}

/** The workbook of one addressee of a send; with `sendBack`, its answer returned to it with the problems explained. */
export function writeSectionWorkbook(annex: AnnexDocument, send: LedgerSend, recipient: LedgerRecipient, sendBack?: SendBackContent): Promise<Uint8Array> {
  const rows = sendBack?.rows ?? recipient.rows.map((sent) => sent.row);
  const instructions: PlainSheet = { name: INSTRUCTIONS_SHEET_NAME, rows: instructionRows(send, recipient, INPUT_ROWS, sendBack?.problems.name) };
  return writeAnnexWorkbook(sectionDocument(annex, recipient, rows), {
    tables: [recipient.table],
    tableSheet: {
      numbers: sendBack?.numbers ?? new Map(recipient.rows.map((sent) => [sent.row.id, sent.number])),
      inputRows: INPUT_ROWS,
      protect: true,
      ...(sendBack ? { flagged: sendBack.flagged } : {}),
    },
    sheetsBefore: sendBack ? [instructions, sendBack.problems] : [instructions],
    sheetsAfter: [{ name: FINGERPRINT_SHEET_NAME, rows: fingerprintRows(send, recipient), hidden: true }],
    hideStructure: true,
    // The send's time, not the clock's: the same send writes the same bytes.
    createdAt: new Date(send.sentAt),
  });
}
