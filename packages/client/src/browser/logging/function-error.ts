import { ConvexError, type Value } from '@selfhost/values';
import type { FunctionFailure } from '../sync/function-result.ts';
import { functionPrefix, type FunctionKind } from './function-kind.ts';

/**
 * The error a client throws for a failed function call (spec §5.2): the message is
 * `[CONVEX M(path)] <server message>\n  Called by client`; with `errorData` it is a
 * `ConvexError` whose `data` is that value.
 *
 * @example
 * ```ts
 * throw functionError({ kind: 'mutation', udfPath: 'messages:send' }, failure);
 * ```
 */
export function functionError(
  source: { readonly kind: FunctionKind; readonly udfPath: string },
  failure: FunctionFailure,
): Error {
  const message = `${functionPrefix(source.kind, source.udfPath)} ${failure.errorMessage}\n  Called by client`;
  if (failure.errorData === undefined) return new Error(message);
  const error = new ConvexError<Value>(message);
  error.data = failure.errorData;
  return error;
}
