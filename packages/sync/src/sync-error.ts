import { isProtocolError, webSocketActionOf } from '@selfhost/protocol';
import { SYNC_ERROR_CODES, type SyncCloseAction, type SyncErrorCode } from './sync-error-codes.ts';

const BRAND = Symbol.for('selfhost.SyncError');

/**
 * The one error class of `@selfhost/sync`: something that ends a sync connection. `code` picks
 * the close action from {@link SYNC_ERROR_CODES}; `message` is what a `FatalError` says.
 *
 * @example
 * ```ts
 * throw new SyncError('DuplicateQueryId', 'Duplicate query ID: 3');
 * ```
 */
export class SyncError extends Error {
  override readonly name = 'SyncError';
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** What the connection does about it. */
  get action(): SyncCloseAction {
    return SYNC_ERROR_CODES[this.code];
  }
}

/**
 * Whether `value` is a {@link SyncError} (also across copies of this package).
 *
 * @example
 * ```ts
 * if (isSyncError(error, 'SlowClient')) metrics.slowClients++;
 * ```
 */
export function isSyncError(value: unknown, code?: SyncErrorCode): value is SyncError {
  if (typeof value !== 'object' || value === null) return false;
  if (!(value instanceof SyncError) && (value as Record<symbol, unknown>)[BRAND] !== true)
    return false;
  return code === undefined || (value as SyncError).code === code;
}

/**
 * Turns anything thrown (a host failure, a parse error) into the action that ends the
 * connection: a `SyncError` keeps its own; a `ProtocolError` uses its WebSocket action
 * (`WSMessageInvalidJson` → fatal, `Overloaded` → 1013 …); anything else is 1011
 * `InternalServerError`.
 *
 * @example
 * ```ts
 * closeActionOf(new ProtocolError('Overloaded', 'busy')); // { kind: 'close', closeCode: 1013, reason: 'Overloaded' }
 * ```
 */
export function closeActionOf(error: unknown): SyncCloseAction {
  if (isSyncError(error)) return error.action;
  if (isProtocolError(error)) {
    const action = webSocketActionOf(error.code);
    if (action?.kind === 'fatal') return action;
    if (action !== undefined)
      return { kind: 'close', closeCode: action.closeCode, reason: error.code };
  }
  return SYNC_ERROR_CODES.InternalServerError;
}
