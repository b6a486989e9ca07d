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
  const text = (pattern: string, body: () => string) =>
    router.add({ method: 'GET', pattern, access: 'public', handler: () => Promise.resolve(textResponse(200, body())) });
  text('/', () => 'This Convex deployment is running. See https://docs.convex.dev/.');
  text('/version', () => backendVersion);
  text('/instance_version', () => backendVersion);
  text('/instance_name', () => deployment.instanceName);
  router.add({
    method: 'POST',
    pattern: '/echo',
    access: 'public',
    handler: async ({ request }): Promise<ServerResponse> => {
      const body = await request.body(echoLimitBytes);
      return { status: 200, headers: [['content-type', request.header('content-type') ?? 'application/octet-stream']], body };
    },
  });
}
