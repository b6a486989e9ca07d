import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

import path from 'node:path';
import type { ModuleConfig } from '../../src/modules/module-config.ts';
import { bundleConvexApp } from './bundle-convex-app.ts';

/**
 * Bundles a throwaway app made of the given `convex/` files (TypeScript allowed) the way the
 * CLI would; the files may import `convex/server` and `convex/values`.
 *
 * @example
 * ```ts
 * const modules = await bundleSources({ 'a.ts': "throw new Error('at import');" });
 * ```
 */
export async function bundleSources(files: Readonly<Record<string, string>>): Promise<ModuleConfig[]> {
  // Inside the package, so `convex` resolves from its node_modules.
  const root = mkdtempSync(path.join(import.meta.dirname, '..', '.tmp-app-'));
  try {
    for (const [file, source] of Object.entries(files)) {
      const target = path.join(root, 'convex', file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, source);
    }
    return await bundleConvexApp(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}


