import { createElement, Fragment, type ReactElement, type ReactNode } from 'react';
import { useConvexAuth } from './use-convex-auth.ts';

/**
 * Renders its children while an authenticated session fetches a replacement for a token the
 * server rejected (the socket is paused meanwhile); routine refreshes do not show it.
 *
 * @example
 * ```ts
 * createElement(AuthRefreshing, null, 'Reconnecting…');
 * ```
 */
export function AuthRefreshing({ children }: { children: ReactNode }): ReactElement | null {
  const { isAuthenticated, isRefreshing } = useConvexAuth();
  return isAuthenticated && isRefreshing ? createElement(Fragment, null, children) : null;
}
