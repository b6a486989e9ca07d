import type { BackendConfig } from '../config/backend-config.ts';
import type { InstanceCredentials } from '../credentials/instance-credentials.ts';
import { loadTransport } from '../http/load-transport.ts';
import type { HttpTransport } from '../http/transport.ts';
import { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { createRequestPipeline } from '../routing/request-pipeline.ts';
import { Router } from '../routing/router.ts';
import { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import { registerAdminRoutes } from '../routes/admin-routes.ts';
import { registerHealthRoutes } from '../routes/health-routes.ts';
import { listenBoth } from './listen-both.ts';

/** A running deployment. */
export interface RunningBackend {
  readonly apiPort: number;
  readonly sitePort: number;
  readonly transport: HttpTransport['name'];
  readonly metrics: MetricsRegistry;
  /** The route table, for tests that walk every route. */
  routes(): ReturnType<Router['routes']>;
  /** Stops accepting requests, finishes what is in flight (bounded) and closes everything. */
  stop(): Promise<void>;
}

/** Everything `startBackend` needs. */
export interface StartBackendOptions {
  readonly config: BackendConfig;
  readonly credentials: InstanceCredentials;
  readonly log: (line: string) => void;
}

/**
 * Composes and starts a deployment: the HTTP edge on the API and site ports and the routes.
 *
 * @example
 * const backend = await startBackend({ config, credentials, log: console.log });
 * await backend.stop();
 */
export async function startBackend(options: StartBackendOptions): Promise<RunningBackend> {
  const { config, credentials, log } = options;
  const transport = await loadTransport(config.transport, log);
  const metrics = new MetricsRegistry();
  const router = new Router();
  const auth = new AdminAuthenticator(credentials.instanceName, credentials.instanceSecret);
  registerHealthRoutes(router, { instanceName: credentials.instanceName });
  registerAdminRoutes(router, { auth, cloudOrigin: config.cloudOrigin, siteOrigin: config.siteOrigin });
  if (config.metricsEnabled) {
    router.add({
      method: 'GET',
      pattern: '/metrics',
      access: 'public',
      handler: () => Promise.resolve({ status: 200, headers: [['content-type', 'text/plain; version=0.0.4']], body: metrics.render() }),
    });
  }
  const onRequest = createRequestPipeline(router, { metrics, log });
  const ports = await listenBoth(transport, { host: config.host, apiPort: config.port, sitePort: config.sitePort, onRequest });
  return {
    apiPort: ports.api.port,
    sitePort: ports.site.port,
    transport: transport.name,
    metrics,
    routes: () => router.routes(),
    stop: async () => {
      await Promise.all([ports.api.close(), ports.site.close()]);
    },
  };
}
