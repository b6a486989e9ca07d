import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useConvexAuth } from './use-convex-auth.ts';

/**
 * Renders its children when auth is in use but the user is not authenticated. Needs a {@link ConvexProviderWithAuth} above it.
 *
 * @example
 * ```ts
 * createElement(Unauthenticated, null, createElement(Dashboard));
 * ```
 */
export function Unauthenticated({ children }: { children: ReactNode }): ReactElement | null {
  const { isLoading, isAuthenticated } = useConvexAuth();
  return !isLoading && !isAuthenticated ? createElement(Fragment, null, children) : null;
}
