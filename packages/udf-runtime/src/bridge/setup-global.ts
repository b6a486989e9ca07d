/**
 * The global the runtime script defines for the host: a function that sets up the context
 * (see `setupContext`) and then deletes the global, before any user module runs.
 *
 * @example
 * ```ts
 * context.global.getSync(SETUP_GLOBAL, { reference: true });
 * ```
 */
export const SETUP_GLOBAL = '__selfhostSetupContext';
