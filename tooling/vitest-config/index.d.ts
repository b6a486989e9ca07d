import type { ViteUserConfig } from 'vitest/config';

/** The shared vitest configuration for the package in `packageDir`, merged with `overrides`. */
export declare function defineSelfhostConfig(
  packageDir: string,
  overrides?: ViteUserConfig,
): ViteUserConfig;
