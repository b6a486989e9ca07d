import type { Database } from '@selfhost/database';
import { parseHttpBody, updateEnvironmentVariablesRequestSchema } from '@selfhost/protocol';
import type { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import type { ActiveDeployment } from '../deployment/active-deployment.ts';
import { applyEnvironmentChanges, readEnvironment } from '../deployment/environment-store.ts';
import { jsonResponse } from '../http/server-response.ts';
import { readJsonBody } from '../routing/read-json-body.ts';
import type { Router } from '../routing/router.ts';

/**
 * Environment variables (compat §2.4): `update_environment_variables` (also under `/api/v1/`)
 * applies a batch atomically and then every later execution and every subscription sees the
 * new values; `list_environment_variables` returns them all.
 *
 * @example
 * registerEnvironmentRoutes(router, { db, auth, active });
 */
export function registerEnvironmentRoutes(
  router: Router,
  deps: { readonly db: Database; readonly auth: AdminAuthenticator; readonly active: ActiveDeployment },
): void {
  for (const pattern of ['/api/update_environment_variables', '/api/v1/update_environment_variables']) {
    router.add({
      method: 'POST',
      pattern,
      access: 'admin',
      handler: async ({ request }) => {
        deps.auth.requireAdmin(request);
        const body = parseHttpBody(updateEnvironmentVariablesRequestSchema, await readJsonBody(request, 2 * 1024 * 1024), `POST ${pattern}`);
        const env = await deps.db.runMutation(async (tx) => {
          await applyEnvironmentChanges(tx, body.changes);
          return await readEnvironment(tx);
        });
        deps.active.setEnvironment(env);
        return { status: 200, headers: [], body: null };
      },
    });
  }
  router.add({
    method: 'GET',
    pattern: '/api/v1/list_environment_variables',
    access: 'admin',
    handler: async ({ request }) => {
      deps.auth.requireAdmin(request);
      const tx = deps.db.begin({ readOnly: true });
      try {
        return jsonResponse(200, { environmentVariables: await readEnvironment(tx) });
      } finally {
        tx.abort();
      }
    },
  });
}
