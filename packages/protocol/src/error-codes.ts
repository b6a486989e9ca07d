// The one table of protocol error codes (STYLE.md habit 21): each code's HTTP status, and what a
// sync WebSocket does when the error ends a connection. Codes and statuses follow
// shared/spec/convex-compat.md §2.0 and §5.1; WebSocket behaviour follows §3.7.

/**
 * What a sync WebSocket does with an error that ends the connection:
 * - `fatal`: send `{"type":"FatalError"}` and close; the client stops for good, so only for
 *   client bugs that retrying cannot fix;
 * - `close`: close with `closeCode` and the error code as the reason; the client reconnects.
 *
 * @example
 * ```ts
 * const action: WebSocketErrorAction = { kind: 'close', closeCode: 1013 };
 * ```
 */
export type WebSocketErrorAction =
  { readonly kind: 'fatal' } | { readonly kind: 'close'; readonly closeCode: 1000 | 1011 | 1013 };

type ErrorCodeInfo = { readonly status: number; readonly webSocket?: WebSocketErrorAction };

const FATAL = { kind: 'fatal' } as const;
const TRY_AGAIN_LATER = { kind: 'close', closeCode: 1013 } as const;
const INTERNAL = { kind: 'close', closeCode: 1011 } as const;
const NORMAL = { kind: 'close', closeCode: 1000 } as const;

/**
 * Every protocol error code with its HTTP status and, where it can end a sync connection, its
 * WebSocket action. Non-2xx HTTP bodies are `{"code": <key>, "message": …}`.
 *
 * @example
 * ```ts
 * PROTOCOL_ERROR_CODES.BadDeployKey.status; // 403
 * PROTOCOL_ERROR_CODES.WSMessageInvalidJson.webSocket; // { kind: 'fatal' }
 * ```
 */
export const PROTOCOL_ERROR_CODES = {
  // 400: the request is wrong and retrying will not help.
  BadFormat: { status: 400 },
  BadJsonBody: { status: 400 },
  BadQueryArgs: { status: 400 },
  BadConvexFunctionIdentifier: { status: 400 },
  InvalidAdminKey: { status: 400 },
  InvalidAuthHeader: { status: 400 },
  InvalidClientVersion: { status: 400 },
  InvalidTimestamp: { status: 400 },
  MissingIdentifier: { status: 400 },
  WSMessageInvalidJson: { status: 400, webSocket: FATAL },
  BaseVersionMismatch: { status: 400, webSocket: FATAL },
  AuthConfigMissingEnvironmentVariable: { status: 400 },
  NodeVersionNotSupported: { status: 400 },
  // The reference answers RaceDetected with 400; the CLI recognises it by code and retries.
  RaceDetected: { status: 400 },
  // 401
  Unauthenticated: { status: 401 },
  AuthUpdateFailed: { status: 401 },
  // 403: BadDeployKey makes the CLI stop and tell the user to fix the key.
  BadDeployKey: { status: 403 },
  Forbidden: { status: 403, webSocket: NORMAL },
  // 404: the CLI retries POSTs that get a 404, so never use it for semantic errors on POST routes.
  NotFound: { status: 404, webSocket: NORMAL },
  // 408
  ClientDisconnected: { status: 408, webSocket: NORMAL },
  // 409
  MissingExistingModule: { status: 409 },
  ExistingModuleHashConflict: { status: 409 },
  ExportInProgress: { status: 409 },
  // 429
  TooManyConcurrentMutations: { status: 429, webSocket: TRY_AGAIN_LATER },
  TooManyConcurrentRequests: { status: 429, webSocket: TRY_AGAIN_LATER },
  RateLimited: { status: 429, webSocket: TRY_AGAIN_LATER },
  // 500
  InternalServerError: { status: 500, webSocket: INTERNAL },
  // A server message the client could not understand: raised by the client, never sent.
  InvalidServerMessage: { status: 500 },
  // 503: transient; clients retry.
  OptimisticConcurrencyControlFailure: { status: 503, webSocket: TRY_AGAIN_LATER },
  Overloaded: { status: 503, webSocket: TRY_AGAIN_LATER },
  TemporarilyUnavailable: { status: 503, webSocket: TRY_AGAIN_LATER },
} as const satisfies Record<string, ErrorCodeInfo>;

/**
 * A protocol error code: a key of {@link PROTOCOL_ERROR_CODES}.
 *
 * @example
 * ```ts
 * const code: ProtocolErrorCode = 'BadDeployKey';
 * ```
 */
export type ProtocolErrorCode = keyof typeof PROTOCOL_ERROR_CODES;

/**
 * The HTTP status for an error code.
 *
 * @example
 * ```ts
 * httpStatusOf('OptimisticConcurrencyControlFailure'); // 503
 * ```
 */
export function httpStatusOf(code: ProtocolErrorCode): number {
  return PROTOCOL_ERROR_CODES[code].status;
}

/**
 * What a sync WebSocket does when `code` ends the connection, or `undefined` for codes that do
 * not end one (they become per-request failures or `AuthError`s instead). The close reason is
 * the code itself.
 *
 * @example
 * ```ts
 * webSocketActionOf('InternalServerError'); // { kind: 'close', closeCode: 1011 }
 * webSocketActionOf('BaseVersionMismatch'); // { kind: 'fatal' }
 * webSocketActionOf('BadFormat'); // undefined
 * ```
 */
export function webSocketActionOf(code: ProtocolErrorCode): WebSocketErrorAction | undefined {
  const info: ErrorCodeInfo = PROTOCOL_ERROR_CODES[code];
  return info.webSocket;
}

/**
 * Whether `value` is a known protocol error code.
 *
 * @example
 * ```ts
 * isProtocolErrorCode('BadFormat'); // true
 * isProtocolErrorCode('toString'); // false
 * ```
 */
export function isProtocolErrorCode(value: unknown): value is ProtocolErrorCode {
  return typeof value === 'string' && Object.hasOwn(PROTOCOL_ERROR_CODES, value);
}
