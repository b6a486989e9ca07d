import path from 'node:path';
import { abandonUnfinishedSchemaChanges, RetentionService, type Database } from '@selfhost/database';
import { FunctionRunner, NodeProcessExecutor } from '@selfhost/function-runner';
import { SyncEngine } from '@selfhost/sync';
import { bundleSystemUdfs } from '@selfhost/system-udfs';
import { preloadUdfRuntimeBundle } from '@selfhost/udf-runtime';
import { AdminAuthenticator } from '../auth/admin-authenticator.ts';
import { deploymentBeacon } from '../beacon/deployment-beacon.ts';
import type { BackendConfig } from '../config/backend-config.ts';
import type { InstanceCredentials } from '../credentials/instance-credentials.ts';
import { PushCoordinator } from '../deploy/push-coordinator.ts';
import { ActiveDeployment } from '../deployment/active-deployment.ts';
import { openBackendDatabase } from '../deployment/open-backend-database.ts';
import { analyzeSystemModules } from '../deployment/system-analysis-cache.ts';
import { CommitMetrics } from '../execution/commit-metrics.ts';
import { ExecutionLimits } from '../execution/execution-limits.ts';
import { ExecutionLog } from '../execution/execution-log.ts';
import { FunctionExecutor } from '../execution/function-executor.ts';
import { withNodeActionTimeout } from '../execution/node-action-timeout.ts';
import { QueryResultCache } from '../execution/query-result-cache.ts';
import { registerEnvironmentRoutes } from '../http-api/environment-routes.ts';
import { registerFunctionRoutes } from '../http-api/function-routes.ts';
import { registerHttpActionRoutes } from '../http-api/http-action-routes.ts';
import { registerLogRoutes } from '../http-api/log-routes.ts';
import { registerPushRoutes } from '../http-api/push-routes.ts';
import { loadTransport } from '../http/load-transport.ts';
import { jsonResponse, type ServerResponse } from '../http/server-response.ts';
import type { RequestHandler, UpgradeHandler } from '../http/transport.ts';
import type { HttpTransport } from '../http/transport.ts';
import { connectionGauges } from '../metrics/connection-gauges.ts';
import { deploymentGauges } from '../metrics/deployment-gauges.ts';
import { MetricsRegistry } from '../metrics/metrics-registry.ts';
import { databaseErrorMapper, protocolErrorMapper, systemErrorMapper } from '../routing/error-mappers.ts';
import { createRequestPipeline } from '../routing/request-pipeline.ts';
import { Router } from '../routing/router.ts';
import { registerAdminRoutes } from '../routes/admin-routes.ts';
import { registerHealthRoutes } from '../routes/health-routes.ts';
import { BackendSyncHost } from '../sync-host/backend-sync-host.ts';
import { listenBoth } from './listen-both.ts';

/** `/api/<client version>/sync` or `/api/sync` (compat §3.1). */
const syncPath = /^\/api\/(?:[^/]+\/)?sync$/;

/** A running deployment. */
export interface RunningBackend {
  readonly apiPort: number;
  readonly sitePort: number;
  /** Public URLs (with the bound ports when port 0 was asked for). */
  readonly cloudOrigin: string;
  readonly siteOrigin: string;
  readonly transport: HttpTransport['name'];
  readonly metrics: MetricsRegistry;
  readonly db: Database;
  /** The route table, for tests that walk every route. */
  routes(): ReturnType<Router['routes']>;
  /**
   * Stops accepting requests at once, lets what is in flight finish for up to `drainMs`
   * (default 5 s; long polls answer right away), then closes everything, the database last.
   */
  stop(options?: { readonly drainMs?: number }): Promise<void>;
}

/** Everything `startBackend` needs. */
export interface StartBackendOptions {
  readonly config: BackendConfig;
  readonly credentials: InstanceCredentials;
  readonly log: (line: string) => void;
}

/**
 * Composes and starts a deployment: database, function runner with the system functions and
 * the last push, the HTTP edge on the API and site ports, and every route.
 *
 * @example
 * const backend = await startBackend({ config, credentials, log: console.log });
 * await backend.stop();
 */
