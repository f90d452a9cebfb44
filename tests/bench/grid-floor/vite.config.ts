import { defineConfig } from 'vite';

// The floor page of the Chromium bench, built like the app's renderer (minified, electron.vite.config.ts).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../../../out/bench/grid-floor',
    emptyOutDir: true,
    minify: true,
  },
});
