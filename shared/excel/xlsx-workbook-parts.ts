import { xmlEscape } from './xml-escape';

/**
 * The package's small parts: content types, relationships, document properties and xl/workbook.xml with its
 * sheet list and the print names. Each is a short string built from the sheet names alone.
 */

export interface WorkbookSheet {
  readonly name: string;
  /** `_xlnm.Print_Area`: a range such as A1:Q85, without `$`. */
  readonly printArea?: string;
  /** `_xlnm.Print_Titles`: rows such as 1:9, repeated at the top of every printed page. */
  readonly printTitleRows?: string;
  /** Hidden from the tabs (a workbook's own data, such as a submission's fingerprint); never the first sheet. */
  readonly hidden?: boolean;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const OFFICE_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const SPREADSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

/** Paths of the parts inside the package. */
export const PART = {
  contentTypes: '[Content_Types].xml',
  rootRels: '_rels/.rels',
  app: 'docProps/app.xml',
  core: 'docProps/core.xml',
  workbook: 'xl/workbook.xml',
  workbookRels: 'xl/_rels/workbook.xml.rels',
  styles: 'xl/styles.xml',
  theme: 'xl/theme/theme1.xml',
  sharedStrings: 'xl/sharedStrings.xml',
  sheet: (index: number): string => `xl/worksheets/sheet${index + 1}.xml`,
} as const;

export function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) => `<Override PartName="/${PART.sheet(index)}" ContentType="${SPREADSHEET_TYPE}.worksheet+xml"/>`,
  ).join('');
  return (
    XML_DECLARATION +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/${PART.workbook}" ContentType="${SPREADSHEET_TYPE}.sheet.main+xml"/>` +
    sheets +
    `<Override PartName="/${PART.theme}" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>` +
    `<Override PartName="/${PART.styles}" ContentType="${SPREADSHEET_TYPE}.styles+xml"/>` +
    `<Override PartName="/${PART.sharedStrings}" ContentType="${SPREADSHEET_TYPE}.sharedStrings+xml"/>` +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `<Override PartName="/${PART.core}" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/${PART.app}" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    '</Types>'
  );
}

export function rootRelsXml(): string {
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PACKAGE_RELS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_RELS}/officeDocument" Target="${PART.workbook}"/>` +
    `<Relationship Id="rId2" Type="${PACKAGE_RELS}/metadata/core-properties" Target="${PART.core}"/>` +
    `<Relationship Id="rId3" Type="${OFFICE_RELS}/extended-properties" Target="${PART.app}"/>` +
    '</Relationships>'
  );
}

/** Relationship ids of the workbook: styles, theme and strings first, then one per sheet. */
const sheetRelId = (index: number): string => `rId${index + 4}`;

export function workbookRelsXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) => `<Relationship Id="${sheetRelId(index)}" Type="${OFFICE_RELS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`,
  ).join('');
  return (
    XML_DECLARATION +
    `<Relationships xmlns="${PACKAGE_RELS}">` +
    `<Relationship Id="rId1" Type="${OFFICE_RELS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${OFFICE_RELS}/theme" Target="theme/theme1.xml"/>` +
    `<Relationship Id="rId3" Type="${OFFICE_RELS}/sharedStrings" Target="sharedStrings.xml"/>` +
    sheets +
    '</Relationships>'
  );
}

export function appXml(sheetNames: readonly string[]): string {
  const titles = sheetNames.map((name) => `<vt:lpstr>${xmlEscape(name)}</vt:lpstr>`).join('');
  return (
    XML_DECLARATION +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheetNames.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheetNames.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    '<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>' +
    '<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

export function coreXml(creator: string, when: Date): string {
  // W3CDTF without milliseconds, as Excel writes it.
  const time = `${when.toISOString().slice(0, 19)}Z`;
  return (
    XML_DECLARATION +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${xmlEscape(creator)}</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description>` +
    '<cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A sheet-qualified reference: the name quoted (a quote doubled), `$` before each column and row. */
function sheetReference(name: string, range: string): string {
  const absolute = range
    .split(':')
    .map((end) => end.replace(/^([A-Z]*)(\d*)$/, (_, letters: string, digits: string) => `${letters ? `$${letters}` : ''}${digits ? `$${digits}` : ''}`))
    .join(':');
  return `'${name.replace(/'/g, "''")}'!${absolute}`;
}

export function workbookXml(sheets: readonly WorkbookSheet[]): string {
  const list = sheets
    .map((sheet, index) => `<sheet sheetId="${index + 1}" name="${xmlEscape(sheet.name)}" state="${sheet.hidden ? 'hidden' : 'visible'}" r:id="${sheetRelId(index)}"/>`)
    .join('');
  const names = sheets
    .flatMap((sheet, index) => [
      ...(sheet.printArea ? [`<definedName name="_xlnm.Print_Area" localSheetId="${index}">${xmlEscape(sheetReference(sheet.name, sheet.printArea))}</definedName>`] : []),
      ...(sheet.printTitleRows
        ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${xmlEscape(sheetReference(sheet.name, sheet.printTitleRows))}</definedName>`]
        : []),
    ])
    .join('');
  return (
    XML_DECLARATION +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_RELS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
    `<sheets>${list}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="171027"/></workbook>'
  );
}
