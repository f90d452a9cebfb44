#!/usr/bin/env node
// Draws the app icon (build/icon.png, 512×512 RGBA) with plain Node: a green tile holding a sheet with a
// header band, grid lines and ○ marks, the annex's check-mark table. electron-builder derives the .ico
// and .icns from this PNG. Deterministic: the same bytes on every run, so the committed file can be checked.
// Usage: node scripts/make-icon.mjs [OUT.png]   (default build/icon.png)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 samples per pixel smooth the edges

const TILE = [0x2e, 0x7d, 0x5b];
const SHEET = [0xff, 0xff, 0xff];
const BAND = [0xd6, 0xec, 0xe1];
const LINE = [0x9a, 0xb8, 0xa9];
const MARK = [0x1f, 0x5e, 0x43];

/** True when (x, y) lies in the rounded rectangle [x0, x1] × [y0, y1] with corner radius r. */
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// The sheet's table: columns and rows in icon pixels.
const SHEET_BOX = [104, 120, 408, 400];
const COLUMNS = [104, 184, 258, 333, 408];
const ROWS = [120, 178, 252, 326, 400];
// ○ marks as [column, row] cells below the header band.
const MARKS = [
  [1, 1],
  [3, 1],
  [2, 2],
  [1, 3],
  [3, 3],
];

function nearLine(value, lines, half) {
  return lines.some((line) => Math.abs(value - line) <= half);
}

/** The colour at a sample point, or null where the icon is transparent. */
function colourAt(x, y) {
  if (!inRoundedRect(x, y, 16, 16, 496, 496, 96)) return null;
  const [sx0, sy0, sx1, sy1] = SHEET_BOX;
  if (!inRoundedRect(x, y, sx0 - 8, sy0 - 8, sx1 + 8, sy1 + 8, 18)) return TILE;
  for (const [column, row] of MARKS) {
    const cx = ((COLUMNS[column] ?? 0) + (COLUMNS[column + 1] ?? 0)) / 2;
    const cy = ((ROWS[row] ?? 0) + (ROWS[row + 1] ?? 0)) / 2;
    const distance = Math.hypot(x - cx, y - cy);
    if (distance >= 19 && distance <= 29) return MARK;
  }
  const inside = x >= sx0 && x <= sx1 && y >= sy0 && y <= sy1;
  if (inside && (nearLine(x, COLUMNS, 3) || nearLine(y, ROWS, 3))) return LINE;
  if (y < (ROWS[1] ?? 0)) return BAND;
  return SHEET;
}

/** Raw RGBA scanlines, each prefixed with PNG filter type 0. */
function drawPixels() {
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  const total = SAMPLES * SAMPLES;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const at = py * stride + 1 + px * 4;
      if (covered === 0) continue;
      raw[at] = Math.round(r / covered);
      raw[at + 1] = Math.round(g / covered);
      raw[at + 2] = Math.round(b / covered);
      raw[at + 3] = Math.round((255 * covered) / total);
    }
  }
  return raw;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The icon as PNG bytes. */
function makeIconPng() {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(drawPixels(), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../build/icon.png'));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, makeIconPng());
console.log(`wrote ${out}`);
