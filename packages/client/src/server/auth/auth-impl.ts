import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import type { Auth, MutationAuth, SignJwtOptions, UserIdentity } from './authentication.ts';

/**
 * The `ctx.auth` of queries and actions (`1.0/getUserIdentity`).
 *
 * @example
 * ```ts
 * await createAuth('').getUserIdentity();
 * ```
 */
export function createAuth(requestId: string): Auth {
  return Object.freeze({
    getUserIdentity: async () =>
      (await performAsyncSyscall('1.0/getUserIdentity', { requestId })) as UserIdentity | null,
  });
}

/**
 * The `ctx.auth` of mutations: adds `signJwt` (`1.0/signJwt`).
 *
 * @example
 * ```ts
 * await createMutationAuth('').signJwt({ expiresInSeconds: 60 });
 * ```
 */
export function createMutationAuth(requestId: string): MutationAuth {
  return Object.freeze({
    ...createAuth(requestId),
    signJwt: async (options: SignJwtOptions) =>
      (await performAsyncSyscall('1.0/signJwt', {
        requestId,
        version: CONVEX_COMPAT_VERSION,
        ...options,
      })) as string,
  });
}