export async function startBackend(options: StartBackendOptions): Promise<RunningBackend> {
  const { config, credentials, log } = options;
  const transport = await loadTransport(config.transport, log);
  const metrics = new MetricsRegistry();
  // Bind the ports first (answering 503 until ready), so that the URLs functions see
  // (`CONVEX_CLOUD_URL`, storage URLs) carry the real ports even when port 0 was asked for.
  let onRequest: RequestHandler = startingUp;
  let onUpgrade: UpgradeHandler = () => null;
  const ports = await listenBoth(transport, {
    host: config.host,
    apiPort: config.port,
    sitePort: config.sitePort,
    onRequest: (request) => onRequest(request),
    onUpgrade: (request) => onUpgrade(request),
    requestTimeoutMs: config.timeouts.httpServerSeconds * 1000,
  });
  const cloudOrigin = boundOrigin(config.cloudOrigin, ports.api.port);
  const siteOrigin = boundOrigin(config.siteOrigin, ports.site.port);
  const systemEnvironment = { CONVEX_CLOUD_URL: cloudOrigin, CONVEX_SITE_URL: siteOrigin };
  // esbuild bundles the system functions and the isolates' runtime while the database opens.
  const bundled = Promise.all([bundleSystemUdfs(), preloadUdfRuntimeBundle()]);
  bundled.catch(() => undefined);
  const db = await openBackendDatabase(config, credentials.instanceSecret).catch(async (error: unknown) => {
    await Promise.all([ports.api.close(0), ports.site.close(0)]);
    throw error;
  });
  const retention = new RetentionService(db);
  const runner = new FunctionRunner({
    deploymentName: credentials.instanceName,
    limits: {
      queryTimeoutMs: config.timeouts.queryAndMutationSeconds * 1000,
      mutationTimeoutMs: config.timeouts.queryAndMutationSeconds * 1000,
      actionTimeoutMs: config.timeouts.actionSeconds * 1000,
    },
    // `"use node"` actions run in worker processes (started on first use), one action each.
    nodeExecutor: withNodeActionTimeout(new NodeProcessExecutor({ maxWorkers: config.concurrency.nodeActions }), config.timeouts.nodeActionSeconds * 1000),
  });
  let active: ActiveDeployment;
  try {
    await abandonUnfinishedSchemaChanges(db);
    const [systemModules] = await bundled;
    const systemAnalysis = await analyzeSystemModules({ runner, modules: systemModules, cacheDir: path.join(config.dataDir, 'cache') });
    active = await ActiveDeployment.open({ db, runner, systemModules, systemAnalysis, systemEnvironment });
  } catch (error) {
    await runner.stop();
    await db.close();
    await Promise.all([ports.api.close(0), ports.site.close(0)]);
    throw error;
  }
  const executionLog = new ExecutionLog(metrics);
  const executor = new FunctionExecutor({
    db,
    deployment: active,
    log: executionLog,
    limits: new ExecutionLimits(config.concurrency, metrics),
    commits: new CommitMetrics(metrics),
  });
  const pushes = new PushCoordinator({ db, runner, active });
  const auth = new AdminAuthenticator(credentials.instanceName, credentials.instanceSecret);
  const sync = new SyncEngine({ host: new BackendSyncHost({ db, executor, auth, redactLogsToClient: config.redactLogsToClient }) });
  const syncRun = sync.run();
  // New code or environment variables can change any query result.
  active.onChange(() => sync.invalidateAll());

  const router = new Router();
  registerHealthRoutes(router, { instanceName: credentials.instanceName });
  registerAdminRoutes(router, { auth, cloudOrigin, siteOrigin });
  const queryCache = new QueryResultCache({ db, executor, log: executionLog, maxBytes: 32 * 1024 * 1024 });
  active.onChange(() => queryCache.clear());
  registerFunctionRoutes(router, { db, auth, executor, redactLogsToClient: config.redactLogsToClient, queryCache });
  registerPushRoutes(router, { auth, pushes });
  registerEnvironmentRoutes(router, { db, auth, active });
  // Aborted when the backend stops, so that long polls answer instead of holding up the drain.
  const stopping = new AbortController();
  registerLogRoutes(router, { auth, log: executionLog, stopping: stopping.signal });
  registerHttpActionRoutes(router, { auth, executor });
  if (config.metricsEnabled) {
    const refreshGauges = deploymentGauges(metrics, config.database);
    const refreshConnections = connectionGauges(metrics, [ports.api, ports.site]);
    router.add({
      method: 'GET',
      pattern: '/metrics',
      access: 'public',
      handler: async () => {
        await refreshGauges();
        refreshConnections();
        return { status: 200, headers: [['content-type', 'text/plain; version=0.0.4']], body: metrics.render() };
      },
    });
  }
  onRequest = createRequestPipeline(router, { metrics, log, errorMappers: [protocolErrorMapper, systemErrorMapper, databaseErrorMapper] });
  onUpgrade = (request) => (syncPath.test(request.path) ? sync.handlerFor(request) : null);
  const retentionRun = retention.run();
  const beacon = await deploymentBeacon({ config, transport: transport.name, log });
  const beaconRun = beacon?.run();
  return {
    apiPort: ports.api.port,
    sitePort: ports.site.port,
    cloudOrigin,
    siteOrigin,
    transport: transport.name,
    metrics,
    db,
    routes: () => router.routes(),
    stop: async ({ drainMs = 5_000 } = {}) => {
      const deadline = Date.now() + drainMs;
      stopping.abort();
      await beacon?.stop();
      await sync.stop();
      await Promise.all([ports.api.close(drainMs), ports.site.close(drainMs), syncRun]);
      // Executions no HTTP request waits for (WebSocket mutations, scheduled work) get the same bound.
      while (active.current().runner.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await retention.stop();
      await Promise.all([retentionRun, beaconRun]);
      active.stop();
      await runner.stop();
      await db.close();
    },
  };
}

/** Requests that arrive while the backend is still starting. */
function startingUp(): Promise<ServerResponse> {
  return Promise.resolve(jsonResponse(503, { code: 'TemporarilyUnavailable', message: 'The backend is starting; try again in a moment.' }));
}

/** `http://127.0.0.1:0` (the default for port 0) becomes the port actually bound. */
function boundOrigin(origin: string, boundPort: number): string {
  const url = new URL(origin);
  if (url.port !== '0') return origin;
  url.port = String(boundPort);
  return url.origin;
}
