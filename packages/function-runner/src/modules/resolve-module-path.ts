import { MODULE_ORIGIN_PREFIX } from '@selfhost/udf-runtime';

/**
 * Resolves an import specifier of a pushed module against its importer (compat spec §4.1):
 * `./_deps/X.js` from `dir/a.js` is `dir/_deps/X.js`. Returns `null` for bare specifiers
 * (npm packages), which isolate modules never import.
 *
 * @example
 * ```ts
 * resolveModulePath('../lib.js', 'dir/a.js'); // 'lib.js'
 * resolveModulePath('convex/server', 'a.js'); // null
 * ```
 */
export function resolveModulePath(specifier: string, importerPath: string): string | null {
  if (specifier.startsWith(MODULE_ORIGIN_PREFIX)) return normalize(specifier.slice(MODULE_ORIGIN_PREFIX.length).split('/'));
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && !specifier.startsWith('/')) return null;
  const base = specifier.startsWith('/') ? [] : importerPath.split('/').slice(0, -1);
  return normalize([...base, ...specifier.split('/')]);
}

function normalize(segments: readonly string[]): string | null {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length === 0) return null;
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return out.length === 0 ? null : out.join('/');
}
