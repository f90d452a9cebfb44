import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, zipLimitProblems, type ZipEntry } from '../../../shared/excel/zip-limits';
import { annexWorkbook, writeWorkbook } from '../../fixtures-src/make-import-fixtures';
import { handMadeZip } from '../../fixtures-src/hand-made-zip';
import { builtin, error, readErr } from './import-helpers';

const MB = 1024 * 1024;
const entriesOf = (bytes: Uint8Array): readonly ZipEntry[] => {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) throw new Error(directory.message);
  return directory.entries;
};
const fileError = (message: string): ReturnType<typeof error> => error('', '', message);
const BROKEN = (detail: string): string => `ZIP 形式のファイルとして壊れています（${detail}）。ファイルが途中で切れていないか確かめてください`;

describe('the zip central directory', () => {
  it('lists the entries of a real xlsx with their declared sizes, and finds nothing wrong', () => {
    const bytes = writeWorkbook(annexWorkbook(builtin));
    const entries = entriesOf(bytes);
    expect(entries.map((entry) => entry.name)).toContain('[Content_Types].xml');
    expect(entries.map((entry) => entry.name)).toContain('xl/worksheets/sheet1.xml');
    for (const entry of entries) expect(entry.uncompressedSize).toBeGreaterThan(0);
    expect(zipLimitProblems(entries)).toEqual([]);
  });

  it('reads the sizes a hand-made directory declares, whatever the data', () => {
    const bytes = handMadeZip([
      { name: 'a.xml', data: new Uint8Array([1, 2, 3]) },
      { name: 'b.xml', data: new Uint8Array([4]), declaredCompressed: 10, declaredUncompressed: 4_000_000_000 },
    ]);
    expect(entriesOf(bytes)).toEqual([
      { name: 'a.xml', compressedSize: 3, uncompressedSize: 3 },
      { name: 'b.xml', compressedSize: 10, uncompressedSize: 4_000_000_000 },
    ]);
  });

  it('reads ZIP64 sizes and a ZIP64 end record', () => {
    const bytes = handMadeZip([{ name: 'big.xml', declaredCompressed: 5 * MB, declaredUncompressed: 3 * 1024 * MB, zip64: true }], { zip64End: true });
    expect(entriesOf(bytes)).toEqual([{ name: 'big.xml', compressedSize: 5 * MB, uncompressedSize: 3 * 1024 * MB }]);
  });

  it('refuses an entry that inflates beyond 100 MB, and a whole beyond 200 MB', () => {
    expect(zipLimitProblems([{ name: 'xl/worksheets/sheet1.xml', compressedSize: 50 * MB, uncompressedSize: 3 * 1024 * MB }])).toEqual([
      'ZIP の中のファイル「xl/worksheets/sheet1.xml」が大きすぎます（展開すると 3,072 MB。1 つ 100 MB まで）',
      'ZIP の中身を展開すると大きすぎます（合計 3,072 MB。200 MB まで）',
    ]);
    const three = ['a', 'b', 'c'].map((name) => ({ name, compressedSize: 10 * MB, uncompressedSize: 90 * MB }));
    expect(zipLimitProblems(three)).toEqual(['ZIP の中身を展開すると大きすぎます（合計 270 MB。200 MB まで）']);
  });

  it('refuses a compression ratio beyond 200 on a large entry only', () => {
    expect(zipLimitProblems([{ name: 'sheet.xml', compressedSize: 100 * 1024, uncompressedSize: 50 * MB }])).toEqual([
      'ZIP の中のファイル「sheet.xml」の圧縮率が高すぎます（512 倍。200 倍まで）。圧縮爆弾のおそれがあるため読みません',
    ]);
    // Small repetitive parts (styles, a sheet of empty cells) compress that well honestly.
    expect(zipLimitProblems([{ name: 'styles.xml', compressedSize: 1024, uncompressedSize: 5 * MB }])).toEqual([]);
  });

  it('refuses more than 10,000 entries before reading them', () => {
    const entries = Array.from({ length: 10_001 }, (_, index) => ({ name: `f${index}` }));
    expect(readZipDirectory(handMadeZip(entries, { zip64End: true }))).toEqual({
      ok: false,
      message: 'ZIP の中のファイルが多すぎます（10,001 個。10,000 個まで）',
    });
    expect(readZipDirectory(handMadeZip(entries.slice(0, 10_000))).ok).toBe(true);
  });

  it('flags a local header that claims other sizes than the directory (a reader trusting either one would be lied to)', () => {
    const bytes = handMadeZip([
      { name: 'a.xml', data: new Uint8Array(10) },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(10), localSizes: { compressed: 10, uncompressed: 2_000_000_000 } },
    ]);
    const directory = readZipDirectory(bytes);
    expect(directory.ok && directory.mismatch).toBe(
      'ZIP の中のファイル「xl/worksheets/sheet1.xml」の大きさが、ZIP の目録と中身とで食い違っています。壊れているか、細工されたファイルです',
    );
    expect(readErr(bytes, { fileName: 'a.xlsx' })).toEqual([fileError(directory.ok ? (directory.mismatch ?? '') : '')]);
  });

  it('says a zip is broken when its end record is missing or points outside the file', () => {
    const bytes = handMadeZip([{ name: 'a.xml', data: new Uint8Array(100) }]);
    expect(readZipDirectory(bytes.subarray(0, bytes.length - 30))).toEqual({ ok: false, message: BROKEN('終わりにある中央ディレクトリが見つかりません') });
    expect(readZipDirectory(handMadeZip([{ name: 'a.xml' }], { directoryOffset: 9_999 }))).toEqual({
      ok: false,
      message: BROKEN('中央ディレクトリがファイルの外を指しています'),
    });
    expect(readZipDirectory(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({ ok: false, message: BROKEN('終わりにある中央ディレクトリが見つかりません') });
  });
});

describe('a zip bomb named .xlsx', () => {
  it('is refused within a second when its directory claims a huge size (a few hundred bytes of file)', () => {
    const bomb = handMadeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(64), declaredCompressed: 1_500_000, declaredUncompressed: 1_500_000_000, zip64: true },
    ]);
    expect(bomb.length).toBeLessThan(1000);
    const started = performance.now();
    const problems = readErr(bomb, { fileName: 'bomb.xlsx', base: builtin });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([
      fileError('ZIP の中のファイル「xl/worksheets/sheet1.xml」が大きすぎます（展開すると 1,430.6 MB。1 つ 100 MB まで）'),
      fileError('ZIP の中身を展開すると大きすぎます（合計 1,430.6 MB。200 MB まで）'),
    ]);
  });

  it('is refused before inflating when it is honest: 120 MB of zeros deflated to a few hundred KB', () => {
    const zeros = deflateRawSync(new Uint8Array(120 * MB), { level: 9 });
    const bomb = handMadeZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros, declaredUncompressed: 120 * MB, deflated: true }]);
    expect(bomb.length).toBeLessThan(MB);
    const started = performance.now();
    const problems = readErr(bomb, { fileName: 'bomb.ods' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(problems).toEqual([fileError('ZIP の中のファイル「xl/worksheets/sheet1.xml」が大きすぎます（展開すると 120 MB。1 つ 100 MB まで）')]);
  });
});
