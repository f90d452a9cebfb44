import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { readAnnexWorkbook } from '../../../shared/excel/read-annex-workbook';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import { convertWithLibreOffice } from '../../fixtures-src/libreoffice';

describe('the built-in annex → our xlsx → LibreOffice → document', () => {
  for (const target of ['xls', 'ods'] as const) {
    it(`is identical after LibreOffice re-saves it as .${target}`, async () => {
      const document = builtinAnnex();
      const converted = convertWithLibreOffice(await writeAnnexWorkbook(document), target);
      const read = readAnnexWorkbook(converted, { fileName: `annex.${target}` });
      if (!read.ok) throw new Error(read.error.map((problem) => `${problem.sheet} ${problem.cell}: ${problem.message}`).join('\n'));
      expect(read.value.warnings).toEqual([]);
      expect(read.value.document).toEqual(document);
    });
  }
});
