import type { Identity } from '@selfhost/function-runner';
import type { JSONValue } from '@selfhost/values';

/** Everything a caller says about one function call. */
export interface ExecutionRequest {
  /** As the client sent it: `dir/mod:fn`, `dir/mod`, optional `.js`. */
  readonly path: string;
  /** Convex-JSON args: an object or a one-element array holding it. */
  readonly args: JSONValue;
  readonly identity: Identity;
  /** Admin callers may run internal functions (and `_system/*` ones). */
  readonly isAdmin: boolean;
  /** Who called, for the log stream (`HTTP API`, `Websocket`, `Dashboard`, …). */
  readonly caller: string;
  /** Forwarded to `ctx.meta.getRequestMetadata()`. */
  readonly requestId?: string | undefined;
  /** Subscribed queries: the journal of the previous run (compat §3.4, pagination end cursor). */
  readonly journal?: string | null | undefined;
}
