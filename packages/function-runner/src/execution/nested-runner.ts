import type { UdfTransaction } from '../database/udf-transaction.ts';
import type { IsolateSlot } from '../isolates/isolate-slot.ts';
import type { LogCollector } from '../logs/log-collector.ts';
import type { Identity } from './identity.ts';
import type { RunOutcome } from './run-types.ts';

/**
 * A query or mutation called from a query or mutation (`1.0/runUdf`): it runs in a fresh
 * context of the caller's isolate, in the caller's transaction.
 *
 * @example
 * ```ts
 * const call: NestedUdfCall = { udfType: 'query', path: 'messages:list', argsJson: '{}', identity, depth: 1, transaction, slot, logs, requestId: 'r1' };
 * ```
 * @internal
 */
export interface NestedUdfCall {
  readonly udfType: 'query' | 'mutation';
  readonly path: string;
  /** Convex-JSON text of the arguments object. */
  readonly argsJson: string;
  readonly identity: Identity;
  readonly depth: number;
  readonly transaction: UdfTransaction;
  readonly slot: IsolateSlot;
  readonly logs: LogCollector;
  readonly requestId: string;
}

/**
 * Runs nested query/mutation calls; implemented by the deployment.
 *
 * @example
 * ```ts
 * const outcome = await nested.runNested(call);
 * ```
 * @internal
 */
export interface NestedRunner {
  runNested(call: NestedUdfCall): Promise<RunOutcome>;
  /** Deepest nesting allowed (semantics §9.1: 8). */
  readonly maxCallDepth: number;
}
