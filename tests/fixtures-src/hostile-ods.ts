/** The smallest ODS SheetJS reads: a manifest and content.xml, the tables' XML given whole or streamed in chunks. */
import { zipParts } from './hostile-zip';

const encoder = new TextEncoder();
const NAMESPACES =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';
const HEAD = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NAMESPACES} office:version="1.2"><office:body><office:spreadsheet>`;
const TAIL = '</office:spreadsheet></office:body></office:document-content>';
const MANIFEST =
  '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
  '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
  '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';

/** A table element holding the given rows' XML. */
export const odsTable = (name: string, rows: string): string => `<table:table table:name="${name}">${rows}</table:table>`;

/** A text cell, repeated across columns if asked. */
export const odsCell = (text: string, repeated = 1): string =>
  `<table:table-cell office:value-type="string"${repeated > 1 ? ` table:number-columns-repeated="${repeated}"` : ''}><text:p>${text}</text:p></table:table-cell>`;

export function rawOds(tables: string | (() => Iterable<string>)): Uint8Array {
  const chunks = function* (): Iterable<Uint8Array> {
    yield encoder.encode(HEAD);
    if (typeof tables === 'string') yield encoder.encode(tables);
    else for (const chunk of tables()) yield encoder.encode(chunk);
    yield encoder.encode(TAIL);
  };
  return zipParts([
    { name: 'mimetype', data: encoder.encode('application/vnd.oasis.opendocument.spreadsheet') },
    { name: 'META-INF/manifest.xml', data: encoder.encode(MANIFEST) },
    // SheetJS looks for styles.xml before content.xml.
    { name: 'styles.xml', data: encoder.encode(`<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NAMESPACES} office:version="1.2"/>`) },
    { name: 'content.xml', chunks },
  ]);
}
