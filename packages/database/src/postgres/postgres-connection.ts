import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { PostgresOptions, PostgresSslOptions } from './postgres-options.ts';

// BIGINT (int8, oid 20) as bigint: timestamps are ns and do not fit a double.
const types = {
  getTypeParser: ((oid: number, format?: string): unknown =>
    oid === 20
      ? (value: string) => BigInt(value)
      : (pg.types.getTypeParser(
          oid,
          format as 'text',
        ) as unknown)) as typeof pg.types.getTypeParser,
};

function sslConfig(ssl: PostgresSslOptions | undefined): pg.PoolConfig['ssl'] {
  if (ssl === undefined || ssl.mode === 'disable') return false;
  const ca = ssl.caFile === undefined ? undefined : readFileSync(ssl.caFile, 'utf8');
  switch (ssl.mode) {
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return {
        rejectUnauthorized: true,
        ...(ca === undefined ? {} : { ca }),
        checkServerIdentity: () => undefined,
      };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(ca === undefined ? {} : { ca }) };
  }
}

/**
 * node-postgres pool settings for `options`, connecting to `database` (the URL's own database
 * name is replaced) with `search_path` set to `schema`.
 *
 * @internal
 * @example
 * ```ts
 * new pg.Pool(poolConfig(options, 'selfhost', 'public'));
 * ```
 */
export function poolConfig(
  options: PostgresOptions,
  database: string,
  schema: string | null,
): pg.PoolConfig {
  const url = new URL(options.url);
  const urlMode = url.searchParams.get('sslmode');
  const urlCa = url.searchParams.get('sslrootcert');
  url.search = '';
  url.pathname = '/';
  const ssl: PostgresSslOptions | undefined =
    options.ssl ??
    (urlMode === null
      ? undefined
      : {
          mode:
            urlMode === 'prefer' || urlMode === 'allow'
              ? 'require'
              : (urlMode as PostgresSslOptions['mode']),
          caFile: urlCa ?? undefined,
        });
  return {
    host: url.hostname,
    port: url.port === '' ? 5432 : Number(url.port),
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
    database,
    ssl: sslConfig(ssl),
    max: options.poolSize ?? 8,
    types,
    ...(schema === null ? {} : { options: `-c search_path="${schema.replaceAll('"', '""')}"` }),
  };
}

/**
 * Quotes an identifier for PostgreSQL.
 *
 * @internal
 * @example
 * ```ts
 * `CREATE SCHEMA ${quoteIdent(name)}`;
 * ```
 */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
