/**
 * The global the runtime script defines and calls: a function that sets up the context (see
 * `setupContext`), deleting itself before any user module runs. The runtime script's
 * completion value is what it returns, the driver.
 *
 * @example
 * ```ts
 * source.endsWith(`globalThis.${SETUP_GLOBAL}();\n`); // true
 * ```
 */
export const SETUP_GLOBAL = '__selfhostSetupContext';

/**
 * The globals the host sets on a fresh context just before it runs the runtime script: its
 * callbacks and the context configuration (JSON of a `ContextConfig`). Passing them this way
 * lets the host queue the whole set-up without waiting for a result in between; the runtime
 * reads and deletes them first thing, so user code never sees them.
 *
 * @example
 * ```ts
 * context.global.setIgnored(SETUP_ARGUMENT_GLOBALS.config, configJson);
 * ```
 */
export const SETUP_ARGUMENT_GLOBALS = Object.freeze({
  syscall: '__selfhostSyscall',
  log: '__selfhostLog',
  util: '__selfhostUtil',
  report: '__selfhostReport',
  config: '__selfhostConfig',
} as const);
