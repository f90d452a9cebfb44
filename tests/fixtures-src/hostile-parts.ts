/**
 * Parts crafted into SheetJS-written workbooks for the hostile corpus: entity declarations, an external link, a macro
 * project, a sheet streamed in, raw cell XML, a password-protected compound file, an entry flagged as encrypted.
 */
import * as XLSX from 'xlsx';
import { noise } from './hostile-bytes';
import { concat, rezip } from './hostile-zip';

interface CfbModule {
  utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, data: Uint8Array): void };
  write(container: unknown, options: { type: 'array' }): number[];
}
const CFB = (XLSX as unknown as { CFB: CfbModule }).CFB;

const encoder = new TextEncoder();
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  Array.from({ length: 8 }, (_, index) => `<!ENTITY lol${index + 2} "${`&lol${index + 1};`.repeat(10)}">`).join('') +
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';

/** The XML declaration kept first, the entity declarations right after it. */
export const withLaughs = (xml: string): string => xml.replace(/^(<\?xml[^>]*\?>)/, `$1${LAUGHS}`);

export const bookSst = (workbook: XLSX.WorkBook): Uint8Array =>
  new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer);

/** A sheet added to a SheetJS-written xlsx, its XML streamed from chunks. */
export function withSideSheet(bytes: Uint8Array, name: string, sheetData: () => Iterable<string>): Uint8Array {
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
export const withRawMarks = (xml: string, cells: string): string =>
  xml.replace(/<row r="10"[^>]*>.*?<\/row>/, (row) => row.replace(/<c r="[F-Q]10"[^>]*?(\/>|>.*?<\/c>)/g, '').replace('</row>', `${cells}</row>`));

export function withExternalLink(bytes: Uint8Array): Uint8Array {
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
export function withMacros(bytes: Uint8Array): Uint8Array {
  const project = CFB.utils.cfb_new();
  CFB.utils.cfb_add(project, 'VBA/ThisWorkbook', encoder.encode('Attribute VB_Name = "ThisWorkbook"\nSub Workbook_Open()\nShell "calc.exe"\nEnd Sub'));
  CFB.utils.cfb_add(project, 'PROJECT', encoder.encode('ID="{00000000-0000-0000-0000-000000000000}"'));
  const vba = new Uint8Array(CFB.write(project, { type: 'array' }));
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
export function passwordProtected(): Uint8Array {
  const container = CFB.utils.cfb_new();
  const info = concat([
    new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]),
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">' +
        '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
        '</encryption>',
    ),
  ]);
  CFB.utils.cfb_add(container, '\u0006DataSpaces/Version', concat([new Uint8Array([0x3c, 0, 0, 0]), encoder.encode('Microsoft.Container.DataSpaces'), new Uint8Array(12)]));
  CFB.utils.cfb_add(container, 'EncryptionInfo', info);
  CFB.utils.cfb_add(container, 'EncryptedPackage', concat([new Uint8Array([0x00, 0x40, 0, 0, 0, 0, 0, 0]), noise(16_384, 21)]));
  return new Uint8Array(CFB.write(container, { type: 'array' }));
}

/** A local header's flags with the "encrypted" bit set, as old zip tools write a password-protected entry. */
export function withEncryptedEntry(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice();
  copy[6] = (copy[6] ?? 0) | 1;
  return copy;
}
