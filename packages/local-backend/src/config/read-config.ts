import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  defaultBeaconUrl,
  type BackendConfig,
  type DatabaseConfig,
} from './backend-config.ts';
import { ConfigError } from './config-error.ts';
import {
  parseBoolean,
  parseDatabaseUrl,
  parseOrigin,
  parsePort,
  parsePositiveInteger,
} from './setting-parsers.ts';

type Env = Readonly<Record<string, string | undefined>>;

const flagSpec = {
  interface: { type: 'string' },
  port: { type: 'string' },
  'site-proxy-port': { type: 'string' },
  'convex-origin': { type: 'string' },
  'convex-site': { type: 'string' },
  'instance-name': { type: 'string' },
  'instance-secret': { type: 'string' },
  'data-dir': { type: 'string' },
  'local-storage': { type: 'string' },
  'do-not-require-ssl': { type: 'boolean' },
  'disable-beacon': { type: 'boolean' },
  'redact-logs-to-client': { type: 'boolean' },
} as const;

/**
 * Reads the backend's settings from command-line flags (which win) and environment variables,
 * and rejects a bad value with a message that names the setting.
 *
 * @example
 * const config = readConfig(process.argv.slice(2), process.env);
 */
export function readConfig(argv: readonly string[], env: Env): BackendConfig {
  let flags: ReturnType<typeof parseFlags>;
  try {
    flags = parseFlags(argv);
  } catch (error) {
    throw new ConfigError('command line', `is not valid: ${(error as Error).message}`);
  }
  const values = flags.values;
  const pick = (flag: keyof typeof flagSpec, variable: string): [string, string] | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return [`--${flag}`, fromFlag];
    const fromEnv = env[variable];
    return fromEnv === undefined || fromEnv === '' ? undefined : [variable, fromEnv];
  };
  const flagOrEnvBoolean = (flag: keyof typeof flagSpec, variable: string): boolean =>
    values[flag] === true || (env[variable] !== undefined && parseBoolean(variable, env[variable]));

  const portSetting = pick('port', 'PORT');
  const port = portSetting ? parsePort(...portSetting) : 3210;
  const siteSetting = pick('site-proxy-port', 'SITE_PROXY_PORT');
  const sitePort = siteSetting ? parsePort(...siteSetting) : 3211;
  const cloudSetting = pick('convex-origin', 'CONVEX_CLOUD_ORIGIN');
  const siteOriginSetting = pick('convex-site', 'CONVEX_SITE_ORIGIN');
  const cloudOrigin = cloudSetting ? parseOrigin(...cloudSetting) : undefined;
  const siteOrigin = siteOriginSetting ? parseOrigin(...siteOriginSetting) : undefined;
  // One public URL without the other would hand out links to a host clients may not reach.
  if (cloudSetting !== undefined && siteOriginSetting === undefined) {
    throw new ConfigError(cloudSetting[0], 'must be set together with --convex-site / CONVEX_SITE_ORIGIN (the public URL of the HTTP-actions port)');
  }
  if (siteOriginSetting !== undefined && cloudSetting === undefined) {
    throw new ConfigError(siteOriginSetting[0], 'must be set together with --convex-origin / CONVEX_CLOUD_ORIGIN (the public URL of the API port)');
  }
  const dataDir = path.resolve(pick('data-dir', 'SELFHOST_DATA_DIR')?.[1] ?? 'data');
  const instanceName = pick('instance-name', 'INSTANCE_NAME')?.[1];
  if (instanceName !== undefined && !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(instanceName)) {
    throw new ConfigError(
      pick('instance-name', 'INSTANCE_NAME')![0],
      `must be 1–63 letters, digits or dashes (it names the Postgres/MySQL database too), got "${instanceName}"`,
    );
  }
  const requireSsl = !flagOrEnvBoolean('do-not-require-ssl', 'DO_NOT_REQUIRE_SSL');
  const transport = env.SELFHOST_HTTP_TRANSPORT ?? 'auto';
  if (transport !== 'auto' && transport !== 'uws' && transport !== 'node') {
    throw new ConfigError('SELFHOST_HTTP_TRANSPORT', `must be auto, uws or node, got "${transport}"`);
  }
  const integer = (variable: string, fallback: number): number =>
    env[variable] === undefined || env[variable] === '' ? fallback : parsePositiveInteger(variable, env[variable]);

  return {
    host: pick('interface', 'SELFHOST_INTERFACE')?.[1] ?? '0.0.0.0',
    port,
    sitePort,
    cloudOrigin: cloudOrigin ?? `http://127.0.0.1:${port}`,
    siteOrigin: siteOrigin ?? `http://127.0.0.1:${sitePort}`,
    instanceName,
    instanceSecret: pick('instance-secret', 'INSTANCE_SECRET')?.[1],
    dataDir,
    database: readDatabase(env, dataDir, { instanceName, requireSsl }),
    localStorageDir: path.resolve(pick('local-storage', 'SELFHOST_LOCAL_STORAGE')?.[1] ?? path.join(dataDir, 'storage')),
    beaconEnabled: !flagOrEnvBoolean('disable-beacon', 'DISABLE_BEACON'),
    beaconUrl: env.SELFHOST_BEACON_URL ?? defaultBeaconUrl,
    redactLogsToClient: flagOrEnvBoolean('redact-logs-to-client', 'REDACT_LOGS_TO_CLIENT'),
    metricsEnabled: !(env.DISABLE_METRICS_ENDPOINT !== undefined && parseBoolean('DISABLE_METRICS_ENDPOINT', env.DISABLE_METRICS_ENDPOINT)),
    documentRetentionDelaySeconds: env.DOCUMENT_RETENTION_DELAY ? parsePositiveInteger('DOCUMENT_RETENTION_DELAY', env.DOCUMENT_RETENTION_DELAY) : undefined,
    concurrency: {
      queries: integer('APPLICATION_MAX_CONCURRENT_QUERIES', 16),
      mutations: integer('APPLICATION_MAX_CONCURRENT_MUTATIONS', 16),
      actions: integer('APPLICATION_MAX_CONCURRENT_V8_ACTIONS', 16),
      nodeActions: integer('APPLICATION_MAX_CONCURRENT_NODE_ACTIONS', 16),
      httpActions: integer('APPLICATION_MAX_CONCURRENT_HTTP_ACTIONS', 16),
    },
    timeouts: {
      queryAndMutationSeconds: integer('DATABASE_UDF_USER_TIMEOUT_SECONDS', 1),
      actionSeconds: integer('V8_ACTION_USER_TIMEOUT_SECS', 600),
      nodeActionSeconds: integer('NODE_ACTION_USER_TIMEOUT_SECS', 600),
      httpServerSeconds: integer('HTTP_SERVER_TIMEOUT_SECONDS', 300),
    },
    transport,
  };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({ args: [...argv], options: flagSpec, strict: true, allowPositionals: false });
}

/** POSTGRES_URL, else MYSQL_URL, else DATABASE_URL (deprecated, Postgres), else SQLite. */
function readDatabase(
  env: Env,
  dataDir: string,
  { instanceName, requireSsl }: { instanceName: string | undefined; requireSsl: boolean },
): DatabaseConfig {
  const databaseName = (url: URL) =>
    url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : (instanceName ?? 'convex-self-hosted').replaceAll('-', '_');
  if (env.POSTGRES_URL) {
    const url = parseDatabaseUrl('POSTGRES_URL', env.POSTGRES_URL, ['postgres:', 'postgresql:']);
    return { kind: 'postgres', url: url.href, database: databaseName(url), requireSsl };
  }
  if (env.MYSQL_URL) {
    const url = parseDatabaseUrl('MYSQL_URL', env.MYSQL_URL, ['mysql:', 'mariadb:']);
    return { kind: 'mysql', url: url.href, database: databaseName(url), requireSsl };
  }
  if (env.DATABASE_URL) {
    const url = parseDatabaseUrl('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']);
    return { kind: 'postgres', url: url.href, database: databaseName(url), requireSsl };
  }
  return { kind: 'sqlite', path: path.join(dataDir, 'db.sqlite3') };
}
