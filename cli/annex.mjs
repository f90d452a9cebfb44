#!/usr/bin/env node
// The `annex` command: runs the bundle that `npm run build:cli` (part of `npm ci`) makes from cli/main.ts.
import { existsSync } from 'node:fs';

const bundle = new URL('../out/cli/annex.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('annex: コマンドがまだビルドされていません。npm run build:cli を実行してください\n');
  process.exit(2);
}
await import(bundle.href);
