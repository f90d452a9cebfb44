import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import packageJson from '../../package.json' with { type: 'json' };

// The benchmark is bundled for Node like the command line; dependencies stay in node_modules.
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(packageJson.dependencies), 'playwright-core'];

export default defineConfig({
  root: import.meta.dirname,
  build: {
    ssr: 'bench.ts',
    outDir: '../../out/bench',
    // Not emptied: out/bench/grid-floor (the floor page, its own build) lives there too.
    emptyOutDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: { external, output: { format: 'es', entryFileNames: 'bench.mjs' } },
  },
});
