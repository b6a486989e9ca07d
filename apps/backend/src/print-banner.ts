import type { BackendConfig, InstanceCredentials, RunningBackend } from '@selfhost/local-backend';

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
  log(`API and sync:  ${config.cloudOrigin}  (listening on ${config.host}:${backend.apiPort})`);
  log(`HTTP actions:  ${config.siteOrigin}  (listening on ${config.host}:${backend.sitePort})`);
  log(`database:      ${config.database.kind === 'sqlite' ? config.database.path : `${config.database.kind} database "${config.database.database}"`}`);
  if (credentials.generated) {
    log(`a new instance secret was generated and saved under ${config.dataDir}/credentials/`);
  }
}
