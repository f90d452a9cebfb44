/**
 * Hostile and wrong content in well-formed containers: formulas and external links, macros, password protection, XML
 * entity tricks, names such as __proto__, invalid UTF-8 in CSV, and the annex's layout with every kind of wrong cell.
 */
import * as XLSX from 'xlsx';
import type { AnnexDocument } from '../../shared/model/annex-document';
import { addressOf, ODD_CELLS, WRONG_MARKS, wrongCellWorkbook, type WrongCell } from './hostile-cells';
import type { HostileCase } from './hostile-corpus';
import { noise } from './hostile-corpus-containers';
import { concat, rezip } from './hostile-zip';
import { annexTablePart, annexWorkbook, csvWithBom, placeParts, sheetOf, structureSheet, workbookOf, writeWorkbook } from './make-import-fixtures';

const encoder = new TextEncoder();
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CITY = '旭川市';

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, index) => `<!ENTITY lol${index + 2} "${`&lol${index + 1};`.repeat(10)}">`).join('') +
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** The XML declaration kept first, the entity declarations right after it. */
const withLaughs = (xml: string): string => xml.replace(/^(<\?xml[^>]*\?>)/, `$1${LAUGHS}`);

const bookSst = (workbook: XLSX.WorkBook): Uint8Array =>
  new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);

/** The annex as CSV text of its city table, as Excel's 「CSV UTF-8」 writes it. */
const cityCsv = (document: AnnexDocument): Uint8Array => csvWithBom(sheetOf(placeParts([annexTablePart(document, 'city')])));

/** Where each located problem is said: 「file シート「旭川市」 セル F10: what」. */
const located = (document: AnnexDocument, cells: readonly WrongCell[], extension: string): string[] =>
  cells
    .filter((wrong) => wrong.says !== undefined && !wrong.notIn?.some((format) => format === extension))
    .map((wrong) => `シート「${CITY}」 セル ${addressOf(document, wrong)}: ${wrong.says ?? ''}`);

