import { useMemo } from 'react';
import type {
  FunctionReference,
  FunctionReference_future,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import { createMutation, type ReactMutation } from './react-mutation.ts';
import { useRequiredConvex } from './use-convex.ts';

/**
 * A stable function that runs a mutation; add `.withOptimisticUpdate(…)` for instant UI.
 *
 * @example
 * ```ts
 * const send = useMutation(api.messages.send).withOptimisticUpdate((store, { body }) => {
 *   const list = store.getQuery(api.messages.list, {});
 *   if (list) store.setQuery(api.messages.list, {}, [...list, { body }]);
 * });
 * ```
 */
export function useMutation<
  TMutation extends FunctionReference<'mutation'> | FunctionReference_future<'mutation'>,
>(mutation: TMutation): ReactMutation<TMutation> {
  const reference =
    typeof mutation === 'string' ? makeFunctionReference<'mutation'>(mutation) : mutation;
  const convex = useRequiredConvex('useMutation');
  const name = getFunctionName(reference);
  // Stable per client and function name, so it can go in dependency lists.
  return useMemo(
    () => createMutation(reference, convex),
    [convex, name],
  ) as ReactMutation<TMutation>;
}
