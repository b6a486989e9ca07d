import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { DatabaseError } from '../errors/database-error.ts';
import type { PostgresSslOptions } from './postgres-options.ts';

const URL_MODES = new Set(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']);

/**
 * The TLS settings in force: `options.ssl` when given, else the URL's `sslmode` and
 * `sslrootcert` (libpq names), else none. `allow` and `prefer` become `require`: we never fall
 * back to plain text silently.
 *
 * @internal
 * @example
 * ```ts
 * postgresSslOptions(new URL('postgres://db?sslmode=verify-full&sslrootcert=/ca.pem'), undefined);
 * // { mode: 'verify-full', caFile: '/ca.pem' }
 * ```
 */
export function postgresSslOptions(
  url: URL,
  ssl: PostgresSslOptions | undefined,
): PostgresSslOptions | undefined {
  if (ssl !== undefined) return ssl;
  const mode = url.searchParams.get('sslmode');
  if (mode === null) return undefined;
  if (!URL_MODES.has(mode))
    throw new DatabaseError(
      'StorageFailure',
      `Unknown sslmode "${mode}" in the PostgreSQL URL: use disable, allow, prefer, require, verify-ca or verify-full.`,
      { storageKind: 'other' },
    );
  const caFile = url.searchParams.get('sslrootcert') ?? undefined;
  return {
    mode: mode === 'allow' || mode === 'prefer' ? 'require' : (mode as PostgresSslOptions['mode']),
    caFile,
  };
}

function readCa(caFile: string): string {
  try {
    return readFileSync(caFile, 'utf8');
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new DatabaseError(
      'StorageFailure',
      `Cannot read the PostgreSQL CA file "${caFile}" (ssl.caFile or sslrootcert): ${reason}. Point it at the PEM file your provider publishes.`,
      { cause, storageKind: 'other' },
    );
  }
}

/**
 * node-postgres's `ssl` setting for resolved TLS options; reads the CA file, failing with a
 * `StorageFailure` that names the file when it cannot be read.
 *
 * @internal
 * @example
 * ```ts
 * pgSslConfig({ mode: 'require' }); // { rejectUnauthorized: false }
 * ```
 */
export function pgSslConfig(ssl: PostgresSslOptions | undefined): pg.PoolConfig['ssl'] {
  if (ssl === undefined || ssl.mode === 'disable') return false;
  if (ssl.mode === 'require') return { rejectUnauthorized: false };
  const ca = ssl.caFile === undefined ? {} : { ca: readCa(ssl.caFile) };
  if (ssl.mode === 'verify-full') return { rejectUnauthorized: true, ...ca };
  // verify-ca: the chain is checked, the host name is not (libpq's meaning).
  return { rejectUnauthorized: true, ...ca, checkServerIdentity: () => undefined };
}