/** A sheet added to a SheetJS-written xlsx, its XML streamed from chunks. */
function withSideSheet(bytes: Uint8Array, name: string, sheetData: () => Iterable<string>): Uint8Array {
  const part = 'xl/worksheets/side.xml';
  return rezip(
    bytes,
    {
      'xl/workbook.xml': (xml) => xml.replace('</sheets>', `<sheet name="${name}" sheetId="99" r:id="rIdSide"/></sheets>`),
      'xl/_rels/workbook.xml.rels': (xml) => xml.replace('</Relationships>', `<Relationship Id="rIdSide" Type="${REL}/worksheet" Target="worksheets/side.xml"/></Relationships>`),
      '[Content_Types].xml': (xml) =>
        xml.replace('</Types>', `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    },
    [
      {
        name: part,
        chunks: function* () {
          yield encoder.encode('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
          for (const chunk of sheetData()) yield encoder.encode(chunk);
          yield encoder.encode('</sheetData></worksheet>');
        },
      },
    ],
  );
}

/** Row 10 (the first city row) with its ○ cells F–Q replaced by raw cell XML. */
const withRawMarks = (xml: string, cells: string): string =>
  xml.replace(/<row r="10"[^>]*>.*?<\/row>/, (row) => row.replace(/<c r="[F-Q]10"[^>]*?(\/>|>.*?<\/c>)/g, '').replace('</row>', `${cells}</row>`));

function withExternalLink(bytes: Uint8Array): Uint8Array {
  const link =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<externalBook xmlns:r="${REL}" r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>` +
    '<sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>○</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>';
  const linkRels =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/externalLinkPath" Target="file:///C:/secret/other.xlsx" TargetMode="External"/></Relationships>`;
  return rezip(
    bytes,
    {
      'xl/workbook.xml': (xml) => xml.replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rIdLink"/></externalReferences>'),
      'xl/_rels/workbook.xml.rels': (xml) =>
        xml.replace('</Relationships>', `<Relationship Id="rIdLink" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>`),
      '[Content_Types].xml': (xml) =>
        xml.replace(
          '</Types>',
          '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>',
        ),
    },
    [
      { name: 'xl/externalLinks/externalLink1.xml', data: encoder.encode(link) },
      { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: encoder.encode(linkRels) },
    ],
  );
}

/** A macro-enabled workbook: a vbaProject.bin (a compound file with a module) and the content types that name it. */
function withMacros(bytes: Uint8Array): Uint8Array {
  const cfb = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Uint8Array): void }; write(c: unknown, o: object): number[] } }).CFB;
  const project = cfb.utils.cfb_new();
  cfb.utils.cfb_add(project, 'VBA/ThisWorkbook', encoder.encode('Attribute VB_Name = "ThisWorkbook"\nSub Workbook_Open()\nShell "calc.exe"\nEnd Sub'));
  cfb.utils.cfb_add(project, 'PROJECT', encoder.encode('ID="{00000000-0000-0000-0000-000000000000}"'));
  const vba = new Uint8Array(cfb.write(project, { type: 'array' }));
  return rezip(
    bytes,
    {
      'xl/_rels/workbook.xml.rels': (xml) =>
        xml.replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
      '[Content_Types].xml': (xml) =>
        xml
          .replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml')
          .replace('</Types>', '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    },
    [{ name: 'xl/vbaProject.bin', data: vba }],
  );
}

/** What Excel writes for a password-protected workbook: a compound file of EncryptionInfo and EncryptedPackage. */
function passwordProtected(): Uint8Array {
  const cfb = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Uint8Array): void }; write(c: unknown, o: object): number[] } }).CFB;
  const container = cfb.utils.cfb_new();
  const info = concat([
    new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
        '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
        '</encryption>',
    ),
  ]);
  cfb.utils.cfb_add(container, '\u0006DataSpaces/Version', concat([new Uint8Array([0x3c, 0, 0, 0]), encoder.encode('Microsoft.Container.DataSpaces'), new Uint8Array(12)]));
  cfb.utils.cfb_add(container, 'EncryptionInfo', info);
  cfb.utils.cfb_add(container, 'EncryptedPackage', concat([new Uint8Array([0x00, 0x40, 0, 0, 0, 0, 0, 0]), noise(16_384, 21)]));
  return new Uint8Array(cfb.write(container, { type: 'array' }));
}

/** A local header's flags with the "encrypted" bit set, as old zip tools write a password-protected entry. */
function withEncryptedEntry(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[6] = (copy[6] ?? 0) | 1;
  return copy;
}

