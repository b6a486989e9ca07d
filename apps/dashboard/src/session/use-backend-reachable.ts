'use client';
import { useEffect, useState } from 'react';
import { fetchVersion } from '@selfhost/client/admin';

/**
 * While `active`, asks `GET /version` every few seconds and reports whether the backend
 * answers: the banner's way to tell "server down" from "reconnecting".
 *
 * @example
 * const reachable = useBackendReachable(url, !connected);
 */
export function useBackendReachable(deploymentUrl: string, active: boolean, intervalMs = 3_000): boolean | null {
  const [reachable, setReachable] = useState<boolean | null>(null);
  useEffect(() => {
    if (!active) {
      setReachable(null);
      return;
    }
    const controller = new AbortController();
    const probe = () =>
      fetchVersion(deploymentUrl, controller.signal).then(
        () => !controller.signal.aborted && setReachable(true),
        () => !controller.signal.aborted && setReachable(false),
      );
    void probe();
    const timer = setInterval(() => void probe(), intervalMs);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [deploymentUrl, active, intervalMs]);
  return reachable;
}
