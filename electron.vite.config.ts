import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './electron/security';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };

// The dev server injects React Refresh's inline preamble: relax the page's meta CSP for `serve` only.
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'annex:dev-csp',
    apply: 'serve',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, ctx) => {
        const origin = ctx.server?.resolvedUrls?.local[0];
        const devCsp = metaContentSecurityPolicy(origin ?? 'http://localhost:5173');
        return html.replace(
          /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
          `$1${devCsp}$2`,
        );
      },
    },
  };
}

export default defineConfig({
  main: {
    build: {
      // Dependencies stay external (electron-vite's default) and are loaded from node_modules at run time.
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    // A sandboxed preload cannot read package.json, so the version is baked in at build time.
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: {
      // A sandboxed preload can require only `electron`: zod (the contract's schemas) is bundled in.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload.ts') },
        // Sandboxed preloads run as CommonJS only; `.cjs` keeps it CommonJS under "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devContentSecurityPolicy()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the window would parse and hold twice the script text.
      minify: true,
      rolldownOptions: {
        // print.html: the print view alone, for the hidden print window and `annex pdf`.
        input: { index: resolve(root, 'renderer/index.html'), print: resolve(root, 'renderer/print.html') },
      },
    },
  },
});
