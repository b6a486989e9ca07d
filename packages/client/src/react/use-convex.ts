import { useContext } from 'react';
import { ConvexContext } from './convex-context.ts';
import type { ConvexReactClient } from './convex-react-client.ts';

/**
 * The {@link ConvexReactClient} of the nearest {@link ConvexProvider} (`undefined` at run time
 * outside one, as in convex/react).
 *
 * @example
 * ```ts
 * const convex = useConvex();
 * await convex.query(api.messages.list, {});
 * ```
 */
export function useConvex(): ConvexReactClient {
  return useContext(ConvexContext) as ConvexReactClient;
}

/**
 * @internal The client, or a clear error naming the hook that needs a {@link ConvexProvider}.
 *
 * @example
 * ```ts
 * const convex = useRequiredConvex('useMutation');
 * ```
 */
export function useRequiredConvex(hookName: string): ConvexReactClient {
  const convex = useContext(ConvexContext);
  if (convex === undefined) {
    throw new Error(
      `Could not find Convex client! \`${hookName}\` must be used in the React component tree under \`ConvexProvider\`. Did you forget it? See https://docs.convex.dev/quick-start#set-up-convex-in-your-react-app`,
    );
  }
  return convex;
}
