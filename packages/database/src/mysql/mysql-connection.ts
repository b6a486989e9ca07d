import { readFileSync } from 'node:fs';
import type { PoolOptions } from 'mysql2';
import type { MysqlOptions } from './mysql-options.ts';

/**
 * mysql2 pool settings for `options`, on `database` (null: no default database). BIGINT comes
 * back as strings (timestamps do not fit a double); several statements may share one round trip
 * (group commit writes `START TRANSACTION; INSERT …; INSERT …; COMMIT`).
 *
 * @internal
 * @example
 * ```ts
 * mysql.createPool(mysqlPoolOptions(options, 'selfhost'));
 * ```
 */
export function mysqlPoolOptions(options: MysqlOptions, database: string | null): PoolOptions {
  const url = new URL(options.url);
  const ssl = options.ssl;
  return {
    host: url.hostname,
    port: url.port === '' ? 3306 : Number(url.port),
    user: decodeURIComponent(url.username) || 'root',
    password: decodeURIComponent(url.password),
    ...(database === null ? {} : { database }),
    connectionLimit: options.poolSize ?? 8,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: true,
    charset: 'utf8mb4',
    ...(ssl === undefined
      ? {}
      : {
          ssl: {
            rejectUnauthorized: ssl.rejectUnauthorized ?? true,
            ...(ssl.caFile === undefined ? {} : { ca: readFileSync(ssl.caFile, 'utf8') }),
          },
        }),
  };
}

/**
 * Quotes an identifier for MySQL.
 *
 * @internal
 * @example
 * ```ts
 * `CREATE DATABASE ${quoteMysqlIdent(name)}`;
 * ```
 */
export function quoteMysqlIdent(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``;
}
