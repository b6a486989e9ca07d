import { createHmac } from 'node:crypto';
import {
  openDatabase,
  openMysqlPersistence,
  openPostgresPersistence,
  openSqlitePersistence,
  type Database,
} from '@selfhost/database';
import type { BackendConfig } from '../config/backend-config.ts';
import { backendSystemTables } from './backend-system-tables.ts';

/**
 * Opens the deployment's database from the configuration: SQLite by default, else Postgres or
 * MySQL/MariaDB. Pagination cursors are authenticated with a key derived from the instance
 * secret, so they stay valid across restarts and cannot be forged.
 *
 * @example
 * const db = await openBackendDatabase(config, credentials.instanceSecret);
 */
export async function openBackendDatabase(config: BackendConfig, instanceSecret: string): Promise<Database> {
  const persistence = await openPersistence(config);
  return await openDatabase({
    persistence,
    cursorKey: createHmac('sha256', Buffer.from(instanceSecret, 'hex')).update('pagination cursor').digest(),
    systemTables: backendSystemTables.map((table) => ({ name: table.name, indexes: table.indexes.map((index) => ({ name: index.name, fields: [...index.fields] })) })),
    ...(config.documentRetentionDelaySeconds === undefined ? {} : { retention: { windowMs: config.documentRetentionDelaySeconds * 1000 } }),
  });
}

async function openPersistence(config: BackendConfig) {
  const database = config.database;
  switch (database.kind) {
    case 'sqlite':
      return await openSqlitePersistence({ path: database.path });
    case 'postgres':
      // Like Convex, TLS is required unless DO_NOT_REQUIRE_SSL is set (or the URL says sslmode).
      return await openPostgresPersistence({
        url: database.url,
        database: database.database,
        ...(database.requireSsl && !/[?&]sslmode=/.test(database.url) ? { ssl: { mode: 'require' as const } } : {}),
      });
    case 'mysql':
      return await openMysqlPersistence({
        url: database.url,
        database: database.database,
        ...(database.requireSsl ? { ssl: { rejectUnauthorized: true } } : {}),
      });
  }
}
