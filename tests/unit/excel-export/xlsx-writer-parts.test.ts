import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtinAnnex } from '../../../shared/builtin-annex';
import { writeAnnexWorkbook } from '../../../shared/excel/write-annex-workbook';
import { styleIndex, stylesXml, type Edges, type Look } from '../../../shared/excel/xlsx-styles';
import { createZipStream } from '../../../shared/excel/xlsx-zip-stream';
import { textElement, xmlEscape } from '../../../shared/excel/xml-escape';
import { projectRoot } from '../support/paths';

describe('createZipStream', () => {
  it('stores each part whole and in order, however it was cut into writes', () => {
    const zip = createZipStream();
    // Past the piece size, with surrogate pairs throughout; each write whole characters, as XML pieces are.
    const long = '地域福祉😀'.repeat(20_000);
    const first = zip.part('a.xml');
    for (let i = 0; i < 10; i++) first.write(long.slice(i * 12_000, (i + 1) * 12_000));
    first.close();
    const second = zip.part('dir/b.xml');
    second.write('<b/>');
    second.close();
    const files = unzipSync(zip.finish());
    expect(Object.keys(files)).toEqual(['a.xml', 'dir/b.xml']);
    expect(strFromU8(files['a.xml'] as Uint8Array)).toBe(long);
    expect(strFromU8(files['dir/b.xml'] as Uint8Array)).toBe('<b/>');
  });

  it('refuses a part opened while another is open, and finishing with a part open', () => {
    const zip = createZipStream();
    zip.part('a.xml');
    expect(() => zip.part('b.xml')).toThrow(/before the previous part was closed/);
    expect(() => zip.finish()).toThrow(/still open/);
  });
});

describe('xml escaping', () => {
  it('escapes the five entities, drops what XML 1.0 cannot hold, keeps the rest as it is', () => {
    expect(xmlEscape(`&<>"' ]]>`)).toBe('&amp;&lt;&gt;&quot;&apos; ]]&gt;');
    expect(xmlEscape('a\u0001b\u000Bc\uFFFEd\uD800e')).toBe('abcde');
    const kept = '改行\nタブ\tCR\r絵文字😀異体字葛󠄀';
    expect(xmlEscape(kept)).toBe(kept);
  });

  it('marks a text with outer whitespace (full-width included) or a line break for XML to keep', () => {
    expect(textElement('地域')).toBe('<t>地域</t>');
    expect(textElement('　全角')).toBe('<t xml:space="preserve">　全角</t>');
    expect(textElement('末尾 ')).toBe('<t xml:space="preserve">末尾 </t>');
    expect(textElement('一\n二')).toBe('<t xml:space="preserve">一\n二</t>');
    expect(textElement('a<b')).toBe('<t>a&lt;b</t>');
  });
});

describe('the style table', () => {
  const looks: Look[] = ['header', 'vertical', 'mark', 'centredText', 'text'];
  const edges: Edges[] = ['thin-thin', 'thin-medium', 'medium-thin', 'medium-medium'];
  const formats = [...stylesXml().matchAll(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/g)][0];
  const entries = formats?.[2]?.match(/<xf [^>]*?(?:\/>|>.*?<\/xf>)/g) ?? [];

  it('has a distinct format for every look and edge pair the layout can ask for, each within the table', () => {
    expect(Number(formats?.[1])).toBe(entries.length);
    expect(new Set(entries).size).toBe(entries.length);
    for (const look of looks) {
      for (const edge of edges) {
        const index = styleIndex('plain', look, edge);
        expect(index, `${look} ${edge}`).toBeGreaterThan(0);
        expect(index, `${look} ${edge}`).toBeLessThan(entries.length);
      }
    }
    // Centred text has the header's alignment: one format serves both.
    expect(styleIndex('plain', 'centredText', 'thin-thin')).toBe(styleIndex('plain', 'header', 'thin-thin'));
    expect(() => styleIndex('bold', 'mark', 'thin-thin')).toThrow(/no cell format/);
  });

  it('draws the heavier line where asked: medium on both sides of a one-column vision', () => {
    const entry = entries[styleIndex('plain', 'mark', 'medium-medium')] ?? '';
    const borderId = Number(/borderId="(\d+)"/.exec(entry)?.[1]);
    const border = stylesXml().match(/<border>.*?<\/border>/g)?.[borderId];
    expect(border).toBe('<border><left style="medium"/><right style="medium"/><top style="thin"/><bottom style="thin"/><diagonal/></border>');
  });
});

describe('the written package', () => {
  it('holds the parts in order, the shared strings last, with no formula and no inline string', async () => {
    const files = unzipSync(await writeAnnexWorkbook(builtinAnnex()));
    expect(Object.keys(files)).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/theme/theme1.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/sharedStrings.xml',
    ]);
    for (const index of [1, 2, 3]) {
      const sheet = strFromU8(files[`xl/worksheets/sheet${index}.xml`] as Uint8Array);
      expect(sheet).not.toMatch(/<f[ >]/);
      // Every text is a shared string: t="s", never t="str" (a formula's result) or an inline string.
      expect([...new Set([...sheet.matchAll(/ t="(\w+)"/g)].map((match) => match[1]))]).toEqual(['s']);
    }
  });

  it('is written by pure modules: no node:*, no DOM, no ExcelJS', () => {
    const dir = join(projectRoot, 'shared', 'excel');
    const writerFiles = readdirSync(dir).filter((file) => /^(write-|xlsx-|xml-escape)/.test(file));
    expect(writerFiles.length).toBeGreaterThanOrEqual(10);
    for (const file of writerFiles) {
      const source = readFileSync(join(dir, file), 'utf8');
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] ?? '');
      for (const name of imports) expect(name, `${file} imports ${name}`).toMatch(/^(\.{1,2}\/|fflate$)/);
      // `document` is the annex parameter's name here; the DOM would show itself through these.
      expect(source, file).not.toMatch(/\b(window|self|navigator|Buffer|process)\./);
    }
  });
});
