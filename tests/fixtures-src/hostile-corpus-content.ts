/**
 * Hostile content in well-formed containers: formulas and external links, macros, password protection, XML entity
 * tricks, names such as __proto__ and constructor, invalid UTF-8 in CSV, and the JSON form's own tricks.
 */
import * as XLSX from 'xlsx';
import { stringifyAnnexJson } from '../../shared/codec/annex-json';
import type { AnnexDocument } from '../../shared/model/annex-document';
import type { HostileCase } from './hostile-corpus';
import { bookSst, passwordProtected, withEncryptedEntry, withExternalLink, withLaughs, withMacros, withRawMarks } from './hostile-parts';
import { concat, rezip } from './hostile-zip';
import { annexTablePart, annexWorkbook, csvWithBom, placeParts, sheetOf, structureSheet, workbookOf, writeWorkbook } from './make-import-fixtures';

const encoder = new TextEncoder();
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CITY = '旭川市';

/** The annex as CSV text of its city table, as Excel's 「CSV UTF-8」 writes it. */
const cityCsv = (document: AnnexDocument): Uint8Array => csvWithBom(sheetOf(placeParts([annexTablePart(document, 'city')])));

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
    name: 'a CSV with a column headed __proto__',
    fileName: 'proto.csv',
    bytes: () => {
      const part = annexTablePart(base, 'city');
      return csvWithBom(sheetOf({ ...part, cells: part.cells.map((row, index) => (index === 1 ? [...row, '__proto__'] : [...row])) }));
    },
    expected: 'error',
    messageIncludes: ['セル R2: 列 R: 見出し「__proto__」に当たる○の列が構造にありません'],
  };

  const json = (): string => stringifyAnnexJson(base);
  /** The saved JSON with one piece changed; a piece the layout no longer holds is a broken fixture, not a passing case. */
  const jsonWith = (piece: string, replacement: string): string => {
    const text = json();
    if (!text.includes(piece)) throw new Error(`fixture: the saved JSON holds no ${piece}`);
    return text.replace(piece, replacement);
  };
  const jsonCase = (name: string, text: () => string, says: string): HostileCase => ({
    name,
    fileName: 'annex.json',
    bytes: () => encoder.encode(text()),
    expected: 'error',
    messageIncludes: [says],
  });
  yield jsonCase('JSON with a __proto__ key that would set polluted', () => jsonWith('{', '{"__proto__":{"polluted":"yes"},'), '認識されていないキー: "__proto__"');
  yield jsonCase(
    'JSON with constructor.prototype inside the plan',
    () => jsonWith('"plan": {', '"plan": {"constructor":{"prototype":{"polluted":"yes"}},'),
    'plan: 認識されていないキー: "constructor"',
  );
  yield jsonCase('JSON nested 200,000 arrays deep', () => `${'['.repeat(200_000)}${']'.repeat(200_000)}`, '最上位がオブジェクトではありません');
  yield jsonCase('JSON with a row id of __proto__', () => jsonWith('{"id":"city-01"', '{"id":"__proto__"'), 'tables.city.rows[0]（旭川市 通し番号 1）.id');
  yield {
    name: 'JSON with a byte that is not UTF-8',
    fileName: 'annex.json',
    bytes: () => concat([encoder.encode(json().slice(0, 500)), new Uint8Array([0xff]), encoder.encode(json().slice(500))]),
    expected: 'error',
    messageIncludes: ['UTF-8 として読めない文字が含まれています'],
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
}
