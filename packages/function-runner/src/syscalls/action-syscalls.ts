import { nestedErrorMessage } from '../execution/nested-error-message.ts';
import { developerError } from '../errors/developer-error.ts';
import { objectArg } from './syscall-args.ts';
import { ACTIONS, type SyscallHandler } from './syscall-handler.ts';
import { targetPath } from './function-reference.ts';

function actionCall(udfType: 'query' | 'mutation' | 'action', op: string): SyscallHandler {
  return {
    kind: 'async',
    allowed: ACTIONS,
    run: async (args, env) => {
      const path = targetPath(args);
      const callArgs = objectArg(args, 'args', op);
      if (env.actionHost === undefined) throw developerError(`${op} is not available: this runner was given no way to run nested functions`);
      const result = await env.actionHost.runFunction({
        udfType,
        path,
        args: JSON.stringify(callArgs),
        identity: env.identity,
        parentRequestId: env.requestId,
      });
      env.logs.addAll(result.logLines);
      if (result.outcome.status === 'success') return result.outcome.value;
      throw developerError(nestedErrorMessage(result.outcome.errorMessage), result.outcome.errorData === undefined ? undefined : { data: result.outcome.errorData });
    },
  };
}

/**
 * `1.0/actions/query`: `ctx.runQuery` in an action (its own transaction, at the latest
 * timestamp, run by the caller's {@link ActionHost}).
 *
 * @example
 * ```ts
 * await actionQuerySyscall.run({ name: 'messages:list', args: {} }, env);
 * ```
 * @internal
 */
export const actionQuerySyscall = actionCall('query', '1.0/actions/query');

/**
 * `1.0/actions/mutation`: `ctx.runMutation` in an action (committed before it returns).
 *
 * @example
 * ```ts
 * await actionMutationSyscall.run({ name: 'messages:send', args: { body: 'hi' } }, env);
 * ```
 * @internal
 */
export const actionMutationSyscall = actionCall('mutation', '1.0/actions/mutation');

/**
 * `1.0/actions/action`: `ctx.runAction`.
 *
 * @example
 * ```ts
 * await actionActionSyscall.run({ name: 'jobs:run', args: {} }, env);
 * ```
 * @internal
 */
export const actionActionSyscall = actionCall('action', '1.0/actions/action');
