import { ConvexReactClient } from '@selfhost/client/react';
import type { Logger } from '@selfhost/client/browser';
import type { AdminCredentials } from '@selfhost/client/admin';

// The client's own console chatter (function log lines, reconnect notices) would drown the
// browser console; the logs page shows function output, and the banner shows reconnects.
const quietLogger: Logger = { logVerbose() {}, log() {}, warn() {}, error() {} };

/**
 * The live (WebSocket) client of a deployment, authenticated with the admin key.
 *
 * @example
 * const client = createDeploymentClient({ deploymentUrl, adminKey });
 */
export function createDeploymentClient(credentials: AdminCredentials): ConvexReactClient {
  const client = new ConvexReactClient(credentials.deploymentUrl, {
    logger: quietLogger,
    skipConvexDeploymentUrlCheck: true,
    unsavedChangesWarning: false,
  });
  client.setAdminAuth(credentials.adminKey);
  return client;
}
