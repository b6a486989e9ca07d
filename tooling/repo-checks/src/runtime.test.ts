import type BetterSqlite3 from 'better-sqlite3';
import type IsolatedVm from 'isolated-vm';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);

describe('runtime', () => {
  test('tests run on Node 24 or newer', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(24);
  });

  test('isolated-vm loads and runs code in an isolate under this Node', () => {
    const ivm = require('isolated-vm') as typeof IsolatedVm;
    const isolate = new ivm.Isolate({ memoryLimit: 16 });
    try {
      const context = isolate.createContextSync();
      expect(context.evalSync('[1, 2, 3].map((n) => n * 2).join(",")')).toBe('2,4,6');
      expect(context.evalSync('typeof process')).toBe('undefined');
    } finally {
      isolate.dispose();
    }
  });

  test('better-sqlite3 loads and writes under this Node', () => {
    const Database = require('better-sqlite3') as typeof BetterSqlite3;
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)');
      db.prepare('INSERT INTO t (v) VALUES (?)').run('hello');
      expect(db.prepare('SELECT v FROM t').get()).toEqual({ v: 'hello' });
    } finally {
      db.close();
    }
  });
});
