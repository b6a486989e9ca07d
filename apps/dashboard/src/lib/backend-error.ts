/** Why a request to the backend failed: unreachable, refused credentials, or another error. */
export type BackendErrorKind = 'unreachable' | 'unauthorized' | 'failed';

/**
 * A failed request to the backend, sorted into what the user can do about it.
 *
 * @example
 * if (error instanceof BackendError && error.kind === 'unauthorized') showLogin();
 */
export class BackendError extends Error {
  readonly kind: BackendErrorKind;

  constructor(kind: BackendErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendError';
    this.kind = kind;
  }
}
