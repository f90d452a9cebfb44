/**
 * Hostile containers and sizes: truncated and bit-flipped workbooks, noise behind a signature, zips that hold no
 * workbook, zip bombs that lie consistently, a 100 MB cell, a million rows, thousands of sheets.
 */
import type { AnnexDocument } from '../../shared/model/annex-document';
import { handMadeZip } from './hand-made-zip';
import { dataOffset, flipped, MB, noise, rowChunks, streamedXlsx, withBlankRows, withBomb } from './hostile-bytes';
import type { HostileCase } from './hostile-corpus';
import { zeroBomb } from './hostile-deflate';
import { odsCell, odsTable, rawOds } from './hostile-ods';
import { rawXlsx, sheetXml } from './hostile-xlsx';
import { concat, partsOf, zipParts } from './hostile-zip';
import { annexWorkbook, writeWorkbook } from './make-import-fixtures';

const encoder = new TextEncoder();

export function* containerCases(base: AnnexDocument): Generator<HostileCase> {
  const xlsx = (): Uint8Array => writeWorkbook(annexWorkbook(base));
  const xls = (): Uint8Array => writeWorkbook(annexWorkbook(base), 'biff8');
  const ods = (): Uint8Array => writeWorkbook(annexWorkbook(base), 'ods');
  const brokenZip = 'ZIP 形式のファイルとして壊れています';
  const noWorkbook = 'ZIP の中にブックの目印がありません';
  const bomb = '圧縮爆弾のおそれがあるため読みません';

  yield {
    name: 'an xlsx with its middle cut out, its end record kept',
    fileName: 'cut.xlsx',
    bytes: () => {
      const bytes = xlsx();
      return concat([bytes.subarray(0, Math.floor(bytes.length * 0.4)), bytes.subarray(bytes.length - 600)]);
    },
    expected: 'error',
    messageIncludes: [brokenZip],
  };
  const half = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, Math.floor(bytes.length / 2));
  yield { name: 'an xls cut in half', fileName: 'cut.xls', bytes: () => half(xls()), expected: 'error' };
  yield { name: 'an ods cut in half', fileName: 'cut.ods', bytes: () => half(ods()), expected: 'error', messageIncludes: [brokenZip] };
  yield {
    name: 'an xlsx with bits flipped in its first sheet’s compressed data',
    fileName: 'flipped.xlsx',
    bytes: () => {
      const bytes = xlsx();
      return flipped(bytes, dataOffset(bytes, 'xl/worksheets/sheet1.xml') + 40);
    },
    expected: 'error',
    messageIncludes: ['xl/worksheets/sheet1.xml'],
  };
  yield {
    name: 'an xlsx whose end record counts other entries than it has',
    fileName: 'flipped-count.xlsx',
    bytes: () => {
      const bytes = xlsx();
      return flipped(bytes, bytes.length - 22 + 10, 1);
    },
    expected: 'error',
    messageIncludes: [brokenZip],
  };
  yield { name: 'an xls with bits flipped in its compound-file header', fileName: 'flipped-header.xls', bytes: () => flipped(xls(), 30, 6, 7), expected: 'error' };
  yield { name: 'an xls with bits flipped in its workbook stream', fileName: 'flipped-stream.xls', bytes: () => flipped(xls(), 2048, 40, 61), expected: 'error' };
  yield {
    name: 'an ods with bits flipped in content.xml',
    fileName: 'flipped.ods',
    bytes: () => {
      const bytes = ods();
      return flipped(bytes, dataOffset(bytes, 'content.xml') + 100);
    },
    expected: 'error',
    messageIncludes: ['content.xml'],
  };
  yield {
    name: 'random bytes behind a zip signature',
    fileName: 'noise.xlsx',
    bytes: () => concat([new Uint8Array([0x50, 0x4b, 0x03, 0x04]), noise(50_000, 3)]),
    expected: 'error',
    messageIncludes: [brokenZip],
  };
  yield {
    name: 'random bytes behind a compound-file signature',
    fileName: 'noise.xls',
    bytes: () => concat([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(50_000, 5)]),
    expected: 'error',
  };
  yield { name: 'an empty zip', fileName: 'empty.xlsx', bytes: () => zipParts([]), expected: 'error', messageIncludes: ['中身が ZIP 形式ではありません'] };
  yield {
    name: 'a zip of a text file named .xlsx',
    fileName: 'readme.xlsx',
    bytes: () => zipParts([{ name: 'readme.txt', data: encoder.encode('not a workbook') }]),
    expected: 'error',
    messageIncludes: [noWorkbook],
  };
  yield {
    name: 'a zip holding a zip (Index.zip), which SheetJS would open with no limits',
    fileName: 'nested.xlsx',
    bytes: () => zipParts([{ name: 'Index.zip', data: withBomb(xlsx(), 'xl/worksheets/sheet1.xml', 5_000) }]),
    expected: 'error',
    messageIncludes: [noWorkbook],
  };
  yield {
    name: 'an Apple Numbers document, which SheetJS would decompress with its own snappy',
    fileName: 'numbers.xlsx',
    bytes: () => zipParts([...partsOf(xlsx()), { name: 'Index/Document.iwa', data: noise(1_000, 9) }]),
    expected: 'error',
    messageIncludes: [noWorkbook],
  };

  yield {
    name: 'a zip bomb: 2 GB of zeros declared as 5,000 bytes in the directory and the data descriptor',
    fileName: 'bomb.xlsx',
    bytes: () => withBomb(xlsx(), 'xl/worksheets/sheet1.xml', 5_000),
    expected: 'error',
    messageIncludes: ['xl/worksheets/sheet1.xml', bomb],
  };
  yield {
    name: 'a zip bomb: the local headers and the directory both declare 5,000 bytes',
    fileName: 'bomb-local.xlsx',
    bytes: () =>
      handMadeZip(
        partsOf(xlsx()).map(({ name, data }) =>
          name === 'xl/worksheets/sheet1.xml' ? { name, data: zeroBomb(2 * 1024 * MB).deflated, deflated: true, declaredUncompressed: 5_000 } : { name, data },
        ),
      ),
    expected: 'error',
    messageIncludes: ['xl/worksheets/sheet1.xml', bomb],
  };
  yield {
    name: 'a zip bomb in an ods’s content.xml',
    fileName: 'bomb.ods',
    bytes: () => withBomb(ods(), 'content.xml', 50_000),
    expected: 'error',
    messageIncludes: ['content.xml', bomb],
  };
  yield {
    name: 'a cell of 100 MB',
    fileName: 'big-cell.xlsx',
    bytes: () => {
      const text = encoder.encode('取組概要'.repeat(MB / 12));
      return streamedXlsx(function* () {
        yield encoder.encode('<row r="1"><c r="A1" t="inlineStr"><is><t>');
        for (let written = 0; written <= 100 * MB; written += text.length) yield text;
        yield encoder.encode('</t></is></c></row>');
      });
    },
    expected: 'error',
    messageIncludes: ['xl/worksheets/sheet1.xml', '1 つ 100 MB まで'],
  };
  yield {
    name: 'a million identical rows',
    fileName: 'million-same.xlsx',
    bytes: () => streamedXlsx(() => rowChunks(1_000_000, () => '<row><c t="inlineStr"><is><t>主な取組</t></is></c></row>')),
    expected: 'error',
    messageIncludes: ['圧縮率が高すぎます'],
  };
  yield {
    name: 'a million numbered rows',
    fileName: 'million.xlsx',
    bytes: () => streamedXlsx(() => rowChunks(1_000_000, (number) => `<row r="${number}"><c r="A${number}"><v>${number}</v></c></row>`)),
    expected: 'error',
    messageIncludes: ['行が多すぎます'],
  };
  yield {
    name: 'a million rows by ODS row repetition',
    fileName: 'million.ods',
    bytes: () => rawOds(odsTable('S', `<table:table-row table:number-rows-repeated="1000000">${odsCell('主な取組')}</table:table-row>`)),
    expected: 'error',
    messageIncludes: ['行が多すぎます'],
  };
  yield {
    name: 'an ODS cell repeated over 16,384 columns and 1,048,576 rows',
    fileName: 'repeated.ods',
    bytes: () => rawOds(odsTable('S', `<table:table-row table:number-rows-repeated="1048576">${odsCell('○', 16_384)}</table:table-row>`)),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: 'a million-row CSV',
    fileName: 'million.csv',
    bytes: () => concat([...rowChunks(1_000_000, (number) => `${number}\n`)]),
    expected: 'error',
    messageIncludes: ['行が多すぎます'],
  };
  yield {
    name: 'a CSV of 2.5 million one-letter fields (5 MB)',
    fileName: 'fields.csv',
    bytes: () => encoder.encode('a,'.repeat(2_500_000)),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: '3 million small cells within every zip limit (13 MB)',
    fileName: 'cells.xlsx',
    bytes: () =>
      streamedXlsx(() => rowChunks(150_000, (number) => `<row r="${number}">${Array.from({ length: 20 }, (_, column) => `<c r="${String.fromCharCode(65 + column)}${number}"><v>${number + column}</v></c>`).join('')}</row>`)),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: 'the header row 100,000 times (a CSV of 2.6 MB)',
    fileName: 'headers.csv',
    bytes: () => encoder.encode('主な取組,取組概要\n'.repeat(100_000)),
    expected: 'error',
    messageIncludes: ['取組事業一覧の見出しが多すぎます（1,000 個を超えています）'],
  };
  yield {
    name: 'an .xls whose blank records span 2.56 million cells (5 MB)',
    fileName: 'blanks.xls',
    bytes: () => withBlankRows(xls(), 10_000),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: 'SpreadsheetML 2003 named .xls, one cell merged over the whole sheet (300 bytes)',
    fileName: 'merged.xls',
    bytes: () =>
      encoder.encode(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">' +
          '<Worksheet ss:Name="S"><Table><Row><Cell ss:MergeAcross="16383" ss:MergeDown="1048575"><Data ss:Type="String">主な取組</Data></Cell></Row></Table></Worksheet></Workbook>',
      ),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: 'a flat ODS named .xls, a cell repeated over 16,384 columns and 1,048,576 rows',
    fileName: 'flat.xls',
    bytes: () =>
      encoder.encode(
        '<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
          `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>${odsTable('S', `<table:table-row table:number-rows-repeated="1048576">${odsCell('○', 16_384)}</table:table-row>`)}` +
          '</office:spreadsheet></office:body></office:document>',
      ),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: 'HTML named .xls with 2.1 million cells (21 MB)',
    fileName: 'table.xls',
    bytes: () => encoder.encode(`<html><body><table>${`<tr>${'<td>a</td>'.repeat(1_000)}</tr>`.repeat(2_100)}</table></body></html>`),
    expected: 'error',
    messageIncludes: ['セルが多すぎます'],
  };
  yield {
    name: '5,000 sheets',
    fileName: 'sheets.xlsx',
    bytes: () => {
      const sheets = Array.from({ length: 5_000 }, (_, index) => ({ name: `S${index + 1}` }));
      const parts = Object.fromEntries(sheets.map((_, index) => [`xl/worksheets/sheet${index + 1}.xml`, sheetXml(`<row r="1"><c r="A1"><v>${index}</v></c></row>`)]));
      return rawXlsx({ sheets, parts });
    },
    expected: 'error',
    messageIncludes: ['シートが多すぎます（5,000 枚。1,000 枚まで）'],
  };
  yield {
    name: '5,000 sheets in an ods',
    fileName: 'sheets.ods',
    bytes: () => rawOds(Array.from({ length: 5_000 }, (_, index) => odsTable(`S${index + 1}`, `<table:table-row>${odsCell(String(index))}</table:table-row>`)).join('')),
    expected: 'error',
    messageIncludes: ['シートが多すぎます（5,000 枚。1,000 枚まで）'],
  };
  yield {
    name: '1,000 sheets, each with one cell in row 1,048,576',
    fileName: 'far-rows.xlsx',
    bytes: () => {
      const sheets = Array.from({ length: 1_000 }, (_, index) => ({ name: `S${index + 1}` }));
      const far = sheetXml('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>');
      return rawXlsx({ sheets, parts: Object.fromEntries(sheets.map((_, index) => [`xl/worksheets/sheet${index + 1}.xml`, far])) });
    },
    expected: 'error',
    messageIncludes: ['行が多すぎます'],
  };
  yield {
    name: '1,000 sheets that all point at one 2 MB part',
    fileName: 'shared-part.xlsx',
    bytes: () => {
      const rows = Array.from({ length: 40_000 }, (_, index) => `<row r="${index + 1}"><c r="A${index + 1}"><v>${index}</v></c></row>`).join('');
      const sheets = Array.from({ length: 1_000 }, (_, index) => ({ name: `S${index + 1}`, part: 'xl/worksheets/sheet1.xml' }));
      return rawXlsx({ sheets, parts: { 'xl/worksheets/sheet1.xml': sheetXml(rows) } });
    },
    expected: 'error',
    messageIncludes: ['同じ中身を指しています'],
  };
}
