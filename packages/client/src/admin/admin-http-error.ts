/** Why an admin request failed: the backend is unreachable, refused the key, or answered an error. */
export type AdminHttpErrorKind = 'unreachable' | 'unauthorized' | 'failed';

/**
 * A failed admin request, sorted into what the user can do about it; the message is written
 * for people (a dashboard shows it as is).
 *
 * @example
 * if (error instanceof AdminHttpError && error.kind === 'unauthorized') showLogin();
 */
export class AdminHttpError extends Error {
  readonly kind: AdminHttpErrorKind;

  constructor(kind: AdminHttpErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AdminHttpError';
    this.kind = kind;
  }
}
