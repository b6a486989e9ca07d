import pg from 'pg';
import type { PostgresOptions } from './postgres-options.ts';
import { pgSslConfig, postgresSslOptions } from './postgres-ssl.ts';

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
  const ssl = pgSslConfig(postgresSslOptions(url, options.ssl));
  url.search = '';
  url.pathname = '/';
  return {
    host: url.hostname,
    port: url.port === '' ? 5432 : Number(url.port),
    user: decodeURIComponent(url.username) || 'postgres',
    password: decodeURIComponent(url.password),
    database,
    ssl,
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
