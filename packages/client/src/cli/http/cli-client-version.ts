import { CONVEX_COMPAT_VERSION } from '../../server/version.ts';

/**
 * The `Convex-Client` header of the CLI's requests. The CLI presents itself as the `convex` CLI
 * release whose behaviour it mirrors: the backend picks formats by it (e.g. structured log lines
 * for `npm-cli-*`, compat spec §2.5).
 *
 * @example
 * ```ts
 * headers.set('Convex-Client', CLI_CLIENT_HEADER); // 'npm-cli-1.48.0'
 * ```
 */
export const CLI_CLIENT_HEADER = `npm-cli-${CONVEX_COMPAT_VERSION}`;

/**
 * The version the CLI reports in push bodies (`version`, `udfServerVersion`).
 *
 * @example
 * ```ts
 * body.version = CLI_VERSION;
 * ```
 */
export const CLI_VERSION = CONVEX_COMPAT_VERSION;
