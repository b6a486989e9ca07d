// `any` where convex/react's types have it (references of any shape).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Value } from '@selfhost/values';
import type { OptimisticUpdate } from '../browser/sync/optimistic-local-store.ts';
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReference_future,
  FunctionReturnType,
  OptionalRestArgs,
} from '../server/api/function-reference.ts';
import { getFunctionName } from '../server/api/get-function-name.ts';
import type { ConvexReactClient } from './convex-react-client.ts';

/**
 * A mutation bound to a client: call it to run the mutation.
 *
 * @example
 * ```ts
 * const send: ReactMutation<typeof api.messages.send> = useMutation(api.messages.send);
 * await send({ body: 'hi' });
 * ```
 */
export interface ReactMutation<
  TMutation extends FunctionReference<'mutation'> | FunctionReference_future<'mutation'>,
> {
  (...args: OptionalRestArgs<TMutation>): Promise<FunctionReturnType<TMutation>>;
  /**
   * The same mutation with an optimistic update applied on every call (at most one per mutation).
   * The update must be synchronous.
   */
  withOptimisticUpdate<TUpdate extends OptimisticUpdate<FunctionArgs<TMutation>>>(
    optimisticUpdate: TUpdate &
      (ReturnType<TUpdate> extends Promise<any>
        ? 'Optimistic update handlers must be synchronous'
        : {}), // eslint-disable-line @typescript-eslint/no-empty-object-type -- convex/react's exact type
  ): ReactMutation<TMutation>;
}

// Called straight as an `onClick` handler, a mutation would get a React event as its arguments.
function assertNotEvent(args: unknown): void {
  if (
    typeof args === 'object' &&
    args !== null &&
    'bubbles' in args &&
    'persist' in args &&
    'isDefaultPrevented' in args
  ) {
    throw new Error(
      'Convex function called with SyntheticEvent object. Did you use a Convex function as an event handler directly? Event handlers like onClick receive an event object as their first argument. These SyntheticEvent objects are not valid Convex values. Try wrapping the function like `const handler = () => myMutation();` and using `handler` in the event handler.',
    );
  }
}

/**
 * @internal Builds a {@link ReactMutation} for `reference` on `client`.
 *
 * @example
 * ```ts
 * const send = createMutation(api.messages.send, convex);
 * ```
 */
export function createMutation(
  reference: FunctionReference<'mutation'> | FunctionReference_future<'mutation'>,
  client: ConvexReactClient,
  update?: OptimisticUpdate<any>,
): ReactMutation<any> {
  const mutation = (args?: Record<string, Value>): Promise<unknown> => {
    assertNotEvent(args);
    return client.mutation(reference as FunctionReference<'mutation'>, args, {
      optimisticUpdate: update,
    });
  };
  mutation.withOptimisticUpdate = (optimisticUpdate: OptimisticUpdate<any>): ReactMutation<any> => {
    if (update !== undefined)
      throw new Error(
        `Already specified optimistic update for mutation ${getFunctionName(reference)}`,
      );
    return createMutation(reference, client, optimisticUpdate);
  };
  return mutation as ReactMutation<any>;
}
