import net from 'node:net';
import mysql from 'mysql2/promise';
import pg from 'pg';

/** A database the backend can run on, and how a test run gets and drops its own. */
export interface DatabaseTarget {
  readonly name: 'sqlite' | 'postgres' | 'mysql';
  /**
   * Environment for the backend: a unique INSTANCE_NAME (which names the Postgres/MariaDB
   * database) and the server URL without a database name.
   */
  readonly env: Readonly<Record<string, string>>;
  /** Drops the run's database (SQLite lives in the data directory, removed with it). */
  drop(): Promise<void>;
}

const postgresUrl = 'postgres://postgres@127.0.0.1:5432';
const mysqlUrl = 'mysql://root@127.0.0.1:3306';
const ports = { postgres: 5432, mysql: 3306 } as const;

let counter = 0;

/**
 * A fresh target: `accept-<db>-<pid>-<time>` as instance name, so concurrent runs never share a
 * database.
 *
 * @example
 * const target = databaseTarget('postgres');
 * const backend = await startBackendProcess({ dataDir, env: target.env });
 * await target.drop();
 */
export function databaseTarget(name: DatabaseTarget['name']): DatabaseTarget {
  const instanceName = `accept-${name}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const database = instanceName.replaceAll('-', '_');
  switch (name) {
    case 'sqlite':
      return { name, env: { INSTANCE_NAME: instanceName }, drop: () => Promise.resolve() };
    case 'postgres':
      return {
        name,
        env: { INSTANCE_NAME: instanceName, POSTGRES_URL: postgresUrl, DO_NOT_REQUIRE_SSL: '1' },
        drop: async () => {
          const client = new pg.Client({ connectionString: `${postgresUrl}/postgres` });
          await client.connect();
          try {
            await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
          } finally {
            await client.end();
          }
        },
      };
    case 'mysql':
      return {
        name,
        env: { INSTANCE_NAME: instanceName, MYSQL_URL: mysqlUrl, DO_NOT_REQUIRE_SSL: '1' },
        drop: async () => {
          const connection = await mysql.createConnection(mysqlUrl);
          try {
            await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
          } finally {
            await connection.end();
          }
        },
      };
  }
}

/**
 * Whether the tests on `name` can run. SQLite always can. PostgreSQL and MariaDB must be up in
 * CI (`CI` set: the tests run and fail if not); elsewhere an unreachable server skips them with
 * a loud warning — the pattern of `packages/database/src/test-support/services.ts`.
 *
 * @example
 * describe.skipIf(!(await databaseAvailable('mysql')))('on MariaDB', () => { … });
 */
export async function databaseAvailable(name: DatabaseTarget['name']): Promise<boolean> {
  if (name === 'sqlite') return true;
  const port = ports[name];
  if (await reachable(port)) return true;
  if (process.env['CI']) return true;
  console.warn(`\n!!! ${name} is not reachable on 127.0.0.1:${port}: its acceptance tests are SKIPPED (they run in CI)\n`);
  return false;
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
