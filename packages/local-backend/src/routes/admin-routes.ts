import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import { jsonResponse } from '../http/server-response.ts';
import type { Router } from '../routing/router.ts';

/** The operations an admin key allows, as `check_admin_key` reports them. */
const allowedOps = ['read', 'write', 'deploy', 'runFunctions', 'viewLogs', 'manageEnvironmentVariables'];

/**
 * Admin utility routes (compat §2.2): `GET /api/check_admin_key` (the dashboard's login check)
 * and `GET /api/v1/get_canonical_urls` (every `convex dev` start).
 *
 * @example
 * registerAdminRoutes(router, { auth, cloudOrigin, siteOrigin });
 */
export function registerAdminRoutes(
  router: Router,
  deps: { readonly auth: AdminAuthenticator; readonly cloudOrigin: string; readonly siteOrigin: string },
): void {
  router.add({
    method: 'GET',
    pattern: '/api/check_admin_key',
    access: 'admin',
    handler: ({ request }) => {
      const claims = deps.auth.requireAdmin(request);
      return Promise.resolve(
        jsonResponse(200, {
          success: true,
          allowedOps: claims.readOnly ? ['read', 'viewLogs'] : allowedOps,
          isReadOnly: claims.readOnly,
        }),
      );
    },
  });
  router.add({
    method: 'GET',
    pattern: '/api/v1/get_canonical_urls',
    access: 'admin',
    handler: ({ request }) => {
      deps.auth.requireAdmin(request);
      return Promise.resolve(jsonResponse(200, { convexCloudUrl: deps.cloudOrigin, convexSiteUrl: deps.siteOrigin }));
    },
  });
}
