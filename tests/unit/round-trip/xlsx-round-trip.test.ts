import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { readAnnexWorkbook } from '../../../shared/excel/read-annex-workbook';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import type { AnnexDocument } from '../../../shared/model/annex-document';
import { documentArbitrary } from '../support/document-arbitrary';

async function roundTrip(document: AnnexDocument): Promise<AnnexDocument> {
  const bytes = await writeAnnexWorkbook(document);
  const read = readAnnexWorkbook(bytes, { fileName: 'round-trip.xlsx' });
  if (!read.ok) throw new Error(read.error.map((problem) => `${problem.sheet} ${problem.cell}: ${problem.message}`).join('\n'));
  expect(read.value.warnings).toEqual([]);
  return read.value.document;
}

describe('document → xlsx → document', () => {
  it('gives back the built-in annex exactly', async () => {
    const document = builtinAnnex();
    expect(await roundTrip(document)).toEqual(document);
  });

  it('keeps line breaks as LF: a CR LF typed elsewhere comes back as LF, as Excel writes line breaks', async () => {
    const document = builtinAnnex();
    const [first, ...rest] = document.tables.city.rows;
    const withCrLf = { ...document, tables: { ...document.tables, city: { ...document.tables.city, rows: [{ ...first!, summary: '一行目。\r\n二行目。' }, ...rest] } } };
    const back = await roundTrip(withCrLf);
    expect(back.tables.city.rows[0]?.summary).toBe('一行目。\n二行目。');
  });

  it('gives back any generated document exactly (text of every kind, any header tree, empty and full matrices)', async () => {
    await fc.assert(
      fc.asyncProperty(documentArbitrary(), async (document) => {
        expect(await roundTrip(document)).toEqual(document);
      }),
      { seed: 20241127, numRuns: 60 },
    );
  });
});
