import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { projectRoot } from '../support/paths';

/**
 * Bundles a real main-process module (TypeScript and its shared/ imports) into one ES module that a plain
 * Node child process can import, so crash tests kill the product's own code, not a copy. Returns its URL.
 */
export async function bundleForChild(entry: string, outDir: string): Promise<string> {
  const fileName = `${entry.split('/').pop()?.replace(/\.ts$/, '') ?? 'module'}.mjs`;
  await build({
    configFile: false,
    logLevel: 'silent',
    root: projectRoot,
    // Dependencies (zod) inlined too: the bundle lives in a temp folder with no node_modules beside it.
    ssr: { noExternal: true },
    build: {
      ssr: resolve(projectRoot, entry),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: fileName } },
    },
  });
  return pathToFileURL(join(outDir, fileName)).href;
}
