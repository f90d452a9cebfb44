/**
 * Text as SpreadsheetML carries it. Pure string functions: the writer runs in Node and in a browser worker alike.
 */

/**
 * A text as a cell's string value that every reader gives back unchanged. XML cannot carry most control
 * characters and normalises a carriage return away, and readers decode `_xHHHH_` as an escaped character;
 * all of these are written as `_xHHHH_` escapes (a literal `_x` escapes its underscore, `_x005F_`), as Excel does.
 */
export function excelText(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (match) =>
      match.length > 1 ? `_x005F_${match.slice(1)}` : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
// Characters XML 1.0 cannot hold at all are dropped, as ExcelJS did; excelText has already escaped every one of a cell's.
// eslint-disable-next-line no-control-regex
const XML_SPECIAL = /[&<>"'\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_XML_SPECIAL = new RegExp(XML_SPECIAL.source);

/** A text as XML character data or an attribute value (the five entities; nothing XML forbids). */
export function xmlEscape(text: string): string {
  // Most texts need nothing: testing first keeps them the same string, with no copy.
  if (!HAS_XML_SPECIAL.test(text)) return text;
  return text.replace(XML_SPECIAL, (match) => ENTITIES[match] ?? '');
}

/** A `<t>` element: whitespace at either end or a line break is marked for XML parsers to keep. */
export function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text);
  return preserve ? `<t xml:space="preserve">${xmlEscape(text)}</t>` : `<t>${xmlEscape(text)}</t>`;
}
