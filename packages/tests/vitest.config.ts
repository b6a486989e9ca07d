import { defineSelfhostConfig } from '@selfhost/vitest-config';

// Each file starts its own backend and drives it with the official CLI: long hooks, and tests
// within a file run in order on shared state.
export default defineSelfhostConfig(import.meta.dirname, {
  test: { testTimeout: 120_000, hookTimeout: 240_000, sequence: { concurrent: false } },
});
