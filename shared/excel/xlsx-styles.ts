import { PRINT_FONT_SIZE } from './row-height';

/**
 * The workbook's style table (xl/styles.xml), fixed: one cell format for each combination of font, alignment
 * and borders the annex layout uses. A cell names its format by index, so a row's XML is built from numbers
 * looked up once per column.
 */

export type Edge = 'thin' | 'medium';
/** A cell's left and right borders; top and bottom are always thin. */
export type Edges = `${Edge}-${Edge}`;
export type Weight = 'plain' | 'bold';
export type Look = 'title' | 'header' | 'vertical' | 'text' | 'centredText' | 'mark' | 'structure';
/**
 * Locked is every cell's default (it matters only on a protected sheet); unlocked is a cell a section may edit in a
 * protected sheet; flagged is an unlocked cell filled in a highlight colour, where a problem is explained.
 */
export type Variant = 'locked' | 'unlocked' | 'flagged';

const ALIGNMENT: Record<Look, string> = {
  // One line at the top of the sheet; it may run over the columns to its right.
  title: '<alignment horizontal="left" vertical="center"/>',
  header: '<alignment horizontal="center" vertical="center" wrapText="1"/>',
  // 255 is 縦書き: characters stacked top to bottom; renderers never wrap it, so wrapText stays off.
  vertical: '<alignment horizontal="center" vertical="top" textRotation="255"/>',
  text: '<alignment horizontal="left" vertical="center" wrapText="1"/>',
  centredText: '<alignment horizontal="center" vertical="center" wrapText="1"/>',
  mark: '<alignment horizontal="center" vertical="center"/>',
  structure: '<alignment horizontal="left" vertical="top" wrapText="1"/>',
};

const EDGES: readonly Edges[] = ['thin-thin', 'thin-medium', 'medium-thin', 'medium-medium'];

// Font 0 is the workbook default, Calibri 11 from the theme: Excel's column width unit is its digit width.
const FONTS = [
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>',
  `<font><b/><charset val="128"/><sz val="${PRINT_FONT_SIZE}"/><name val="BIZ UDPGothic"/></font>`,
  `<font><charset val="128"/><sz val="${PRINT_FONT_SIZE}"/><name val="BIZ UDPGothic"/></font>`,
];
const FONT_ID: Record<Weight, number> = { bold: 1, plain: 2 };

const side = (name: string, edge: Edge): string => `<${name} style="${edge}"/>`;
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  ...EDGES.map((edges) => {
    const [left, right] = edges.split('-') as [Edge, Edge];
    return `<border>${side('left', left)}${side('right', right)}${side('top', 'thin')}${side('bottom', 'thin')}<diagonal/></border>`;
  }),
];
const borderId = (border: Edges | 'none'): number => (border === 'none' ? 0 : EDGES.indexOf(border) + 1);

function cellFormat([weight, look, border]: readonly [Weight, Look, Edges | 'none']): string {
  const bordered = border !== 'none';
  return (
    `<xf numFmtId="0" fontId="${FONT_ID[weight]}" fillId="0" borderId="${borderId(border)}" xfId="0" applyFont="1"` +
    `${bordered ? ' applyBorder="1"' : ''} applyAlignment="1">${ALIGNMENT[look]}</xf>`
  );
}

/**
 * Every format the layout needs. The first ones in the order the earlier writer met them on the 2024 annex, so
 * that its sheets keep their bytes; then the rest, such as a vision of one column with heavy lines on both sides.
 */
const FORMATS: readonly (readonly [Weight, Look, Edges | 'none'])[] = [
  ['bold', 'title', 'none'],
  ['plain', 'header', 'thin-thin'],
  ['plain', 'header', 'thin-medium'],
  ['plain', 'header', 'medium-thin'],
  ['plain', 'header', 'none'],
  ['plain', 'vertical', 'medium-thin'],
  ['plain', 'vertical', 'thin-thin'],
  ['plain', 'vertical', 'thin-medium'],
  ['plain', 'mark', 'thin-thin'],
  ['plain', 'text', 'thin-thin'],
  ['plain', 'text', 'thin-medium'],
  ['plain', 'mark', 'medium-thin'],
  ['plain', 'mark', 'thin-medium'],
  ['plain', 'text', 'none'],
  ['bold', 'structure', 'none'],
  ['plain', 'structure', 'none'],
  ...(['header', 'vertical', 'mark', 'centredText', 'text'] as const).flatMap((look) => EDGES.map((edges) => ['plain', look, edges] as const)),
];

const formatKey = (weight: Weight, look: Look, border: Edges | 'none', variant: Variant = 'locked'): string =>
  `${weight}|${look}|${border}${variant === 'locked' ? '' : `|${variant}`}`;

/** The cellXfs entries, each distinct one once (centred text looks like a header cell), and each format's index. */
const CELL_XFS: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
const FORMAT_INDEX = new Map<string, number>();
for (const format of FORMATS) {
  const xml = cellFormat(format);
  let index = CELL_XFS.indexOf(xml);
  if (index < 0) index = CELL_XFS.push(xml) - 1;
  FORMAT_INDEX.set(formatKey(...format), index);
}

/** The fill of flagged cells: a light yellow that prints legibly in black and white. */
const FLAG_FILL = '<fill><patternFill patternType="solid"><fgColor rgb="FFFFE699"/><bgColor indexed="64"/></patternFill></fill>';
const FLAG_FILL_ID = 2;

/**
 * The variants of the data cells' formats, after all the others: a workbook that uses none of them (an export)
 * writes the table without them, so its styles part stays as it was.
 */
const VARIANT_XFS: string[] = [];
for (const look of ['text', 'centredText', 'mark'] as const) {
  for (const edges of EDGES) {
    for (const variant of ['unlocked', 'flagged'] as const) {
      const fill = variant === 'flagged' ? ` fillId="${FLAG_FILL_ID}" applyFill="1"` : ' fillId="0"';
      const xml = cellFormat(['plain', look, edges])
        .replace(' fillId="0"', fill)
        .replace(' applyAlignment="1">', ' applyAlignment="1" applyProtection="1">')
        .replace('</xf>', '<protection locked="0"/></xf>');
      FORMAT_INDEX.set(formatKey('plain', look, edges, variant), CELL_XFS.length + VARIANT_XFS.length);
      VARIANT_XFS.push(xml);
    }
  }
}

/** The `s` attribute of a cell with this font weight, alignment and borders (and variant: only in a workbook written with variants). */
export function styleIndex(weight: Weight, look: Look, border: Edges | 'none', variant: Variant = 'locked'): number {
  const index = FORMAT_INDEX.get(formatKey(weight, look, border, variant));
  // A combination missing from the table is a bug in the writer, never in the document.
  if (index === undefined) throw new Error(`no cell format for ${formatKey(weight, look, border, variant)}`);
  return index;
}

/** xl/styles.xml: small and the same for every document; with `variants`, the unlocked and flagged formats too. */
export function stylesXml(variants = false): string {
  const formats = variants ? [...CELL_XFS, ...VARIANT_XFS] : CELL_XFS;
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>', ...(variants ? [FLAG_FILL] : [])];
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">' +
    `<fonts count="${FONTS.length}" x14ac:knownFonts="1">${FONTS.join('')}</fonts>` +
    `<fills count="${fills.length}">${fills.join('')}</fills>` +
    `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${formats.length}">${formats.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext>' +
    '<ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst>' +
    '</styleSheet>'
  );
}
