import { createContext } from 'react';

/**
 * The auth state an auth integration provides:
 * - `isLoading`: still resolving, or waiting for the server to accept the token;
 * - `isAuthenticated`: the server accepted the token;
 * - `isRefreshing`: the server rejected an accepted token and a new one is being fetched (only
 *   while `isAuthenticated`; routine background refreshes do not count).
 *
 * @example
 * ```ts
 * const { isLoading, isAuthenticated }: ConvexAuthState = useConvexAuth();
 * ```
 */
export type ConvexAuthState = {
  isLoading: boolean;
  isAuthenticated: boolean;
  isRefreshing: boolean;
};

/**
 * @internal The context {@link ConvexProviderWithAuth} fills.
 *
 * @example
 * ```ts
 * createElement(ConvexAuthContext.Provider, { value: state }, children);
 * ```
 */
export const ConvexAuthContext = createContext<ConvexAuthState | undefined>(undefined);
