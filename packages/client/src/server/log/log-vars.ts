const REQUEST_ID = Symbol('var.requestId');
const IP = Symbol('var.ip');
const USER_AGENT = Symbol('var.userAgent');
const NOW = Symbol('var.now');
const CONVEX_ACTOR = Symbol('var.convexActor');

/**
 * A placeholder in an audit log body that the backend fills in.
 *
 * @example
 * ```ts
 * const placeholder: LogVar = log.vars.requestId;
 * ```
 */
export type LogVar =
  typeof REQUEST_ID | typeof IP | typeof USER_AGENT | typeof NOW | typeof CONVEX_ACTOR;

/**
 * The wire name of each {@link LogVar}.
 *
 * @example
 * ```ts
 * logVarNames[log.vars.ip]; // 'ip'
 * ```
 */
export const logVarNames: Readonly<Record<symbol, string>> = Object.freeze({
  [REQUEST_ID]: 'requestId',
  [IP]: 'ip',
  [USER_AGENT]: 'userAgent',
  [NOW]: 'now',
  [CONVEX_ACTOR]: 'convexActor',
});

/**
 * The placeholders available in audit log bodies.
 *
 * @example
 * ```ts
 * await log.audit({ action: 'login', at: logVars.now });
 * ```
 */
export const logVars = Object.freeze({
  /** The id of the current request. */
  requestId: REQUEST_ID,
  /** The caller's IP address. */
  ip: IP,
  /** The caller's user agent. */
  userAgent: USER_AGENT,
  /** The time the entry is written. */
  now: NOW,
  /** Who is acting: the user or the system. */
  convexActor: CONVEX_ACTOR,
} as const);
