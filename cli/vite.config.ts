import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import packageJson from '../package.json' with { type: 'json' };

// The command line is bundled for Node; dependencies stay in node_modules.
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  // playwright-core among them: `annex pdf` drives Chromium through it, loaded on demand.
  ...Object.keys(packageJson.dependencies),
];

export default defineConfig({
  root: import.meta.dirname,
  build: {
    ssr: 'main.ts',
    outDir: '../out/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { external, output: { format: 'es', entryFileNames: 'annex.mjs' } },
  },
});
