import { defineSelfhostConfig } from '@selfhost/vitest-config';

// Type tests (`*.test-d.ts`) run as part of `vitest run`: vitest type-checks them with tsc and
// reports each failed `expectTypeOf` as a failed test.
export default defineSelfhostConfig(import.meta.dirname, {
  test: {
    // The files share nothing mutable; reusing workers saves re-importing vitest, fast-check and
    // convex for every file (most of the run time otherwise).
    isolate: false,
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
