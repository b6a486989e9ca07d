import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useConvexAuth } from './use-convex-auth.ts';

/**
 * Renders its children once the server has accepted the user's token. Needs a {@link ConvexProviderWithAuth} above it.
 *
 * @example
 * ```ts
 * createElement(Authenticated, null, createElement(Dashboard));
 * ```
 */
export function Authenticated({ children }: { children: ReactNode }): ReactElement | null {
  const { isLoading, isAuthenticated } = useConvexAuth();
  return !isLoading && isAuthenticated ? createElement(Fragment, null, children) : null;
}
