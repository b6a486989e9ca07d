'use client';
import { createContext, useContext } from 'react';
import type { ConvexReactClient } from '@selfhost/client/react';
import type { AdminCredentials } from '@selfhost/client/admin';

/** The signed-in deployment: its credentials, the live client, and how to sign out. */
export type Deployment = {
  readonly credentials: AdminCredentials;
  readonly client: ConvexReactClient;
  readonly logout: () => void;
};

/** @internal Provided by `DeploymentShell`. */
export const DeploymentContext = createContext<Deployment | null>(null);

/**
 * The signed-in deployment. Only inside the pages under `DeploymentShell`.
 *
 * @example
 * const { credentials } = useDeployment();
 */
export function useDeployment(): Deployment {
  const deployment = useContext(DeploymentContext);
  if (deployment === null) throw new Error('useDeployment() is only available on pages inside DeploymentShell.');
  return deployment;
}
