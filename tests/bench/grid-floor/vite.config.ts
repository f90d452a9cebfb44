import { defineConfig } from 'vite';

// The floor page of the Chromium bench, built like the app's renderer (electron-vite leaves it unminified).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: {
    outDir: '../../../out/bench/grid-floor',
    emptyOutDir: true,
    minify: false,
  },
});
