/**
 * A failure that is not the function's fault (database unavailable, OCC retries exhausted,
 * overload): HTTP answers it with a `{code, message}` body and 5xx, the WebSocket closes with
 * 1013 or 1011 so the client reconnects and retries (compat §5.1).
 *
 * @example
 * throw new SystemExecutionError('OptimisticConcurrencyControlFailure', 'Too many conflicts on "messages".', 503);
 */
export class SystemExecutionError extends Error {
  override readonly name = 'SystemExecutionError';
  readonly code: string;
  readonly status: 500 | 503;

  constructor(code: string, message: string, status: 500 | 503) {
    super(message);
    this.code = code;
    this.status = status;
  }
}
