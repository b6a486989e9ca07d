import { describe } from 'vitest';
import { defineAcceptanceSuite } from './support/acceptance-suite.ts';
import { databaseAvailable } from './support/database-targets.ts';

describe.skipIf(!(await databaseAvailable('mysql')))('backend on MariaDB with the official convex CLI and client', () =>
  defineAcceptanceSuite('mysql'),
);
