import type { PartWriter } from './xlsx-zip-stream';
import { textElement } from './xml-escape';

/**
 * The shared-string table (xl/sharedStrings.xml): each distinct text once, cells refer to it by index. It is
 * written after the sheets, which is when it is complete; it holds references to texts the document already
 * holds, so it costs a map entry a distinct text.
 */
export class SharedStrings {
  private readonly indices = new Map<string, number>();
  private references = 0;

  /** The index of a cell text (already through excelText); a new text joins the table. */
  indexOf(text: string): number {
    this.references += 1;
    let index = this.indices.get(text);
    if (index === undefined) {
      index = this.indices.size;
      this.indices.set(text, index);
    }
    return index;
  }

  /** Streams the table into its part; a Map iterates in insertion order, which is index order. */
  write(part: PartWriter): void {
    part.write(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${this.indices.size}">`,
    );
    for (const text of this.indices.keys()) part.write(`<si>${textElement(text)}</si>`);
    part.write('</sst>');
  }
}