export function* contentCases(base: AnnexDocument): Generator<HostileCase> {
  const xlsx = (): Uint8Array => writeWorkbook(annexWorkbook(base));
  const formulaWarning = '数式のセルです。計算はせず、保存されている値';
  const badMark = 'は○として読めません';
  const formulas = annexWorkbook(base, {
    layout: {
      cell: (index, column) =>
        index === 0 && column === 'v1-1'
          ? { t: 's', v: '○', f: '[1]Sheet1!A1' }
          : index === 1 && column === 'summary'
            ? { t: 's', v: base.tables.city.rows[1]?.summary ?? '', f: `cmd|' /C calc'!A0` }
            : undefined,
    },
  });

  yield {
    name: 'formulas that read another workbook, with its external link part, and a DDE formula',
    fileName: 'links.xlsx',
    bytes: () => withExternalLink(writeWorkbook(formulas)),
    expected: 'ok-with-warnings',
    messageIncludes: [`シート「${CITY}」 セル F10: ${formulaWarning}「○」を使います`, `シート「${CITY}」 セル E11: ${formulaWarning}`],
  };
  yield { name: 'an .xlsm with a macro', fileName: 'macro.xlsm', bytes: () => withMacros(xlsx()), expected: 'error', messageIncludes: ['この形式は読めません'] };
  yield { name: 'a macro workbook renamed .xlsx: read, its macro never run', fileName: 'macro.xlsx', bytes: () => withMacros(xlsx()), expected: 'ok', readsAsBase: true };
  yield { name: 'a password-protected workbook', fileName: 'locked.xlsx', bytes: passwordProtected, expected: 'error', messageIncludes: ['パスワードで保護されたファイルは読めません'] };
  yield { name: 'a password-protected workbook named .xls', fileName: 'locked.xls', bytes: passwordProtected, expected: 'error', messageIncludes: ['パスワードで保護されたファイルは読めません'] };
  yield {
    name: 'a zip entry flagged as encrypted',
    fileName: 'encrypted-entry.xlsx',
    bytes: () => withEncryptedEntry(xlsx()),
    expected: 'error',
    messageIncludes: ['パスワードで保護されたファイルは読めません'],
  };

  yield {
    name: 'entity expansion (billion laughs) and an external entity in a sheet',
    fileName: 'laughs.xlsx',
    bytes: () =>
      rezip(xlsx(), {
        'xl/worksheets/sheet1.xml': (xml) =>
          withRawMarks(withLaughs(xml), '<c r="F10" t="inlineStr"><is><t>&lol9;</t></is></c><c r="G10" t="inlineStr"><is><t>&xxe;</t></is></c>'),
      }),
    expected: 'error',
    messageIncludes: [`シート「${CITY}」 セル F10: 「&lol9;」${badMark}`, `シート「${CITY}」 セル G10: 「&xxe;」${badMark}`],
  };
  yield {
    name: 'entity expansion in the shared strings',
    fileName: 'laughs-sst.xlsx',
    bytes: () => rezip(bookSst(annexWorkbook(base)), { 'xl/sharedStrings.xml': (xml) => withLaughs(xml).replace('<si><t>○</t></si>', '<si><t>&lol9;</t></si>') }),
    expected: 'error',
    messageIncludes: [`「&lol9;」${badMark}`],
  };
  yield {
    name: 'entity expansion in an ods’s content.xml',
    fileName: 'laughs.ods',
    bytes: () => rezip(writeWorkbook(annexWorkbook(base), 'ods'), { 'content.xml': (xml) => withLaughs(xml).replace('<text:p>○</text:p>', '<text:p>&lol9;</text:p>') }),
    expected: 'error',
    messageIncludes: [`「&lol9;」${badMark}`],
  };

  const protoBook = (): XLSX.WorkBook =>
    workbookOf([
      ['prototype', sheetOf(placeParts([annexTablePart(base, 'city', { header: (what, id, text) => (what === 'concept' && id === 'v2-1' ? 'constructor' : text) })]))],
      ['__proto__', sheetOf(placeParts([annexTablePart(base, 'council')]))],
    ]);
  const protoSays = 'シート「prototype」 セル I8: 列 I: 見出し「constructor」';
  yield { name: 'sheets named prototype and __proto__, a column headed constructor', fileName: 'proto.xlsx', bytes: () => writeWorkbook(protoBook()), expected: 'error', messageIncludes: [protoSays] };
  yield { name: 'the same as .xls', fileName: 'proto.xls', bytes: () => writeWorkbook(protoBook(), 'biff8'), expected: 'error', messageIncludes: [protoSays] };
  yield { name: 'the same as .ods', fileName: 'proto.ods', bytes: () => writeWorkbook(protoBook(), 'ods'), expected: 'error', messageIncludes: [protoSays] };
  const protoValues = (index: number, column: string): string | undefined =>
    index === 0 ? ({ departments: '__proto__', sections: 'constructor', title: 'prototype', summary: '__proto__' } as Record<string, string>)[column] : undefined;
  yield {
    name: 'cells saying __proto__, constructor and prototype',
    fileName: 'proto-cells.xlsx',
    bytes: () => writeWorkbook(annexWorkbook(base, { layout: { cell: protoValues }, councilLayout: {} })),
    expected: 'ok',
  };
  yield {
    name: 'custom properties and defined names called __proto__, constructor and prototype',
    fileName: 'proto-props.xlsx',
    bytes: () => {
      const custom =
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        ['__proto__', 'constructor', 'prototype', 'polluted']
          .map((name, index) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${index + 2}" name="${name}"><vt:lpwstr>yes</vt:lpwstr></property>`)
          .join('') +
        '</Properties>';
      const names = ['__proto__', 'constructor', 'prototype'].map((name) => `<definedName name="${name}">'${CITY}'!$A$1</definedName>`).join('');
      return rezip(
        xlsx(),
        {
          'xl/workbook.xml': (xml) => xml.replace('</sheets>', `</sheets><definedNames>${names}</definedNames>`),
          '_rels/.rels': (xml) =>
            xml.replace('</Relationships>', `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>`),
          '[Content_Types].xml': (xml) =>
            xml.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'),
        },
        [{ name: 'docProps/custom.xml', data: encoder.encode(custom) }],
      );
    },
    expected: 'ok',
    readsAsBase: true,
  };
  yield {
    name: 'a 構造 sheet whose master has a 部 called __proto__ with a 課 called constructor',
    fileName: 'proto-structure.xlsx',
    bytes: () => {
      const masters = { departments: [...base.masters.departments, { name: '__proto__', sections: ['constructor'] }] };
      const workbook = annexWorkbook({ ...base, masters });
      XLSX.utils.book_append_sheet(workbook, structureSheet({ ...base, masters }), '構造');
      return writeWorkbook(workbook);
    },
    expected: 'ok',
  };
  yield {
    name: 'a 構造 sheet with one cell at XFD150000',
    fileName: 'far-structure.xlsx',
    bytes: () =>
      rezip(writeWorkbook(annexWorkbook(base, { structure: true })), {
        'xl/worksheets/sheet3.xml': (xml) => xml.replace('</sheetData>', '<row r="150000"><c r="XFD150000"><v>1</v></c></row></sheetData>').replace(/<dimension ref="[^"]*"\/>/, ''),
      }),
    expected: 'ok',
    readsAsBase: true,
  };
  yield {
    name: 'a CSV with a column headed __proto__',
    fileName: 'proto.csv',
    bytes: () => {
      const part = annexTablePart(base, 'city');
      return csvWithBom(sheetOf({ ...part, cells: part.cells.map((row, index) => (index === 1 ? [...row, '__proto__'] : [...row])) }));
    },
    expected: 'error',
    messageIncludes: ['セル R2: 列 R: 見出し「__proto__」に当たる○の列が構造にありません'],
  };

  const csvBody = (): Uint8Array => cityCsv(base).subarray(3);
  const spliced = (bytes: Uint8Array, at: number, inserted: readonly number[]): Uint8Array =>
    concat([bytes.subarray(0, at), new Uint8Array(inserted), bytes.subarray(at)]);
  yield {
    name: 'a CSV with a UTF-8 byte-order mark and a byte that is not UTF-8',
    fileName: 'bom-invalid.csv',
    bytes: () => concat([new Uint8Array([0xef, 0xbb, 0xbf]), spliced(csvBody(), 2_000, [0xff])]),
    expected: 'error',
    messageIncludes: ['UTF-8 の印（BOM）がありますが、UTF-8 として読めない文字があります'],
  };
  yield { name: 'a UTF-8 CSV with a lone continuation byte', fileName: 'lone.csv', bytes: () => spliced(csvBody(), 2_000, [0x80]), expected: 'error' };
  yield { name: 'a UTF-8 CSV with an overlong slash and an encoded surrogate', fileName: 'overlong.csv', bytes: () => spliced(csvBody(), 2_000, [0xc0, 0xaf, 0xed, 0xa0, 0x80]), expected: 'error' };
  yield {
    name: 'a UTF-16 CSV cut in the middle of a character',
    fileName: 'odd.csv',
    bytes: () => concat([new Uint8Array([0xff, 0xfe]), new Uint8Array(new Uint16Array([...'通し番号,主な取組,取組概要'].map((c) => c.charCodeAt(0))).buffer), new Uint8Array([0x41])]),
    expected: 'error',
    messageIncludes: ['UTF-16 として読めない文字があります'],
  };

  for (const bookType of ['xlsx', 'biff8', 'ods'] as const) {
    const extension = bookType === 'biff8' ? 'xls' : bookType;
    yield {
      name: `the annex with cells no ○ column can hold (.${extension})`,
      fileName: `wrong-marks.${extension}`,
      bytes: () => writeWorkbook(wrongCellWorkbook(base, WRONG_MARKS), bookType),
      expected: 'error',
      messageIncludes: located(base, WRONG_MARKS, extension),
    };
    yield {
      name: `the annex with odd but readable cells (.${extension})`,
      fileName: `odd-cells.${extension}`,
      bytes: () => writeWorkbook(wrongCellWorkbook(base, ODD_CELLS), bookType),
      expected: 'ok-with-warnings',
      messageIncludes: located(base, ODD_CELLS, extension),
    };
  }
  yield {
    name: 'rich-text ○ and a summary with phonetic guides (furigana)',
    fileName: 'rich.xlsx',
    bytes: () =>
      rezip(bookSst(annexWorkbook(base)), {
        'xl/sharedStrings.xml': (xml) =>
          xml
            .replace('<si><t>○</t></si>', '<si><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>○</t></r></si>')
            .replace(/<si><t>([^<]{20,})<\/t><\/si>/, '<si><r><t>$1</t></r><rPh sb="0" eb="2"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>'),
      }),
    expected: 'ok',
    readsAsBase: true,
  };
  yield {
    name: 'cells whose XML lies: NaN, 1e999, a date that is none, an unknown error, a boolean 2, an unknown type',
    fileName: 'raw-cells.xlsx',
    bytes: () =>
      rezip(xlsx(), {
        'xl/worksheets/sheet1.xml': (xml) =>
          withRawMarks(
            xml,
            '<c r="F10"><v>NaN</v></c><c r="G10"><v>1e999</v></c><c r="H10" t="d"><v>not a date</v></c><c r="I10" t="e"><v>#BOGUS!</v></c>' +
              '<c r="J10" t="b"><v>2</v></c><c r="K10" t="x"><v>○</v></c>',
          ),
      }),
    expected: 'error',
    messageIncludes: ['F10: 「#NUM!」', 'G10: 「#NUM!」', 'H10: 「#NUM!」', 'I10: 「#ERROR」'].map((text) => `シート「${CITY}」 セル ${text}${badMark}`),
  };
  yield {
    name: 'a shared string past the end of the table, which SheetJS answers by dropping the sheet',
    fileName: 'lost-sheet.xlsx',
    bytes: () => rezip(xlsx(), { 'xl/worksheets/sheet1.xml': (xml) => withRawMarks(xml, '<c r="F10" t="s"><v>99999</v></c>') }),
    expected: 'error',
    messageIncludes: [`シート「${CITY}」が壊れていて読めません`],
  };
  yield {
    name: 'a side sheet of 150,000 rows each reaching column XFD',
    fileName: 'wide.xlsx',
    bytes: () =>
      withSideSheet(xlsx(), 'メモ', function* () {
        for (let row = 1; row <= 150_000; row += 1000) {
          yield Array.from({ length: 1000 }, (_, offset) => `<row r="${row + offset}"><c r="XFD${row + offset}"><v>${row + offset}</v></c></row>`).join('');
        }
      }),
    expected: 'ok',
    readsAsBase: true,
  };
}
