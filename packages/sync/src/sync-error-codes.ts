// The one table of sync error codes (STYLE.md habit 21): what the WebSocket does when each ends
// a connection (compat §3.7, §5.1).

/**
 * How an error ends a sync connection:
 * - `fatal`: send `FatalError` and close; the official client stops for good, so only for client
 *   bugs that reconnecting cannot fix;
 * - `close`: close with `closeCode` and `reason`; the client reconnects (its backoff depends on
 *   the reason's prefix).
 *
 * @example
 * ```ts
 * const action: SyncCloseAction = { kind: 'close', closeCode: 1013, reason: 'TooManyConcurrentMutations' };
 * ```
 */
export type SyncCloseAction =
  | { readonly kind: 'fatal' }
  | {
      readonly kind: 'close';
      readonly closeCode: 1000 | 1001 | 1011 | 1013;
      readonly reason: string;
    };

const FATAL = { kind: 'fatal' } as const;

/**
 * Every sync error code with its close action.
 *
 * @example
 * ```ts
 * SYNC_ERROR_CODES.BaseVersionMismatch; // { kind: 'fatal' }
 * ```
 */
export const SYNC_ERROR_CODES = {
  // Client bugs: FatalError.
  WSMessageInvalidJson: FATAL,
  MessageBeforeConnect: FATAL,
  DuplicateConnect: FATAL,
  BaseVersionMismatch: FATAL,
  InvalidQuerySetVersion: FATAL,
  DuplicateQueryId: FATAL,
  NonexistentQueryId: FATAL,
  // Overload: try again later.
  TooManyConcurrentMutations: {
    kind: 'close',
    closeCode: 1013,
    reason: 'TooManyConcurrentMutations',
  },
  TooManyConcurrentRequests: {
    kind: 'close',
    closeCode: 1013,
    reason: 'TooManyConcurrentRequests',
  },
  SlowClient: { kind: 'close', closeCode: 1013, reason: 'SlowClient' },
  // Ends without blame.
  ClientInactive: { kind: 'close', closeCode: 1000, reason: 'ClientInactive' },
  ServerShutdown: { kind: 'close', closeCode: 1001, reason: 'ServerShutdown' },
  // System errors: the client reconnects after about a second.
  TimestampAhead: { kind: 'close', closeCode: 1011, reason: 'InternalServerError' },
  InternalServerError: { kind: 'close', closeCode: 1011, reason: 'InternalServerError' },
} as const satisfies Record<string, SyncCloseAction>;

/**
 * A sync error code: a key of {@link SYNC_ERROR_CODES}.
 *
 * @example
 * ```ts
 * const code: SyncErrorCode = 'DuplicateQueryId';
 * ```
 */
export type SyncErrorCode = keyof typeof SYNC_ERROR_CODES;
