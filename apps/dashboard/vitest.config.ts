import { defineSelfhostConfig } from '@selfhost/vitest-config';

// Component tests (`*.test.tsx`) run in jsdom; the end-to-end test has its own config
// (vitest.e2e.config.ts, `pnpm test:e2e`).
export default defineSelfhostConfig(import.meta.dirname, {
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'jsdom',
  },
});
