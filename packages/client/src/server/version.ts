/**
 * The `convex` npm version whose server library this one stands in for. Syscall arguments carry
 * it in their `version` field (compat spec §4.8), and hosts gate behaviour on it (for example the
 * storage sha256 encoding), so it must name a real `convex` release with the same wire behaviour —
 * otherwise a host could tell the two libraries apart.
 *
 * @example
 * ```ts
 * performAsyncSyscall('1.0/createFunctionHandle', { name: 'jobs:run', version: CONVEX_COMPAT_VERSION });
 * ```
 */
export const CONVEX_COMPAT_VERSION = '1.48.0';
