import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const renderer = join(root, 'out/renderer');
const NOT_BUILT = 'out/renderer is missing: run `npx electron-vite build` (npm test builds before the unit tests)';

/** The scripts the window loads before it draws: index.html's module script and its module preloads. */
function windowScripts(): string[] {
  const html = readFileSync(join(renderer, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\.\/([^"]+\.js)"/g)].map((match) => match[1] as string);
}

// SheetJS names itself in its code.
const SHEETJS = 'SheetJS';

describe('the window bundle', () => {
  it('leaves the file readers and writers to the worker (the window parses and keeps none of them)', () => {
    expect(existsSync(join(renderer, 'index.html')), NOT_BUILT).toBe(true);
    const scripts = windowScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((script) => readFileSync(join(renderer, script), 'utf8'));
    code.forEach((text, index) => expect(text.includes(SHEETJS), scripts[index]).toBe(false));
    const worker = code.join('').match(/document-io\.worker-[\w-]+\.js/)?.[0];
    expect(worker, 'the window names its worker').toBeDefined();
    expect(readFileSync(join(renderer, 'assets', worker as string), 'utf8').includes(SHEETJS)).toBe(true);
  });

  it('is minified, as electron-vite does not do for a renderer by default (the window holds its script text)', () => {
    for (const script of windowScripts()) {
      const text = readFileSync(join(renderer, script), 'utf8');
      // Unminified, the index chunk had 65,000 lines of 38 characters on average.
      expect(text.length / text.split('\n').length, script).toBeGreaterThan(1_000);
    }
  });
});
