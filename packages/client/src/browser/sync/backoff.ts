/**
 * Close reasons (by prefix) that tell the client how long to wait before reconnecting (spec
 * §3.7), in milliseconds before doubling and jitter.
 *
 * @example
 * ```ts
 * SERVER_DISCONNECT_BACKOFF.TooManyConcurrentRequests; // 3000
 * ```
 */
export const SERVER_DISCONNECT_BACKOFF = Object.freeze({
  InternalServerError: 1000,
  SubscriptionsWorkerFullError: 3000,
  TooManyConcurrentRequests: 3000,
  CommitterFullError: 3000,
  AwsTooManyRequestsException: 3000,
  ExecuteFullError: 3000,
  SystemTimeoutError: 3000,
  ExpiredInQueue: 3000,
  VectorIndexesUnavailable: 1000,
  SearchIndexesUnavailable: 1000,
  TableSummariesUnavailable: 1000,
  VectorIndexTooLarge: 3000,
  SearchIndexTooLarge: 3000,
  TooManyWritesInTimePeriod: 3000,
});

/**
 * Why a socket is being reconnected: `client` when this side closed it (no sign of a server
 * problem), otherwise the classified server close reason.
 *
 * @example
 * ```ts
 * const reason: DisconnectReason = classifyDisconnectReason('InternalServerError: boom');
 * ```
 */
export type DisconnectReason = 'client' | 'Unknown' | keyof typeof SERVER_DISCONNECT_BACKOFF;

/** Base delay for a close reason this client does not know. @example UNKNOWN_DISCONNECT_BACKOFF; // 1000 */
export const UNKNOWN_DISCONNECT_BACKOFF = 1000;
/** Base delay after a client-initiated close. @example CLIENT_DISCONNECT_BACKOFF; // 100 */
export const CLIENT_DISCONNECT_BACKOFF = 100;
/** The longest delay before jitter. @example MAX_BACKOFF; // 16000 */
export const MAX_BACKOFF = 16_000;

/**
 * Sorts a server close reason by its prefix (more text may follow the known code).
 *
 * @example
 * ```ts
 * classifyDisconnectReason('CommitterFullError'); // 'CommitterFullError'
 * classifyDisconnectReason(''); // 'Unknown'
 * ```
 */
export function classifyDisconnectReason(reason: string | undefined): DisconnectReason {
  if (reason === undefined) return 'Unknown';
  for (const prefix of Object.keys(
    SERVER_DISCONNECT_BACKOFF,
  ) as (keyof typeof SERVER_DISCONNECT_BACKOFF)[]) {
    if (reason.startsWith(prefix)) return prefix;
  }
  return 'Unknown';
}

/**
 * The delay before the next reconnect: base × 2^retries, capped at 16 s, then moved by up to
 * ±50 % with `random` (a number in [0, 1), `Math.random()` in production).
 *
 * @example
 * ```ts
 * computeBackoff({ reason: 'client', retries: 0, random: 0.5 }); // 100
 * computeBackoff({ reason: 'Unknown', retries: 10, random: 0 }); // 8000
 * ```
 */
export function computeBackoff(options: {
  reason: DisconnectReason;
  retries: number;
  random: number;
}): number {
  const { reason, retries, random } = options;
  const base =
    reason === 'client'
      ? CLIENT_DISCONNECT_BACKOFF
      : reason === 'Unknown'
        ? UNKNOWN_DISCONNECT_BACKOFF
        : SERVER_DISCONNECT_BACKOFF[reason];
  const capped = Math.min(base * 2 ** retries, MAX_BACKOFF);
  return capped + capped * (random - 0.5);
}
