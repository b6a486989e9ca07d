// The one vitest configuration every workspace package starts from.
import path from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';

const sourceCondition = '@selfhost/source';

/**
 * Workspace packages resolve each other's `src/` through the `@selfhost/source` export
 * condition, so tests never need a build. isolated-vm requires `--no-node-snapshot` on
 * Node 24, which only a forked worker can be given. With SELFHOST_TEST_REPORT set (CI does),
 * each package also writes vitest's JSON report to `test-results/vitest.json` for the summary.
 *
 * @param {string} packageDir the package's directory (`import.meta.dirname`)
 * @param {import('vitest/config').ViteUserConfig} [overrides]
 */
export function defineSelfhostConfig(packageDir, overrides = {}) {
  const reporters = process.env.SELFHOST_TEST_REPORT ? ['default', 'json'] : ['default'];
  // No "import" condition: vitest forwards these to the worker as `node --conditions`, and with
  // "import" among them Node's require() picks ESM branches of exports maps (pg-pool then
  // crashes). Vite applies "import" to ESM imports by itself.
  const conditions = [sourceCondition, 'module', 'node', 'default'];
  const base = defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      root: packageDir,
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      pool: 'forks',
      execArgv: ['--no-node-snapshot'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      passWithNoTests: true,
      reporters,
      outputFile: { json: path.join(packageDir, 'test-results', 'vitest.json') },
      typecheck: { enabled: false },
    },
  });
  return mergeConfig(base, overrides);
}
