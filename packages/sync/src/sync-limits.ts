/**
 * Tunables of the sync engine. Defaults follow the reference backend (compat §3.7, semantics
 * §1.5) where it has a figure.
 *
 * @example
 * ```ts
 * new SyncEngine({ host, limits: { heartbeatMs: 5_000 } });
 * ```
 */
export interface SyncLimits {
  /** Mutations waiting behind the running one; one more closes with 1013 `TooManyConcurrentMutations`. */
  readonly maxQueuedMutations: number;
  /** Actions running at once per connection; one more closes with 1013 `TooManyConcurrentRequests`. */
  readonly maxInflightActions: number;
  /** Transitions waiting for the socket; further updates coalesce into the next one. */
  readonly maxBufferedTransitions: number;
  /** Hand frames to the socket only while its `bufferedAmount()` is below this. */
  readonly socketHighWaterBytes: number;
  /** Frames waiting for the socket beyond this close the connection (1013 `SlowClient`). */
  readonly maxOutboxBytes: number;
  /** Transitions longer than this (UTF-16 units) go as `TransitionChunk`s to clients ≥ 1.28.0. */
  readonly transitionChunkThreshold: number;
  /** Length of each `TransitionChunk.chunk`. */
  readonly transitionChunkLength: number;
  /** Send `Ping` after this long without sending; protocol pings at the same period. */
  readonly heartbeatMs: number;
  /** Close after this long without receiving anything (frames or pongs). */
  readonly inactivityTimeoutMs: number;
  /** Results of queries nobody subscribes to any more, kept for reuse (LRU, approximate bytes). */
  readonly idleQueryCacheBytes: number;
}

/**
 * The default {@link SyncLimits}.
 *
 * @example
 * ```ts
 * DEFAULT_SYNC_LIMITS.heartbeatMs; // 15_000
 * ```
 */
export const DEFAULT_SYNC_LIMITS: SyncLimits = Object.freeze({
  maxQueuedMutations: 1000,
  maxInflightActions: 1000,
  maxBufferedTransitions: 2,
  socketHighWaterBytes: 1 << 20,
  maxOutboxBytes: 64 << 20,
  transitionChunkThreshold: 5_000_000,
  transitionChunkLength: 1_000_000,
  heartbeatMs: 15_000,
  inactivityTimeoutMs: 120_000,
  idleQueryCacheBytes: 32 << 20,
});

/**
 * Fills unspecified limits with their defaults.
 *
 * @example
 * ```ts
 * resolveSyncLimits({ heartbeatMs: 1_000 }).inactivityTimeoutMs; // 120_000
 * ```
 */
export function resolveSyncLimits(limits: Partial<SyncLimits> = {}): SyncLimits {
  return Object.freeze({ ...DEFAULT_SYNC_LIMITS, ...limits });
}
