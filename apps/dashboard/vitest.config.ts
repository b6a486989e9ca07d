import { defineSelfhostConfig } from '@selfhost/vitest-config';
import type { TestProjectInlineConfiguration, ViteUserConfig } from 'vitest/config';

// Two projects in one run, so that `pnpm test` writes one report: "unit", the component tests
// in jsdom, and "e2e", the dashboard in headless Chromium against a real backend (needs
// /usr/bin/chromium; its global setup builds the dashboard when the build is missing or
// stale). `pnpm test:unit` and `pnpm test:e2e` run one of them.
function project(name: string, include: string[], overrides: ViteUserConfig): TestProjectInlineConfiguration {
  const config = defineSelfhostConfig(import.meta.dirname, overrides);
  // mergeConfig appends arrays, so the include list is replaced here; reporters are the root's.
  const { reporters: _reporters, outputFile: _outputFile, ...test } = config.test ?? {};
  return { ...config, test: { ...test, name, include } };
}

const config = defineSelfhostConfig(import.meta.dirname, {
  test: {
    projects: [
      project('unit', ['src/**/*.test.ts', 'src/**/*.test.tsx'], {
        oxc: { jsx: { runtime: 'automatic' } },
        test: { environment: 'jsdom' },
      }),
      project('e2e', ['e2e/**/*.e2e.test.ts'], {
        test: {
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 240_000,
          globalSetup: ['./e2e/support/ensure-build.ts'],
        },
      }),
    ],
  },
});

export default config;
