import { isDatabaseError } from '@selfhost/database';
import { describe, expect, test } from 'vitest';
import { FIXTURE_ENV, officialAppModules } from './support/official-app.ts';
import { bundleSources } from './support/bundle-sources.ts';
import { rawApp } from './support/raw-app.ts';
import { errorOf, TestBackend } from './support/test-backend.ts';

describe('user errors', () => {
  test('a throw reports the original TypeScript file and line', async () => {
    await using backend = await TestBackend.start({ modules: await officialAppModules(), environmentVariables: FIXTURE_ENV });
    const message = errorOf(await backend.query('basics:boom'));
    expect(message.split('\n').slice(0, 2)).toEqual(['Uncaught Error: boom', '    at handler (../convex/basics.ts:26:11)']);
    expect(message).not.toMatch(/convex:\/|selfhost:\/|isolated-vm|file:\/\//);
  });

  test('ConvexError data survives as Convex-JSON', async () => {
    await using backend = await TestBackend.start({ modules: await officialAppModules(), environmentVariables: FIXTURE_ENV });
    const { outcome } = await backend.query('basics:convexError');
    expect(outcome).toMatchObject({ status: 'error', errorData: '{"code":"BAD","detail":[1,2]}' });
    expect(outcome.status === 'error' && outcome.errorMessage.split('\n')[0]).toBe('Uncaught ConvexError: {"code":"BAD","detail":[1,2]}');
  });

  test('an error at import time names the module and maps the stack', async () => {
    const modules = await bundleSources({
      'ok.ts': "import { queryGeneric } from 'convex/server';\nexport const fine = queryGeneric({ args: {}, handler: async () => 1 });\n",
      'broken.ts': "import { queryGeneric } from 'convex/server';\n\nfunction load(): never {\n  throw new Error('cannot start');\n}\nload();\nexport const never = queryGeneric({ args: {}, handler: async () => 1 });\n",
    });
    await using backend = await TestBackend.start({ modules: modules.filter((m) => m.path !== 'broken.js') });
    const analysis = await backend.runner.analyze({ modules });
    expect(analysis.status === 'error' && analysis.errorMessage.split('\n').slice(0, 3)).toEqual([
      'Failed to analyze broken.js: Uncaught Error: cannot start',
      '    at load (../convex/broken.ts:4:9)',
      '    at ../convex/broken.ts:6:1',
    ]);
  });

  test('the database is out of reach while modules are imported; log lines carry their time', async () => {
    const modules = rawApp({
      'early.js': `
        import { query } from './lib.js';
        let atImport;
        try { Convex.syscall('1.0/get', '{"id":"x","isSystem":false}'); atImport = 'reached'; } catch (e) { atImport = e.message; }
        let asyncAtImport = 'pending';
        Convex.asyncSyscall('1.0/get', '{"id":"x","isSystem":false}').then(() => { asyncAtImport = 'reached'; }, (e) => { asyncAtImport = e.message; });
        export const report = query(async () => { console.log('reporting'); return { atImport, asyncAtImport }; });
      `,
    });
    await using backend = await TestBackend.start({ modules });
    const before = Date.now();
    const result = await backend.query('early:report');
    const after = Date.now();
    expect(result.outcome.status === 'success' && JSON.parse(result.outcome.value)).toEqual({
      atImport: "Can't use database at import time",
      asyncAtImport: "Can't use database at import time",
    });
    expect(result.logLines).toHaveLength(1);
    const [line] = result.logLines;
    expect(line).toMatchObject({ level: 'LOG', messages: ["'reporting'"], isTruncated: false });
    expect(Number.isInteger(line?.timestamp)).toBe(true);
    expect(line?.timestamp).toBeGreaterThanOrEqual(before);
    expect(line?.timestamp).toBeLessThanOrEqual(after);
  });

  test('syscall misuse is a catchable error without host details', async () => {
    const modules = rawApp({
      'probe.js': `
        import { query, mutation } from './lib.js';
        const tryOp = async (op, args) => { try { return await Convex.asyncSyscall(op, args); } catch (e) { return e.constructor.name + ': ' + e.message; } };
        export const misuse = query(async () => ({
          unknown: await tryOp('1.0/nope', '{}'),
          write: await tryOp('1.0/insert', '{"table":"t","value":{}}'),
          badId: await tryOp('1.0/get', '{"id":"nope","isSystem":false}'),
          badArgs: await tryOp('1.0/get', '{"id":5}'),
          notJson: await tryOp('1.0/get', '{'),
          scheduler: await tryOp('1.0/schedule', '{}'),
          storage: await tryOp('1.0/storageGetUrl', '{"storageId":"x"}'),
          sync: (() => { try { return Convex.syscall('1.0/nope', '{}'); } catch (e) { return e.message; } })(),
        }));
      `,
    });
    await using backend = await TestBackend.start({ modules });
    const result = await backend.query('probe:misuse');
    expect(result.outcome.status === 'success' && JSON.parse(result.outcome.value)).toMatchInlineSnapshot(`
      {
        "badArgs": "Error: Invalid argument \`id\` for \`1.0/get\`: expected a string",
        "badId": "Error: Invalid argument \`id\` for \`db.get\`: Invalid document id "nope": its length is 4, but ids have 31 to 37 characters.",
        "notJson": "Error: Invalid arguments for \`1.0/get\`: not JSON",
        "scheduler": "Error: Unknown async operation 1.0/schedule",
        "storage": "Error: File storage (ctx.storage.getUrl) is not available yet on this backend: that subsystem is not built.",
        "sync": "Unknown operation 1.0/nope",
        "unknown": "Error: Unknown async operation 1.0/nope",
        "write": "Error: Unknown async operation 1.0/insert",
      }
    `);
  });
});

describe('system errors', () => {
  test('a database failure is thrown to the caller, and the function only sees a generic error', async () => {
    const modules = rawApp({
      'probe.js': `
        import { query } from './lib.js';
        export const read = query(async () => { try { await Convex.asyncSyscall('1.0/count', '{"table":"t"}'); return 'read'; } catch (e) { return 'caught ' + e.message; } });
      `,
    });
    await using backend = await TestBackend.start({ modules });
    const tx = backend.db.begin({ readOnly: true });
    await backend.db.close();
    const { createUdfTransaction } = await import('../src/database/database-udf-transaction.ts');
    const failure = await backend.deployment.run({ udfType: 'query', path: 'probe:read', args: {}, transaction: createUdfTransaction(tx) }).catch((error: unknown) => error);
    expect(isDatabaseError(failure) && failure.code).toBe('DatabaseClosed');
  });
});
