import { textResponse, type ServerResponse } from '../http/server-response.ts';
import type { Router } from '../routing/router.ts';
import { backendVersion } from '../version.ts';

const echoLimitBytes = 128 * 1024 * 1024;

/**
 * The meta and health routes of compat §2.2: `/`, `/version`, `/instance_name`,
 * `/instance_version` and `POST /echo`. None needs authentication.
 *
 * @example
 * registerHealthRoutes(router, { instanceName: 'convex-self-hosted' });
 */
export function registerHealthRoutes(router: Router, deployment: { readonly instanceName: string }): void {
  router
    .add('GET', '/', () => Promise.resolve(textResponse(200, 'This Convex deployment is running. See https://docs.convex.dev/.')))
    .add('GET', '/version', () => Promise.resolve(textResponse(200, backendVersion)))
    .add('GET', '/instance_version', () => Promise.resolve(textResponse(200, backendVersion)))
    .add('GET', '/instance_name', () => Promise.resolve(textResponse(200, deployment.instanceName)))
    .add('POST', '/echo', async ({ request }): Promise<ServerResponse> => {
      const body = await request.body(echoLimitBytes);
      return { status: 200, headers: [['content-type', request.header('content-type') ?? 'application/octet-stream']], body };
    });
}
