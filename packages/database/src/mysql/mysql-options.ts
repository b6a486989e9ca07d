/**
 * How to reach MySQL 8 or MariaDB 10.11.
 *
 * @example
 * ```ts
 * await openMysqlPersistence({ url: 'mysql://root@127.0.0.1:3306', database: 'selfhost' });
 * ```
 */
export interface MysqlOptions {
  /** A connection URL; a database name in it is ignored in favour of `database`. */
  readonly url: string;
  /** The database; created if missing. */
  readonly database: string;
  /** Connections in the pool. Default 8. */
  readonly poolSize?: number | undefined;
  /** TLS: `true` verifies the server against the system CAs (or `caFile`). Default off. */
  readonly ssl?:
    | { readonly caFile?: string | undefined; readonly rejectUnauthorized?: boolean | undefined }
    | undefined;
}
