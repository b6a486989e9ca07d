import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useConvexAuth } from './use-convex-auth.ts';

/**
 * Renders its children while auth is still being resolved. Needs a {@link ConvexProviderWithAuth} above it.
 *
 * @example
 * ```ts
 * createElement(AuthLoading, null, createElement(Dashboard));
 * ```
 */
export function AuthLoading({ children }: { children: ReactNode }): ReactElement | null {
  const { isLoading } = useConvexAuth();
  return isLoading ? createElement(Fragment, null, children) : null;
}
