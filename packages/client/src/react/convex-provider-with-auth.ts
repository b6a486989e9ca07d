import {
  createElement,
  type ReactElement,
  useEffect,
  useMemo,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';
import type { AuthTokenFetcher } from '../browser/sync/auth-token-fetcher.ts';
import { ConvexAuthContext, type ConvexAuthState } from './convex-auth-context.ts';
import { ConvexProvider } from './convex-provider.ts';
import type { ConvexReactClient } from './convex-react-client.ts';

type AuthClient = {
  setAuth(
    fetchToken: AuthTokenFetcher,
    onChange: (isAuthenticated: boolean) => void,
    onRefreshChange?: (isRefreshing: boolean) => void,
  ): void;
  clearAuth(): void;
};

type FetchAccessToken = (args: { forceRefreshToken: boolean }) => Promise<string | null>;

type EffectProps = {
  readonly providerAuthenticated: boolean;
  readonly providerLoading: boolean;
  readonly fetchAccessToken: FetchAccessToken;
  readonly client: AuthClient;
  readonly setConvexAuthenticated: Dispatch<SetStateAction<boolean | null>>;
  readonly setRefreshing: Dispatch<SetStateAction<boolean>>;
};

// Rendered before the children: its effect calls setAuth before theirs subscribe to queries.
function SetAuthFirst(props: EffectProps): null {
  const {
    providerAuthenticated,
    providerLoading,
    fetchAccessToken,
    client,
    setConvexAuthenticated,
    setRefreshing,
  } = props;
  useEffect(() => {
    if (!providerAuthenticated) return undefined;
    let current = true;
    client.setAuth(
      fetchAccessToken,
      (authenticated) => current && setConvexAuthenticated(authenticated),
      (refreshing) => current && setRefreshing(refreshing),
    );
    return () => {
      current = false;
      // Unmounting or changing before the token was confirmed: do not claim a loaded state.
      setConvexAuthenticated((authenticated) => (authenticated ? false : null));
      setRefreshing(false);
    };
  }, [
    providerAuthenticated,
    fetchAccessToken,
    providerLoading,
    client,
    setConvexAuthenticated,
    setRefreshing,
  ]);
  return null;
}

// Rendered after the children: its cleanup clears auth after their queries unsubscribed, so
// those do not rerun without auth on the server.
function ClearAuthLast(props: EffectProps): null {
  const {
    providerAuthenticated,
    providerLoading,
    fetchAccessToken,
    client,
    setConvexAuthenticated,
    setRefreshing,
  } = props;
  useEffect(() => {
    if (!providerAuthenticated) return undefined;
    return () => {
      client.clearAuth();
      // A new fetcher may mean a new auth context (another organization): loading again.
      setConvexAuthenticated(() => null);
      setRefreshing(false);
    };
  }, [
    providerAuthenticated,
    fetchAccessToken,
    providerLoading,
    client,
    setConvexAuthenticated,
    setRefreshing,
  ]);
  return null;
}

/**
 * A {@link ConvexProvider} that also authenticates the client with your auth provider and
 * provides {@link useConvexAuth}. `useAuth` is a hook returning the provider's state and a
 * token fetcher; keep `fetchAccessToken` stable (a new one re-authenticates).
 *
 * @example
 * ```ts
 * createElement(ConvexProviderWithAuth, { client: convex, useAuth: useAuthFromMyProvider }, createElement(App));
 * ```
 */
export function ConvexProviderWithAuth(props: {
  children?: ReactNode;
  client: AuthClient;
  useAuth: () => {
    isLoading: boolean;
    isAuthenticated: boolean;
    fetchAccessToken: FetchAccessToken;
  };
}): ReactElement {
  const { children, client, useAuth } = props;
  const {
    isLoading: providerLoading,
    isAuthenticated: providerAuthenticated,
    fetchAccessToken,
  } = useAuth();
  const [convexAuthenticated, setConvexAuthenticated] = useState<boolean | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  // The provider went back to loading: so do we (without passing through "unauthenticated").
  if (providerLoading && convexAuthenticated !== null) {
    setConvexAuthenticated(null);
    setRefreshing(false);
  }
  // The provider signed out: so are we.
  if (!providerLoading && !providerAuthenticated && convexAuthenticated !== false) {
    setConvexAuthenticated(false);
    setRefreshing(false);
  }

  const isAuthenticated = providerAuthenticated && (convexAuthenticated ?? false);
  const isLoading = convexAuthenticated === null;
  const isRefreshing = refreshing && isAuthenticated;
  const authState = useMemo<ConvexAuthState>(
    () => ({ isLoading, isAuthenticated, isRefreshing }),
    [isLoading, isAuthenticated, isRefreshing],
  );
  const effectProps: EffectProps = {
    providerAuthenticated,
    providerLoading,
    fetchAccessToken,
    client,
    setConvexAuthenticated,
    setRefreshing,
  };
  return createElement(
    ConvexAuthContext.Provider,
    { value: authState },
    createElement(SetAuthFirst, effectProps),
    createElement(ConvexProvider, { client: client as ConvexReactClient }, children),
    createElement(ClearAuthLast, effectProps),
  );
}
