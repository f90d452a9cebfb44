import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const execFileAsync = promisify(execFile);
const root = resolve(import.meta.dirname, '../../..');
const committed = resolve(root, 'build/icon.png');

describe('build/icon.png', () => {
  it('is exactly what scripts/make-icon.mjs draws', async () => {
    const work = mkdtempSync(join(tmpdir(), 'annex-icon-'));
    try {
      const fresh = join(work, 'icon.png');
      await execFileAsync(process.execPath, [resolve(root, 'scripts/make-icon.mjs'), fresh]);
      expect(readFileSync(fresh).equals(readFileSync(committed)), 'run `node scripts/make-icon.mjs` and commit build/icon.png').toBe(true);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('is a 512×512 RGBA PNG with transparent corners and an opaque middle (electron-builder needs ≥ 512 for icns)', () => {
    const png = readFileSync(committed);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('ascii', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
    // The script writes one IDAT chunk of filter-0 scanlines: 1 + 512 × 4 bytes each.
    const idatAt = png.indexOf('IDAT', 0, 'ascii');
    const pixels = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    const alpha = (x: number, y: number) => pixels[y * (1 + 512 * 4) + 1 + x * 4 + 3];
    expect([alpha(0, 0), alpha(511, 0), alpha(0, 511), alpha(511, 511)]).toEqual([0, 0, 0, 0]);
    expect(alpha(256, 256)).toBe(255);
  });
});
