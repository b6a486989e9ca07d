import type { Identity } from './identity.ts';
import type { RunResult } from './run-types.ts';

/**
 * A function call made by an action (`ctx.runQuery` / `runMutation` / `runAction`, or a
 * `"use node"` action calling back).
 *
 * @example
 * ```ts
 * const call: NestedFunctionCall = { udfType: 'query', path: 'messages:list', args: '{}', identity: { kind: 'none' }, parentRequestId: 'r1' };
 * ```
 */
export interface NestedFunctionCall {
  readonly udfType: 'query' | 'mutation' | 'action';
  /** Canonical UDF path (`messages:list`). */
  readonly path: string;
  /** Convex-JSON text of the arguments object. */
  readonly args: string;
  /** The calling action's identity: it propagates to the callee. */
  readonly identity: Identity;
  readonly parentRequestId: string;
}

/**
 * How actions reach the database: the caller runs each nested call in its own transaction
 * (beginning it, committing mutations, retrying OCC conflicts — semantics §1.4), typically
 * by calling `deployment.run` again. Internal functions are allowed.
 *
 * @example
 * ```ts
 * const actionHost: ActionHost = {
 *   runFunction: (call) => withTransaction((transaction) => deployment.run({ ...call, visibility: 'internal', transaction })),
 * };
 * ```
 */
export interface ActionHost {
  runFunction(call: NestedFunctionCall): Promise<RunResult>;
}
