/**
 * What kind of failure ended a command. The CLI prints the message and exits non-zero for all of
 * them; the code lets tests and callers tell them apart without matching on wording.
 *
 * - `usage`: a bad command line (unknown command or flag, missing argument).
 * - `config`: no deployment URL or admin key, a bad `.env.local` or `convex.json`.
 * - `project`: the project on disk is wrong (no functions directory, a file in `_deps/`, …).
 * - `bundle`: esbuild refused a function file (syntax error, unresolvable import).
 * - `typecheck`: `tsc` found type errors.
 * - `unreachable`: the backend did not answer at all.
 * - `auth`: the backend refused the admin key.
 * - `server`: the backend answered with an error (a failed push, an unexpected body).
 * - `function`: a function run with `selfhost run` failed.
 * - `not-found`: what was asked for does not exist (`env get` of an unset variable).
 * - `interrupted`: the user stopped a confirmation or pressed Ctrl-C.
 *
 * @example
 * ```ts
 * const code: CliErrorCode = 'unreachable';
 * ```
 */
export type CliErrorCode =
  | 'usage'
  | 'config'
  | 'project'
  | 'bundle'
  | 'typecheck'
  | 'unreachable'
  | 'auth'
  | 'server'
  | 'function'
  | 'not-found'
  | 'interrupted';

/**
 * The one error class of the CLI: its `message` is what the user reads, so it says what went
 * wrong and what to do about it.
 *
 * @example
 * ```ts
 * throw new CliError('config', 'No deployment URL: pass --url or set SELFHOST_URL in .env.local.');
 * ```
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string, options?: { readonly cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/**
 * Whether `error` is a {@link CliError}.
 *
 * @example
 * ```ts
 * if (isCliError(error) && error.code === 'auth') reporter.failure(error.message);
 * ```
 */
export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}

/**
 * Turns anything thrown into a {@link CliError}, keeping the original as `cause` (and its stack).
 * A {@link CliError} is returned as is.
 *
 * @example
 * ```ts
 * catch (error) { throw cliErrorFromUnknown(error); }
 * ```
 */
export function cliErrorFromUnknown(cause: unknown): CliError {
  if (isCliError(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  const error = new CliError('server', `Unexpected error: ${message}`, { cause });
  if (cause instanceof Error && cause.stack !== undefined) error.stack = cause.stack;
  return error;
}
