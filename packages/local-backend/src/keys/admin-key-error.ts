/**
 * What an {@link AdminKeyError} is about:
 * - `BadAdminKey`: a presented admin key was refused (see {@link AdminKeyProblem} for why);
 * - `InvalidInstanceSecret`: the instance secret given to mint or verify is not 32 bytes of hex;
 * - `InvalidInstanceName`: the instance name given to mint cannot appear in an admin key.
 *
 * Only `BadAdminKey` comes from a client's input. The reference answers it with 401
 * `{"code":"BadAdminKey","message":"The provided admin key was invalid for this instance"}` on
 * header-authenticated routes, and with 403 `BadDeployKey` on routes that take the key in the
 * body (deploy). The other two are server misconfiguration.
 *
 * @example
 * ```ts
 * const code: AdminKeyErrorCode = 'BadAdminKey';
 * ```
 */
export type AdminKeyErrorCode = 'BadAdminKey' | 'InvalidInstanceSecret' | 'InvalidInstanceName';

/**
 * Why an admin key was refused:
 * - `malformed`: not `[prod:|dev:]<name>|<hex>` (or bare hex), or the hex is too short;
 * - `unknown-version`: the first byte is not a version we know;
 * - `undecryptable`: neither format opens it: minted with another instance secret, or tampered with;
 * - `bad-contents`: it opened, but the message inside is not a valid admin key;
 * - `wrong-instance`: it names another instance.
 *
 * @example
 * ```ts
 * const problem: AdminKeyProblem = 'wrong-instance';
 * ```
 */
export type AdminKeyProblem =
  'malformed' | 'unknown-version' | 'undecryptable' | 'bad-contents' | 'wrong-instance';

/**
 * The one error class of the admin-key module. Messages say what is wrong and never contain the
 * instance secret, derived keys or the key's ciphertext.
 *
 * @example
 * ```ts
 * try {
 *   verifyAdminKey(key, { instanceName, instanceSecret });
 * } catch (error) {
 *   if (isAdminKeyError(error) && error.code === 'BadAdminKey') return unauthorized(error.problem);
 *   throw error;
 * }
 * ```
 */
export class AdminKeyError extends Error {
  override readonly name = 'AdminKeyError';
  readonly code: AdminKeyErrorCode;
  /** Set when `code` is `BadAdminKey`. */
  readonly problem: AdminKeyProblem | undefined;

  constructor(
    code: AdminKeyErrorCode,
    message: string,
    options: { readonly problem?: AdminKeyProblem; readonly cause?: unknown } = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.problem = options.problem;
  }
}

/**
 * A refused admin key: shorthand for `new AdminKeyError('BadAdminKey', …)`.
 *
 * @example
 * ```ts
 * throw badAdminKey('wrong-instance', 'the key is for instance "tacos", not "carnitas"');
 * ```
 */
export function badAdminKey(
  problem: AdminKeyProblem,
  message: string,
  cause?: unknown,
): AdminKeyError {
  return new AdminKeyError(
    'BadAdminKey',
    message,
    cause === undefined ? { problem } : { problem, cause },
  );
}

/**
 * Narrows `unknown` to {@link AdminKeyError}.
 *
 * @example
 * ```ts
 * if (isAdminKeyError(error) && error.code === 'BadAdminKey') { … }
 * ```
 */
export function isAdminKeyError(error: unknown): error is AdminKeyError {
  return error instanceof AdminKeyError;
}
