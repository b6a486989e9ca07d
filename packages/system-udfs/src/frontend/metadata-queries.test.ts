import { describe, expect, test } from 'vitest';
import deploymentInfo from './deploymentInfo.ts';
import getSchemas from './getSchemas.ts';
import getTableMapping from './getTableMapping.ts';
import getVersion from './getVersion.ts';
import indexes from './indexes.ts';
import listAuthProviders from './listAuthProviders.ts';
import listEnvironmentVariables from './listEnvironmentVariables.ts';
import { list as listModules } from './modules.ts';
import tableSize from './tableSize.ts';
import { FakeDatabase, runHandler } from './test-support/fake-database.ts';

function systemDatabase() {
  const db = new FakeDatabase({ _index: { by_table: ['table'] }, _schemas: { by_state: ['state'] } });
  const add = (table: string, document: Record<string, unknown>) =>
    db.rows(table).push({ _id: `${table}|${db.rows(table).length + 1}`, _creationTime: db.rows(table).length + 1, ...(document as object) });
  add('_tables', { name: 'messages', number: 10001 });
  add('_tables', { name: 'users', number: 10002 });
  add('_index', { table: 10001, name: 'by_id', fields: ['_id'], state: 'enabled', staged: false, kind: 'database' });
  add('_index', { table: 10001, name: 'by_author', fields: ['author'], state: 'backfilling', staged: false, kind: 'database' });
  add('_index', { table: 10001, name: 'search_body', fields: ['body'], state: 'enabled', staged: false, kind: 'search', searchField: 'body', filterFields: ['author'] });
  add('_schemas', { state: 'active', schema: '{"tables":[]}' });
  add('_schemas', { state: 'pending', schema: '{"tables":[1]}' });
  add('_environment_variables', { name: 'ZED', value: 'z' });
  add('_environment_variables', { name: 'ALPHA', value: 'a' });
  add('_deployment', { udfServerVersion: '1.48.0', pushedAt: 1234, authConfig: '{"providers":[{"domain":"https://issuer.example","applicationID":"app"}]}' });
  add('_modules', {
    path: 'messages.js',
    environment: 'isolate',
    sha256: 'ab',
    functions: [{ name: 'list', udfType: 'Query', visibility: { kind: 'public' }, args: '{"type":"object","value":{}}', returns: 'null' }],
    httpRoutes: null,
  });
  add('_modules', { path: 'http.js', environment: 'isolate', sha256: 'cd', functions: [], httpRoutes: [{ method: 'POST', path: '/hook' }] });
  return db;
}

describe('metadata queries', () => {
  test('getTableMapping maps table numbers to names', async () => {
    expect(await runHandler(getTableMapping, systemDatabase(), {})).toEqual({ '10001': 'messages', '10002': 'users' });
  });

  test('getSchemas returns the active and the in-progress schema text', async () => {
    expect(await runHandler(getSchemas, systemDatabase(), {})).toEqual({ active: '{"tables":[]}', inProgress: '{"tables":[1]}' });
    expect(await runHandler(getSchemas, new FakeDatabase(), {})).toEqual({});
  });

  test('indexes lists a table’s own indexes with their backfill state', async () => {
    expect(await runHandler(indexes, systemDatabase(), { tableName: 'messages', tableNamespace: null })).toEqual([
      { name: 'by_author', staged: false, fields: ['author'], backfill: { state: 'backfilling' } },
      { name: 'search_body', staged: false, fields: { searchField: 'body', filterFields: ['author'] }, backfill: { state: 'done' } },
    ]);
    expect(await runHandler(indexes, systemDatabase(), { tableName: null })).toBeNull();
  });

  test('tableSize counts documents', async () => {
    const db = systemDatabase();
    await db.insert('messages', { body: 'hi' });
    await db.insert('messages', { body: 'there' });
    expect(await runHandler(tableSize, db, { tableName: 'messages' })).toBe(2);
    expect(await runHandler(tableSize, db, { tableName: '' })).toBe(0);
  });

  test('listEnvironmentVariables orders by name', async () => {
    const rows = (await runHandler(listEnvironmentVariables, systemDatabase(), {})) as { name: string }[];
    expect(rows.map((row) => row.name)).toEqual(['ALPHA', 'ZED']);
  });

  test('modules:list reports functions and HTTP routes in the Convex dashboard shape', async () => {
    expect(await runHandler(listModules, systemDatabase(), {})).toEqual([
      ['http.js', { functions: [{ name: 'POST /hook', udfType: 'HttpAction', visibility: { kind: 'public' }, argsValidator: '{"type":"any"}', returns: 'null' }], creationTime: 2 }],
      [
        'messages.js',
        { functions: [{ name: 'list', udfType: 'Query', visibility: { kind: 'public' }, argsValidator: '{"type":"object","value":{}}', returns: 'null' }], creationTime: 1 },
      ],
    ]);
  });

  test('getVersion, deploymentInfo and listAuthProviders read the deployment document', async () => {
    const db = systemDatabase();
    expect(await runHandler(getVersion, db, {})).toBe('1.48.0');
    expect(await runHandler(deploymentInfo, db, {})).toEqual({ udfServerVersion: '1.48.0', pushedAt: 1234 });
    expect(await runHandler(listAuthProviders, db, {})).toEqual([{ domain: 'https://issuer.example', applicationID: 'app' }]);
    expect(await runHandler(getVersion, new FakeDatabase(), {})).toBeNull();
    expect(await runHandler(listAuthProviders, new FakeDatabase(), {})).toEqual([]);
  });

  test('listAuthProviders is empty for an app without auth.config.ts', async () => {
    const db = new FakeDatabase();
    db.rows('_deployment').push({ _id: '_deployment|1', _creationTime: 1, udfServerVersion: '1.48.0', pushedAt: 1234, authConfig: null });
    expect(await runHandler(listAuthProviders, db, {})).toEqual([]);
  });
});
