/**
 * Retention settings (semantics §2.5).
 *
 * @example
 * ```ts
 * const retention: RetentionOptions = { windowMs: 240_000, intervalMs: 60_000, batchSize: 256 };
 * ```
 */
export interface RetentionOptions {
  /** Versions superseded longer ago than this (and not needed by a live snapshot) are deleted. */
  readonly windowMs: number;
  /** How often the background service runs. */
  readonly intervalMs: number;
  /** Revisions examined per SQL transaction. */
  readonly batchSize: number;
}

/**
 * The defaults: a 4-minute window (the reference index retention), every minute.
 *
 * @example
 * ```ts
 * DEFAULT_RETENTION.windowMs; // 240000
 * ```
 */
export const DEFAULT_RETENTION: RetentionOptions = Object.freeze({
  windowMs: 4 * 60_000,
  intervalMs: 60_000,
  batchSize: 256,
});
