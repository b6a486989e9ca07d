import { describe } from 'vitest';
import { defineAcceptanceSuite } from './support/acceptance-suite.ts';

// Issue 6 acceptance on the default database. The same suite runs on PostgreSQL and MariaDB in
// acceptance.pg.test.ts and acceptance.mysql.test.ts.
describe('backend on SQLite with the official convex CLI and client', () => defineAcceptanceSuite('sqlite'));
