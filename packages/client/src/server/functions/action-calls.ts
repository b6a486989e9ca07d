import { convexToJson, jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import { getFunctionAddress } from '../api/function-address.ts';
import { parseArgs } from '../args/parse-args.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';

function callFrom(requestId: string, op: string) {
  return async (reference: unknown, args?: Record<string, Value>): Promise<unknown> => {
    const address = getFunctionAddress(reference);
    const result = await performAsyncSyscall(op, {
      ...address,
      args: convexToJson(parseArgs(args)),
      version: CONVEX_COMPAT_VERSION,
      requestId,
    });
    return jsonToConvex(result as JSONValue);
  };
}

/**
 * `ctx.runQuery`, `ctx.runMutation` and `ctx.runAction` of an action: each call runs in its own
 * transaction (`1.0/actions/query`, `…/mutation`, `…/action`).
 *
 * @example
 * ```ts
 * const { runQuery } = createActionCalls(requestId);
 * await runQuery(internal.items.list, {});
 * ```
 */
export function createActionCalls(requestId: string) {
  return {
    runQuery: callFrom(requestId, '1.0/actions/query'),
    runMutation: callFrom(requestId, '1.0/actions/mutation'),
    runAction: callFrom(requestId, '1.0/actions/action'),
  };
}
