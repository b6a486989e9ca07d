import { mintAdminKey, type BackendConfig, type InstanceCredentials, type RunningBackend } from '@selfhost/local-backend';

/** What the start-up banner shows. */
export interface BannerInput {
  readonly config: BackendConfig;
  readonly credentials: InstanceCredentials;
  readonly backend: RunningBackend;
  readonly startupMs: number;
  readonly log: (line: string) => void;
}

/**
 * Prints where the deployment answers and how to reach it — the step self-hosters most often
 * get stuck on.
 */
export function printBanner({ config, credentials, backend, startupMs, log }: BannerInput): void {
  log(`instance "${credentials.instanceName}" ready in ${Math.round(startupMs)} ms (${backend.transport} HTTP edge)`);
  log(`API and sync:  ${backend.cloudOrigin}  (listening on ${config.host}:${backend.apiPort})`);
  log(`HTTP actions:  ${backend.siteOrigin}  (listening on ${config.host}:${backend.sitePort})`);
  log(`database:      ${config.database.kind === 'sqlite' ? config.database.path : `${config.database.kind} database "${config.database.database}"`}`);
  if (config.beaconEnabled) {
    log(`beacon:        an anonymous usage ping (random id, version, uptime) goes to ${config.beaconUrl} hourly; --disable-beacon turns it off`);
  }
  if (credentials.generated) {
    log(`a new instance secret was generated and saved under ${config.dataDir}/credentials/`);
  }
  const adminKey = mintAdminKey({ instanceName: credentials.instanceName, instanceSecret: credentials.instanceSecret });
  log(`admin key:     ${adminKey}`);
  log('               (use it with the dashboard, or CONVEX_SELF_HOSTED_URL + CONVEX_SELF_HOSTED_ADMIN_KEY for the convex CLI;');
  log(`               make more with: pnpm --filter @selfhost/backend generate-admin-key --data-dir ${config.dataDir})`);
}
