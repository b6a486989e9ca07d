import { defineSelfhostConfig } from '@selfhost/vitest-config';

// `pnpm test:e2e`: the dashboard in headless Chromium against a real backend (needs
// `/usr/bin/chromium`, a built dashboard and a backend that accepts `convex deploy`).
const config = defineSelfhostConfig(import.meta.dirname, {
  test: {
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
// mergeConfig appends arrays, so the component tests' include list is replaced here.
config.test = { ...config.test, include: ['e2e/**/*.e2e.test.ts'] };

export default config;
