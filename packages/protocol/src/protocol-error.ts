import { type ProtocolErrorCode } from './error-codes.ts';

/**
 * One step of the path to the field at fault: an object key or an array index.
 *
 * @example
 * ```ts
 * const path: readonly PathKey[] = ['modifications', 0, 'queryId'];
 * ```
 */
export type PathKey = string | number;

const BRAND = Symbol.for('selfhost.ProtocolError');

/**
 * The one error class of `@selfhost/protocol`. `code` says what went wrong (and, through
 * `PROTOCOL_ERROR_CODES`, which HTTP status and WebSocket action it maps to); `message` names
 * the field at fault; `path` is that field's location inside the message (empty when the
 * message as a whole is at fault).
 *
 * @example
 * ```ts
 * try {
 *   parseClientMessage(text);
 * } catch (error) {
 *   if (isProtocolError(error)) console.log(error.code, error.path, error.message);
 * }
 * ```
 */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code: ProtocolErrorCode;
  readonly path: readonly PathKey[];

  constructor(
    code: ProtocolErrorCode,
    message: string,
    options: { path?: readonly PathKey[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = Object.freeze([...(options.path ?? [])]);
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * Whether `value` is a {@link ProtocolError}, also across copies of this package (it checks a
 * `Symbol.for` brand, not only `instanceof`). Pass `code` to also require that code.
 *
 * @example
 * ```ts
 * if (isProtocolError(error, 'WSMessageInvalidJson')) sendFatalError(error.message);
 * ```
 */
export function isProtocolError(value: unknown, code?: ProtocolErrorCode): value is ProtocolError {
  if (typeof value !== 'object' || value === null) return false;
  if (!(value instanceof ProtocolError) && (value as Record<symbol, unknown>)[BRAND] !== true)
    return false;
  return code === undefined || (value as ProtocolError).code === code;
}

/**
 * Turns anything thrown into a {@link ProtocolError}: a ProtocolError passes through unchanged;
 * anything else becomes one with `code` (default `InternalServerError`), its message, and the
 * original as `cause` (so the stack is kept).
 *
 * @example
 * ```ts
 * try {
 *   await handle(request);
 * } catch (cause) {
 *   const error = protocolErrorFromUnknown(cause);
 *   return Response.json(errorBodyOf(error), { status: httpStatusOf(error.code) });
 * }
 * ```
 */
export function protocolErrorFromUnknown(
  cause: unknown,
  code: ProtocolErrorCode = 'InternalServerError',
): ProtocolError {
  if (isProtocolError(cause)) return cause;
  const message =
    cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : 'Unknown error';
  const error = new ProtocolError(code, message, { cause });
  if (cause instanceof Error && cause.stack !== undefined) error.stack = cause.stack;
  return error;
}
