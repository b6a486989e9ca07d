/** Where the documents live. */
export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly database: string; readonly requireSsl: boolean }
  | { readonly kind: 'mysql'; readonly url: string; readonly database: string; readonly requireSsl: boolean };

/** How many executions of each kind may run at once. */
export interface ConcurrencyConfig {
  readonly queries: number;
  readonly mutations: number;
  readonly actions: number;
  readonly nodeActions: number;
  readonly httpActions: number;
}

/** User-code time limits, in seconds. */
export interface TimeoutConfig {
  readonly queryAndMutationSeconds: number;
  readonly actionSeconds: number;
  readonly nodeActionSeconds: number;
  readonly httpServerSeconds: number;
}

/**
 * Everything the backend reads from its flags and environment, validated once at start-up.
 * Names follow Convex's self-hosted backend where it has the same setting.
 */
export interface BackendConfig {
  /** `--interface`: the address to listen on. */
  readonly host: string;
  /** `--port` / `PORT`: the API, sync and `/http/*` port (3210). */
  readonly port: number;
  /** `--site-proxy-port` / `SITE_PROXY_PORT`: the HTTP-actions site port (3211). */
  readonly sitePort: number;
  /** `--convex-origin` / `CONVEX_CLOUD_ORIGIN`: the public URL of the API port. */
  readonly cloudOrigin: string;
  /** `--convex-site` / `CONVEX_SITE_ORIGIN`: the public URL of the site port. */
  readonly siteOrigin: string;
  /** `--instance-name` / `INSTANCE_NAME`, else saved in the data directory, else the default. */
  readonly instanceName: string | undefined;
  /** `--instance-secret` / `INSTANCE_SECRET` (64 hex chars), else generated and saved on first boot. */
  readonly instanceSecret: string | undefined;
  /** `--data-dir` / `SELFHOST_DATA_DIR`: SQLite file, local file storage, credentials. */
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** `--local-storage`: where files, modules and exports are kept when S3 is not configured. */
  readonly localStorageDir: string;
  /** `--disable-beacon` / `DISABLE_BEACON`. */
  readonly beaconEnabled: boolean;
  /** `SELFHOST_BEACON_URL`: where the hourly beacon is posted. */
  readonly beaconUrl: string;
  /** `--redact-logs-to-client` / `REDACT_LOGS_TO_CLIENT`. */
  readonly redactLogsToClient: boolean;
  /** `DISABLE_METRICS_ENDPOINT` (here the endpoint is on by default). */
  readonly metricsEnabled: boolean;
  /**
   * `DOCUMENT_RETENTION_DELAY` in seconds: how long superseded document versions stay readable.
   * Unset: the database's default window (minutes), which keeps storage close to the live size.
   */
  readonly documentRetentionDelaySeconds: number | undefined;
  readonly concurrency: ConcurrencyConfig;
  readonly timeouts: TimeoutConfig;
  /** `SELFHOST_HTTP_TRANSPORT`: `auto` (uWS when it loads), `uws` or `node`. */
  readonly transport: 'auto' | 'uws' | 'node';
}

/** The default instance name, as in Convex's self-hosted image. */
export const defaultInstanceName = 'convex-self-hosted';
/** The default beacon sink (Convex's, so self-hosted usage counts stay comparable). */
export const defaultBeaconUrl = 'https://api.convex.dev/api/self_host_beacon';
