import { describe, expect, it } from 'vitest';
import { readDocumentBytes, writerFor } from '../../../shared/codec/document-formats';
import { FORMATS, formatForPath, readableExtensions, writableExtensions } from '../../../shared/codec/format-table';
import { builtinAnnex } from '../../../shared/builtin-annex';

describe('the format table and the codecs', () => {
  it('has a writer for exactly the formats the table calls writable, and each writes a file its reader reads back', async () => {
    for (const format of FORMATS) {
      const write = writerFor(format.id);
      expect(write !== undefined, format.id).toBe(format.writable);
      if (!write) continue;
      const bytes = await write(builtinAnnex());
      const read = readDocumentBytes(bytes, { fileName: `annex${format.extensions[0]}` });
      expect(read.ok && read.value.document.tables.city.rows.length, format.id).toBe(76);
    }
  });

  it('chooses a format by extension, whatever its case, and lists what can be read and written', () => {
    expect(formatForPath('C:\\課\\提出.XLSX')?.id).toBe('xlsx');
    expect(formatForPath('一覧.ods')?.writable).toBe(false);
    expect(formatForPath('メモ.txt')).toBeUndefined();
    expect(readableExtensions()).toEqual(['.json', '.xlsx', '.xls', '.ods', '.csv']);
    expect(writableExtensions()).toEqual(['.json', '.xlsx']);
  });

  it('names the readable formats when a file has none of their extensions', () => {
    const read = readDocumentBytes(new Uint8Array([1, 2, 3]), { fileName: 'メモ.txt' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error[0]).toBe('メモ.txt: この形式は読めません（読める形式: .json, .xlsx, .xls, .ods, .csv）');
  });
});
