// A disposable database over a fresh store of one driver, for the conformance suite.
import type { Database } from '../database.ts';
import type { DatabaseOptions } from '../database-options.ts';
import { openDatabase } from '../open-database.ts';
import { DRIVERS, type TestDriver, type TestStore } from './drivers.ts';
import { serviceStatus } from './services.ts';

/** The cursor key every test database uses. */
export const TEST_CURSOR_KEY = 'selfhost-test-cursor-key-0123456789';

/**
 * One database under test; `reopen()` closes and opens it again over the same store (recovery).
 *
 * @internal
 * @example
 * ```ts
 * const t = await TestDatabase.create(driver);
 * await t.db.runMutation((tx) => tx.insert('t', {}));
 * await t.dispose();
 * ```
 */
export class TestDatabase {
  readonly driver: TestDriver;
  readonly store: TestStore;
  readonly #options: Partial<DatabaseOptions>;
  db: Database;

  private constructor(parts: {
    driver: TestDriver;
    store: TestStore;
    db: Database;
    options: Partial<DatabaseOptions>;
  }) {
    this.driver = parts.driver;
    this.store = parts.store;
    this.db = parts.db;
    this.#options = parts.options;
  }

  static async create(
    driver: TestDriver,
    options: Partial<DatabaseOptions> = {},
  ): Promise<TestDatabase> {
    const store = await driver.create();
    const db = await openDatabase({
      cursorKey: TEST_CURSOR_KEY,
      ...options,
      persistence: await store.open(),
    });
    return new TestDatabase({ driver, store, db, options });
  }

  async reopen(options: Partial<DatabaseOptions> = {}): Promise<Database> {
    await this.db.close();
    this.db = await openDatabase({
      cursorKey: TEST_CURSOR_KEY,
      ...this.#options,
      ...options,
      persistence: await this.store.open(),
    });
    return this.db;
  }

  async dispose(): Promise<void> {
    await this.db.close();
    await this.store.destroy();
  }
}

/**
 * The drivers to run a suite against, each with whether it must be skipped (service down
 * outside CI; a loud warning is printed once).
 *
 * @internal
 * @example
 * ```ts
 * describe.each(await driverMatrix())('$driver.name', ({ driver, skip }) => { … });
 * ```
 */
export async function driverMatrix(): Promise<
  { readonly name: string; readonly driver: TestDriver; readonly skip: boolean }[]
> {
  return Promise.all(
    DRIVERS.map(async (driver) => ({
      name: driver.name,
      driver,
      skip: driver.service === null ? false : !(await serviceStatus(driver.service)).available,
    })),
  );
}
