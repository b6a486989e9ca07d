import { defineSelfhostConfig } from '@selfhost/vitest-config';

// `*.test-d.ts` type tests (expectTypeOf) run with `pnpm test` too, so CI checks them.
export default defineSelfhostConfig(import.meta.dirname, {
  test: {
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
