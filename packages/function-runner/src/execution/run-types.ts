import type { JSONValue } from '@selfhost/values';
import type { UdfTransaction } from '../database/udf-transaction.ts';
import type { LogLine } from '../logs/log-line.ts';
import type { ActionHost } from './action-host.ts';
import type { Identity } from './identity.ts';

/**
 * One function execution requested by the caller.
 *
 * @example
 * ```ts
 * const request: RunRequest = { udfType: 'query', path: 'messages:list', args: { channel: 'a' }, transaction };
 * ```
 */
export interface RunRequest {
  readonly udfType: 'query' | 'mutation' | 'action';
  /** UDF path as clients send it: `dir/mod:fn`, `dir/mod` for `default`, `.js` optional. */
  readonly path: string;
  /** Convex-JSON arguments: an object, or a one-element array holding it (as JSON text or parsed). */
  readonly args: string | JSONValue;
  /** Defaults to `none`. */
  readonly identity?: Identity;
  /** `public` (default) refuses internal functions; `internal` allows them (admin, nested calls). */
  readonly visibility?: 'public' | 'internal';
  /** Queries and mutations: the transaction to run in (the caller owns it). */
  readonly transaction?: UdfTransaction;
  /** Actions: how nested calls reach queries and mutations. */
  readonly actionHost?: ActionHost;
  /** Opaque id forwarded to the function (`ctx.meta`, `invokeAction`); generated when absent. */
  readonly requestId?: string;
  /** Receives each console line as it is written (actions stream them). */
  readonly onLogLine?: (line: LogLine) => void;
  /**
   * Queries: the journal of this subscription's previous run (compat §3.4), as
   * {@link RunResult.journal} returned it. The function's `.paginate()` without an `endCursor`
   * then reads up to the journal's end cursor, so a re-run keeps its page boundary.
   */
  readonly journal?: string | null | undefined;
}

/**
 * How a function ended. Values are Convex-JSON text, ready to embed in a response.
 *
 * @example
 * ```ts
 * const outcome: RunOutcome = { status: 'error', errorMessage: 'Uncaught Error: boom', errorData: '{"code":1}' };
 * ```
 */
export type RunOutcome =
  | { readonly status: 'success'; readonly value: string }
  | { readonly status: 'error'; readonly errorMessage: string; readonly errorData?: string };

/**
 * The result of a run: the outcome plus everything the caller logs or returns.
 *
 * @example
 * ```ts
 * if (result.outcome.status === 'success') send(result.outcome.value, result.logLines.map(formatLogLine));
 * ```
 */
export interface RunResult {
  readonly outcome: RunOutcome;
  readonly logLines: readonly LogLine[];
  /** Canonical UDF path (`messages:list`). */
  readonly path: string;
  readonly udfType: 'query' | 'mutation' | 'action' | 'httpAction';
  readonly requestId: string;
  /** Wall time of the whole run. */
  readonly executionTimeMs: number;
  /** Time spent running JavaScript inside isolates (queries and mutations are limited on it). */
  readonly userTimeMs: number;
  /**
   * Queries and mutations: the journal to send with the result (compat §3.4) — the end cursor of
   * the function's `.paginate()` (a signed database cursor, so it cannot be forged), null when it
   * did not paginate. A failed run that did not get to paginate keeps the request's journal.
   */
  readonly journal?: string | null | undefined;
}
