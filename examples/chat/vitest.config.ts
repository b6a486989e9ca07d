import { defineSelfhostConfig } from '@selfhost/vitest-config';

// The end-to-end test starts a backend, deploys, builds the app and drives Chromium: long hooks.
export default defineSelfhostConfig(import.meta.dirname, {
  test: { testTimeout: 60_000, hookTimeout: 180_000 },
});
