'use client';
import { useConvexConnectionState } from '@selfhost/client/react';
import { useEffect, useState } from 'react';
import { useBackendReachable } from './use-backend-reachable.ts';

// A socket that is still connecting right after start-up is not worth a banner.
const graceMs = 1_500;

/**
 * A banner while the live connection is down: whether the backend answers at all, and that the
 * dashboard keeps retrying on its own (the client reconnects with backoff; nothing to click).
 */
export function ConnectionBanner({ deploymentUrl }: { deploymentUrl: string }) {
  const state = useConvexConnectionState();
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), graceMs);
    return () => clearTimeout(timer);
  }, []);
  const down = !state.isWebSocketConnected && (state.hasEverConnected || graceOver);
  const reachable = useBackendReachable(deploymentUrl, down);
  if (!down) return null;
  return (
    <div role="status" className="banner">
      {reachable === false ? (
        <>
          <strong>The backend at {deploymentUrl} is not reachable.</strong> Data on screen may be out of date; the dashboard
          reconnects by itself when it is back.
        </>
      ) : (
        <>
          <strong>Reconnecting to {deploymentUrl}…</strong> Retrying automatically
          {state.connectionRetries > 0 ? ` (attempt ${state.connectionRetries + 1})` : ''}.
        </>
      )}
    </div>
  );
}
