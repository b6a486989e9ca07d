import { convexToJson, jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import { getFunctionAddress } from '../api/function-address.ts';
import { parseArgs } from '../args/parse-args.ts';
import type { TransactionLimits } from '../meta/meta.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';

/**
 * How a nested call from a query or mutation runs: as a query, a mutation (sub-transaction), or a
 * query on the snapshot the caller started from.
 *
 * @example
 * ```ts
 * const kind: NestedUdfType = 'snapshotQuery';
 * ```
 */
export type NestedUdfType = 'query' | 'mutation' | 'snapshotQuery';

/**
 * `1.0/runUdf`: runs another function inside the calling query's or mutation's transaction and
 * returns its result.
 *
 * @example
 * ```ts
 * await runUdf({ udfType: 'query', reference: api.messages.list, args: {} });
 * ```
 */
export async function runUdf(call: {
  readonly udfType: NestedUdfType;
  readonly reference: unknown;
  readonly args: Record<string, Value> | undefined;
  readonly transactionLimits?: TransactionLimits | undefined;
}): Promise<unknown> {
  const args = parseArgs(call.args);
  const syscallArgs: Record<string, unknown> = {
    udfType: call.udfType,
    args: convexToJson(args),
    ...getFunctionAddress(call.reference),
  };
  if (call.transactionLimits) syscallArgs['transactionLimits'] = call.transactionLimits;
  return jsonToConvex((await performAsyncSyscall('1.0/runUdf', syscallArgs)) as JSONValue);
}
