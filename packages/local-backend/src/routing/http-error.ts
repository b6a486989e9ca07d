/**
 * A request-level failure: the route cannot answer, and the client gets a non-2xx status with
 * the body `{"code": code, "message": message}` (compat §2.0). Function-level failures are
 * not this: they are 200 responses with `status: "error"`.
 *
 * @example
 * throw new HttpError(403, 'BadDeployKey', 'The admin key is not valid for this deployment.');
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
