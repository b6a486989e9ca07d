import { useMemo } from 'react';
import type { ConnectionState } from '../browser/sync/connection-state.ts';
import { useRequiredConvex } from './use-convex.ts';
import { useSubscription } from './use-subscription.ts';

function sameState(a: ConnectionState, b: ConnectionState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The client's {@link ConnectionState}, re-rendering when it changes (online/offline, requests
 * starting and finishing).
 *
 * @example
 * ```ts
 * const { isWebSocketConnected } = useConvexConnectionState();
 * ```
 */
export function useConvexConnectionState(): ConnectionState {
  const convex = useRequiredConvex('useConvexConnectionState');
  const source = useMemo(
    () => ({
      getCurrentValue: () => convex.connectionState(),
      subscribe: (onChange: () => void) => convex.subscribeToConnectionState(onChange),
    }),
    [convex],
  );
  return useSubscription(source, sameState);
}
