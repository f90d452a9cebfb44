import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { parseAnnexJson, stringifyAnnexJson } from '../../../shared/codec/annex-json';
import { readAnnexWorkbook } from '../../../shared/excel/read-annex-workbook';
import { structureSheetRows } from '../../../shared/excel/structure-sheet';
import { frameOfDocument } from '../../../shared/excel/read-document-frame';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import type { Ledger } from '../../../shared/model/ledger';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';

const annex = builtinAnnex();

const LEDGER: Ledger = {
  sends: [
    {
      id: 's-20250401-a',
      sentAt: '2025-04-01T09:00:00.000Z',
      by: 'section',
      recipients: [
        {
          key: '福祉保険部/福祉保険課',
          department: '福祉保険部',
          section: '福祉保険課',
          table: 'city',
          rowsHash: 'abc123',
          rows: [
            { number: 1, row: { id: 'city-01', departments: ['福祉保険部'], sections: ['福祉保険課', '長寿社会課'], title: '題\n二行', summary: '=1+2 で始まる。', marks: ['v1-1', 'v2-1'] } },
            { number: 5, row: { id: 'city-05', departments: [], sections: [], title: '', summary: '', marks: [] } },
          ],
        },
        { key: '社会福祉協議会', department: '', section: '', table: 'council', rowsHash: 'def', rows: [] },
      ],
    },
    { id: 's-empty', sentAt: '2025-05-01T00:00:00.000Z', by: 'department', recipients: [] },
  ],
  receipts: [
    {
      fileName: '取組事業一覧_福祉保険部_福祉保険課.xlsx',
      fileHash: 'ff00',
      receivedAt: '2025-04-20T10:00:00.000Z',
      sendId: 's-20250401-a',
      recipient: '福祉保険部/福祉保険課',
      applied: [
        { table: 'city', rowId: 'city-01', kind: 'changed', fields: ['summary', 'mark:v1-1'] },
        { table: 'city', rowId: 'city-new', kind: 'added', fields: [] },
      ],
    },
    { fileName: 'copy.xls', fileHash: 'ee11', receivedAt: '2025-04-21T10:00:00.000Z', sendId: '', recipient: '福祉保険部/福祉保険課', applied: [] },
  ],
};

const withLedger: AnnexDocument = { ...annex, ledger: LEDGER };

describe('the ledger in the JSON form', () => {
  it('round-trips, and an empty or absent ledger leaves the JSON as it was', () => {
    const parsed = parseAnnexJson(stringifyAnnexJson(withLedger));
    expect(parsed.ok && parsed.value.ledger).toEqual(LEDGER);
    expect(stringifyAnnexJson({ ...annex, ledger: { sends: [], receipts: [] } })).toBe(stringifyAnnexJson(annex));
    expect(stringifyAnnexJson(annex)).not.toContain('ledger');
  });

  it('loads a file whose ledger lists only sends', () => {
    const json = JSON.parse(stringifyAnnexJson(withLedger));
    delete json.ledger.receipts;
    const parsed = parseAnnexJson(JSON.stringify(json));
    expect(parsed.ok && parsed.value.ledger).toEqual({ sends: LEDGER.sends, receipts: [] });
  });

  it('refuses a ledger with an unknown key or kind, with its path', () => {
    const json = JSON.parse(stringifyAnnexJson(withLedger));
    json.ledger.receipts[0].applied[0].kind = 'moved';
    const parsed = parseAnnexJson(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error[0]?.path).toBe('ledger.receipts[0].applied[0].kind');
  });
});

describe('the ledger in the 構造 sheet', () => {
  it('adds nothing to the sheet while the ledger is empty', () => {
    const rows = structureSheetRows(frameOfDocument({ ...annex, ledger: { sends: [], receipts: [] } }));
    expect(rows).toEqual(structureSheetRows(frameOfDocument(annex)));
  });

  it('writes three blocks under their headings', () => {
    const rows = structureSheetRows(frameOfDocument(withLedger));
    const at = (heading: string): number => rows.findIndex((cells) => cells[0] === heading);
    expect(rows[at('送付ID')]).toEqual(['送付ID', '送付日', '単位', '宛先', '部', '課', '表', '行のハッシュ']);
    expect(rows[at('送付ID') + 1]).toEqual(['s-20250401-a', '2025-04-01T09:00:00.000Z', '課ごと', '福祉保険部/福祉保険課', '福祉保険部', '福祉保険課', '旭川市', 'abc123']);
    expect(rows.find((cells) => cells[3] === 'city-01')).toEqual([
      's-20250401-a',
      '福祉保険部/福祉保険課',
      1,
      'city-01',
      '福祉保険部',
      '福祉保険課\n長寿社会課',
      '題\n二行',
      '=1+2 で始まる。',
      'v1-1 v2-1',
    ]);
    expect(rows.filter((cells) => cells[0] === 'copy.xls')).toEqual([['copy.xls', 'ee11', '2025-04-21T10:00:00.000Z', '', '福祉保険部/福祉保険課', '', '', '', '']]);
  });

  it('round-trips through the xlsx writer and reader', async () => {
    const read = readAnnexWorkbook(await writeAnnexWorkbook(withLedger), { fileName: 'ledger.xlsx' });
    expect(read.ok && read.value.document).toEqual(withLedger);
  });

  it('round-trips through a LibreOffice .xls', async () => {
    const xls = convertWithLibreOffice(await writeAnnexWorkbook(withLedger), 'xls');
    const read = readAnnexWorkbook(xls, { fileName: 'ledger.xls' });
    expect(read.ok && read.value.document.ledger).toEqual(LEDGER);
  });
});
