import { registerJsSyscall } from './js-syscall.ts';

/**
 * JS syscalls of subsystems that are not built yet (`ctx.storage.store` / `get` in actions):
 * they reject with an error that says so.
 *
 * @example
 * ```ts
 * registerUnavailableJsSyscalls();
 * ```
 * @internal
 */
export function registerUnavailableJsSyscalls(): void {
  for (const [op, what] of [
    ['storage/storeBlob', 'File storage (ctx.storage.store)'],
    ['storage/getBlob', 'File storage (ctx.storage.get)'],
  ] as const) {
    registerJsSyscall(op, () => Promise.reject(new Error(`${what} is not available yet on this backend: that subsystem is not built.`)));
  }
}
