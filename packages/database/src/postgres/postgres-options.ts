/**
 * How to reach PostgreSQL.
 *
 * @example
 * ```ts
 * await openPostgresPersistence({ url: 'postgres://app:secret@db.example.com:5432', database: 'selfhost', ssl: { mode: 'verify-full', caFile: '/etc/ssl/rds.pem' } });
 * ```
 */
export interface PostgresOptions {
  /** A connection URL; a database name in it is ignored in favour of `database`. `?sslmode=` is honoured. */
  readonly url: string;
  /** The database; created if missing (needs CREATEDB). */
  readonly database: string;
  /** The schema for our tables; created if missing. Default `public`. */
  readonly schema?: string | undefined;
  /** TLS for managed Postgres. Default: `sslmode` from the URL, else off. */
  readonly ssl?: PostgresSslOptions | undefined;
  /** Connections in the pool. Default 8. */
  readonly poolSize?: number | undefined;
}

/**
 * TLS settings, with libpq's `sslmode` meanings.
 *
 * @example
 * ```ts
 * const ssl: PostgresSslOptions = { mode: 'verify-ca', caFile: '/etc/ssl/ca.pem' };
 * ```
 */
export interface PostgresSslOptions {
  /** `disable`; `require` (encrypt, no verification); `verify-ca` (check the CA); `verify-full` (and the host name). */
  readonly mode: 'disable' | 'require' | 'verify-ca' | 'verify-full';
  /** PEM file of the CA to trust (managed Postgres providers publish one). */
  readonly caFile?: string | undefined;
}
