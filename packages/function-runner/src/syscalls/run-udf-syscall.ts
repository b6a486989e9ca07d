import { nestedErrorMessage } from '../execution/nested-error-message.ts';
import { developerError, isDeveloperError } from '../errors/developer-error.ts';
import { objectArg, stringArg } from './syscall-args.ts';
import { QUERY_AND_MUTATION, type SyscallHandler } from './syscall-handler.ts';
import { targetPath } from './function-reference.ts';
import { requireTransaction } from './require-transaction.ts';

/**
 * `1.0/runUdf`: `ctx.runQuery` / `ctx.runMutation` inside a query or mutation. The callee
 * runs in a fresh context of the same isolate and in the caller's transaction; a failing
 * nested mutation is rolled back to a checkpoint (a sub-transaction). Queries may call
 * queries; mutations may call queries and mutations. Depth is limited (semantics §9.1).
 *
 * @example
 * ```ts
 * await runUdfSyscall.run({ udfType: 'query', name: 'messages:list', args: {} }, env);
 * ```
 * @internal
 */
export const runUdfSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: async (args, env) => {
    const requested = stringArg(args, 'udfType', '1.0/runUdf');
    if (requested !== 'query' && requested !== 'mutation' && requested !== 'snapshotQuery') {
      throw developerError(`Invalid udfType ${JSON.stringify(requested)} for a nested call`);
    }
    // A snapshot query reads the same snapshot here; it is run as a query.
    const udfType = requested === 'mutation' ? 'mutation' : 'query';
    if (udfType === 'mutation' && env.udfType !== 'mutation') throw developerError('Queries cannot call mutations: ctx.runMutation is only available in mutations and actions.');
    const depth = env.depth + 1;
    if (depth > env.nested.maxCallDepth) {
      throw developerError(`Nested function calls are limited to a depth of ${env.nested.maxCallDepth} (MaximumCallDepthExceeded)`);
    }
    const path = targetPath(args);
    const callArgs = objectArg(args, 'args', '1.0/runUdf');
    const transaction = requireTransaction(env);
    const slot = env.slot;
    if (slot === null) throw developerError('Nested function calls need an isolate');
    const checkpoint = udfType === 'mutation' ? transaction.checkpoint() : undefined;
    let outcome;
    try {
      outcome = await env.nested.runNested({
        udfType,
        path,
        argsJson: JSON.stringify(callArgs),
        identity: env.identity,
        depth,
        transaction,
        slot,
        logs: env.logs,
        requestId: env.requestId,
      });
    } catch (error) {
      if (checkpoint !== undefined && isDeveloperError(error)) transaction.rollback(checkpoint);
      throw error;
    }
    if (outcome.status === 'success') return outcome.value;
    if (checkpoint !== undefined) transaction.rollback(checkpoint);
    throw developerError(nestedErrorMessage(outcome.errorMessage), outcome.errorData === undefined ? undefined : { data: outcome.errorData });
  },
};
