import { useContext } from 'react';
import { ConvexAuthContext, type ConvexAuthState } from './convex-auth-context.ts';

/**
 * The {@link ConvexAuthState} of the nearest {@link ConvexProviderWithAuth}.
 *
 * @example
 * ```ts
 * const { isLoading, isAuthenticated } = useConvexAuth();
 * if (!isLoading && !isAuthenticated) return createElement(SignIn);
 * ```
 */
export function useConvexAuth(): ConvexAuthState {
  const state = useContext(ConvexAuthContext);
  if (state === undefined) {
    throw new Error(
      'Could not find `ConvexProviderWithAuth` (or `ConvexProviderWithClerk` or `ConvexProviderWithAuth0`) as an ancestor component. This component may be missing, or you might have two instances of the `convex/react` module loaded in your project.',
    );
  }
  return state;
}
