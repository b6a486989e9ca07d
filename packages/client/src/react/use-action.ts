import type { Value } from '@selfhost/values';
import { useMemo } from 'react';
import type {
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import { useRequiredConvex } from './use-convex.ts';

/**
 * An action bound to a client: call it to run the action.
 *
 * @example
 * ```ts
 * const summarize: ReactAction<typeof api.ai.summarize> = useAction(api.ai.summarize);
 * ```
 */
export interface ReactAction<
  TAction extends FunctionReference<'action'> | FunctionReference_future<'action'>,
> {
  (...args: OptionalRestArgs<TAction>): Promise<FunctionReturnType<TAction>>;
}

/**
 * A stable function that runs an action. Actions are not retried: handle their errors.
 *
 * @example
 * ```ts
 * const summarize = useAction(api.ai.summarize);
 * const text = await summarize({ id });
 * ```
 */
export function useAction<
  TAction extends FunctionReference<'action'> | FunctionReference_future<'action'>,
>(action: TAction): ReactAction<TAction> {
  const reference = typeof action === 'string' ? makeFunctionReference<'action'>(action) : action;
  const convex = useRequiredConvex('useAction');
  const name = getFunctionName(reference);
  return useMemo(
    () =>
      ((args?: Record<string, Value>) =>
        convex.action(reference as FunctionReference<'action'>, args)) as ReactAction<TAction>,
    [convex, name],
  );
}
