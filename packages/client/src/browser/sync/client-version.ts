import { CONVEX_COMPAT_VERSION } from '../../server/version.ts';

/**
 * The `convex` npm version this client presents itself as: it is the `<version>` in
 * `/api/<version>/sync` and the `npm-<version>` of the `Convex-Client` header, which the backend
 * uses to gate wire features (spec §3.1, §6). It is the same release the server library mirrors.
 *
 * @example
 * ```ts
 * headers['Convex-Client'] = `npm-${CLIENT_VERSION}`;
 * ```
 */
export const CLIENT_VERSION: string = CONVEX_COMPAT_VERSION;
