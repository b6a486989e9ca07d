// Driver factories for the conformance suite: one entry per backend, each making a fresh,
// isolated store (a new SQLite file, a new Postgres schema, a new MariaDB database) and
// dropping it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Persistence } from '../persistence/persistence.ts';
import { openSqlitePersistence } from '../sqlite/sqlite-persistence.ts';

/**
 * A store made for one test, and how to reopen and remove it.
 *
 * @internal
 * @example
 * ```ts
 * const store = await driver.create();
 * const persistence = await store.open();
 * ```
 */
export interface TestStore {
  /** Opens (or reopens) a persistence over this store. */
  open(): Promise<Persistence>;
  /** Drops the store. */
  destroy(): Promise<void>;
  /** Arguments a child process needs to open the same store. */
  readonly spec: StoreSpec;
}

/**
 * Where a test store lives, serializable for child processes.
 *
 * @internal
 * @example
 * ```ts
 * const spec: StoreSpec = { kind: 'sqlite', path: '/tmp/x/db.sqlite3' };
 * ```
 */
export type StoreSpec =
  | { readonly kind: 'sqlite'; readonly path: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      readonly database: string;
      readonly schema: string;
    }
  | { readonly kind: 'mysql'; readonly url: string; readonly database: string };

/**
 * One backend under test.
 *
 * @internal
 * @example
 * ```ts
 * describe.each(DRIVERS)('$name', (driver) => { … });
 * ```
 */
export interface TestDriver {
  readonly name: 'sqlite' | 'postgres' | 'mysql';
  /** The service it needs, if any. */
  readonly service: 'postgres' | 'mysql' | null;
  create(): Promise<TestStore>;
}

let counter = 0;
/** A name unique to this process and moment. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${counter++}`;
}

/**
 * Opens the persistence a {@link StoreSpec} describes.
 *
 * @internal
 * @example
 * ```ts
 * const persistence = await openStore(spec);
 * ```
 */
export async function openStore(
  spec: StoreSpec,
  synchronous: 'FULL' | 'NORMAL' = 'NORMAL',
): Promise<Persistence> {
  switch (spec.kind) {
    case 'sqlite':
      return openSqlitePersistence({ path: spec.path, synchronous });
    case 'postgres': {
      const { openPostgresPersistence } = await import('../postgres/postgres-persistence.ts');
      return openPostgresPersistence({
        url: spec.url,
        database: spec.database,
        schema: spec.schema,
        poolSize: 4,
      });
    }
    case 'mysql': {
      const { openMysqlPersistence } = await import('../mysql/mysql-persistence.ts');
      return openMysqlPersistence({ url: spec.url, database: spec.database, poolSize: 4 });
    }
  }
}

const sqliteDriver: TestDriver = {
  name: 'sqlite',
  service: null,
  create() {
    const dir = mkdtempSync(path.join(tmpdir(), 'selfhost-db-'));
    const spec: StoreSpec = { kind: 'sqlite', path: path.join(dir, 'db.sqlite3') };
    return Promise.resolve({
      spec,
      open: () => openStore(spec),
      destroy: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    });
  },
};

const postgresDriver: TestDriver = {
  name: 'postgres',
  service: 'postgres',
  async create() {
    const { dropPostgresSchema } = await import('../postgres/postgres-persistence.ts');
    const spec: StoreSpec = {
      kind: 'postgres',
      url: 'postgres://postgres@127.0.0.1:5432',
      database: 'test',
      schema: uniqueName('t'),
    };
    return {
      spec,
      open: () => openStore(spec),
      destroy: () =>
        dropPostgresSchema({ url: spec.url, database: spec.database, schema: spec.schema }),
    };
  },
};

const mysqlDriver: TestDriver = {
  name: 'mysql',
  service: 'mysql',
  async create() {
    const { dropMysqlDatabase } = await import('../mysql/mysql-persistence.ts');
    const spec: StoreSpec = {
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1:3306',
      database: uniqueName('t'),
    };
    return {
      spec,
      open: () => openStore(spec),
      destroy: () => dropMysqlDatabase({ url: spec.url, database: spec.database }),
    };
  },
};

/**
 * Every backend, in the order the suites run them.
 *
 * @internal
 * @example
 * ```ts
 * describe.each(DRIVERS)('$name', …);
 * ```
 */
export const DRIVERS: readonly TestDriver[] = [sqliteDriver, postgresDriver, mysqlDriver];
