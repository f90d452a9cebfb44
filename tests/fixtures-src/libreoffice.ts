/**
 * Tests only: converts a workbook with LibreOffice (`soffice --headless --convert-to`), so .xls, .ods and Shift_JIS CSV
 * fixtures come from a second, independent writer. Uses node:* freely; shared/ never imports this.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// LibreOffice's filter options for CSV: comma, double quote, character set 64 (Shift_JIS).
const TARGETS = {
  xls: { filter: 'xls', extension: 'xls' },
  ods: { filter: 'ods', extension: 'ods' },
  'csv-sjis': { filter: 'csv:Text - txt - csv (StarCalc):44,34,64', extension: 'csv' },
} as const;
export type LibreOfficeTarget = keyof typeof TARGETS;

/** Converts xlsx bytes; a private profile lets test files convert side by side without LibreOffice's lock. */
export function convertWithLibreOffice(xlsx: Uint8Array, target: LibreOfficeTarget): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'annex-lo-'));
  try {
    writeFileSync(join(dir, 'in.xlsx'), xlsx);
    const { filter, extension } = TARGETS[target];
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', filter, '--outdir', join(dir, 'out'), join(dir, 'in.xlsx')],
      { stdio: 'pipe', timeout: 120_000 },
    );
    return new Uint8Array(readFileSync(join(dir, 'out', `in.${extension}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
