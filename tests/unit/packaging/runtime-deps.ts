import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';

const BUILTINS = new Set(builtinModules);

/** The package a bare specifier names: `zod` for `zod/mini`, `@scope/pkg` for `@scope/pkg/sub`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Packages a built bundle loads from node_modules at run time (not node: builtins, not electron). */
export function bundleImports(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/\bfrom\s*"([^"]+)"/g),
    ...code.matchAll(/\bimport\s*\(\s*"([^"]+)"\s*\)/g),
    ...code.matchAll(/\brequire\s*\(\s*"([^"]+)"\s*\)/g),
    ...code.matchAll(/^\s*import\s*"([^"]+)"/gm),
  ].map((match) => match[1] ?? '');
  const packages = specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
    .map(packageOf)
    .filter((name) => name !== 'electron' && !BUILTINS.has(name));
  return [...new Set(packages)].sort();
}

interface PackageJson {
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

/** Where Node would find `name` from inside `fromDir`: the nearest node_modules/name up to `root`. */
function packageDir(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** `names` and everything they depend on at run time, as installed under `root`. */
export function dependencyClosure(names: readonly string[], root: string): string[] {
  const seen = new Set<string>();
  const queue = names.map((name) => ({ name, from: root }));
  for (let item = queue.shift(); item; item = queue.shift()) {
    const dir = packageDir(item.name, item.from, root);
    // An optional dependency that is not installed is not shipped either.
    if (!dir || seen.has(dir)) continue;
    seen.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      queue.push({ name: dep, from: dir });
    }
  }
  return [...new Set([...seen].map((dir) => dir.split(/[\\/]node_modules[\\/]/).at(-1) ?? dir))].sort();
}
