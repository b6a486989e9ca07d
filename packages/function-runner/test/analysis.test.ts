import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AnalyzeResult } from '../src/analysis/analyze-modules.ts';
import { FunctionRunner } from '../src/function-runner.ts';
import { NodeProcessExecutor } from '../src/node-executor/node-process-executor.ts';
import { bundleSources } from './support/bundle-sources.ts';
import { FIXTURE_ENV, officialAppModules } from './support/official-app.ts';

let runner: FunctionRunner;
let result: AnalyzeResult;

beforeAll(async () => {
  runner = new FunctionRunner({ nodeExecutor: new NodeProcessExecutor({ maxWorkers: 1 }) });
  result = await runner.analyze({ modules: await officialAppModules(), environmentVariables: FIXTURE_ENV });
});

afterAll(async () => {
  await runner.stop();
});

function analysis() {
  if (result.status !== 'success') throw new Error(result.errorMessage);
  return result.analysis;
}

describe('push-time analysis of the official app', () => {
  test('lists modules, without chunks, schema or auth config', () => {
    expect(Object.keys(analysis().modules).sort()).toEqual(['actions.js', 'basics.js', 'crons.js', 'http.js', 'messages.js', 'nodeActions.js']);
  });

  test('reports functions with type, visibility, validators and source position', () => {
    expect(analysis().modules['messages.js']?.functions.filter((fn) => ['count', 'send', 'list'].includes(fn.name))).toMatchInlineSnapshot(`
      [
        {
          "args": "{"type":"object","value":{}}",
          "name": "count",
          "pos": {
            "path": "messages.js",
            "start_col": 14,
            "start_lineno": 41,
          },
          "returns": "null",
          "udfType": "Query",
          "visibility": {
            "kind": "internal",
          },
        },
        {
          "args": "{"type":"object","value":{"channel":{"fieldType":{"type":"string"},"optional":false}}}",
          "name": "list",
          "pos": {
            "path": "messages.js",
            "start_col": 14,
            "start_lineno": 7,
          },
          "returns": "null",
          "udfType": "Query",
          "visibility": {
            "kind": "public",
          },
        },
        {
          "args": "{"type":"object","value":{"channel":{"fieldType":{"type":"string"},"optional":false},"body":{"fieldType":{"type":"string"},"optional":false},"author":{"fieldType":{"type":"string"},"optional":true}}}",
          "name": "send",
          "pos": {
            "path": "messages.js",
            "start_col": 14,
            "start_lineno": 46,
          },
          "returns": "{"type":"id","tableName":"messages"}",
          "udfType": "Mutation",
          "visibility": {
            "kind": "public",
          },
        },
      ]
    `);
    expect(analysis().modules['nodeActions.js']).toMatchInlineSnapshot(`
      {
        "cronSpecs": null,
        "functions": [
          {
            "args": "{"type":"object","value":{}}",
            "name": "crash",
            "pos": {
              "path": "nodeActions.js",
              "start_col": 14,
              "start_lineno": 17,
            },
            "returns": "null",
            "udfType": "Action",
            "visibility": {
              "kind": "public",
            },
          },
          {
            "args": "{"type":"object","value":{"text":{"fieldType":{"type":"string"},"optional":false}}}",
            "name": "hash",
            "pos": {
              "path": "nodeActions.js",
              "start_col": 14,
              "start_lineno": 8,
            },
            "returns": "null",
            "udfType": "Action",
            "visibility": {
              "kind": "public",
            },
          },
        ],
        "httpRoutes": null,
        "sourceMapped": null,
      }
    `);
  });

  test('reports HTTP routes and crons', () => {
    expect(analysis().modules['http.js']?.httpRoutes).toMatchInlineSnapshot(`
      [
        {
          "pos": null,
          "route": {
            "method": "GET",
            "path": "/boom",
          },
        },
        {
          "pos": null,
          "route": {
            "method": "POST",
            "path": "/echo",
          },
        },
        {
          "pos": null,
          "route": {
            "method": "GET",
            "path": "/messages",
          },
        },
        {
          "pos": null,
          "route": {
            "method": "GET",
            "path": "/files/*",
          },
        },
      ]
    `);
    expect(analysis().modules['crons.js']?.cronSpecs).toMatchInlineSnapshot(`
      [
        {
          "identifier": "cleanup",
          "spec": {
            "args": [
              {},
            ],
            "name": "messages:cleanup",
            "schedule": {
              "minutes": 5,
              "type": "interval",
            },
          },
        },
        {
          "identifier": "report",
          "spec": {
            "args": [
              {
                "value": "cron",
              },
            ],
            "name": "actions:internalEcho",
            "schedule": {
              "hourUTC": 3,
              "minuteUTC": 15,
              "type": "daily",
            },
          },
        },
      ]
    `);
    expect(analysis().crons).toMatchInlineSnapshot(`
      {
        "cleanup": {
          "args": [
            {},
          ],
          "name": "messages:cleanup",
          "schedule": {
            "minutes": 5,
            "type": "interval",
          },
        },
        "report": {
          "args": [
            {
              "value": "cron",
            },
          ],
          "name": "actions:internalEcho",
          "schedule": {
            "hourUTC": 3,
            "minuteUTC": 15,
            "type": "daily",
          },
        },
      }
    `);
  });

  test('evaluates the schema and the auth config with environment variables', () => {
    expect(analysis().schema).toMatchInlineSnapshot(`
      {
        "schemaValidation": true,
        "tables": [
          {
            "documentType": {
              "type": "object",
              "value": {
                "author": {
                  "fieldType": {
                    "type": "string",
                  },
                  "optional": true,
                },
                "body": {
                  "fieldType": {
                    "type": "string",
                  },
                  "optional": false,
                },
                "channel": {
                  "fieldType": {
                    "type": "string",
                  },
                  "optional": false,
                },
                "likes": {
                  "fieldType": {
                    "type": "number",
                  },
                  "optional": true,
                },
              },
            },
            "indexes": [
              {
                "fields": [
                  "channel",
                ],
                "indexDescriptor": "by_channel",
              },
            ],
            "searchIndexes": [],
            "stagedDbIndexes": [],
            "stagedSearchIndexes": [],
            "stagedVectorIndexes": [],
            "tableName": "messages",
            "vectorIndexes": [],
          },
          {
            "documentType": {
              "type": "object",
              "value": {
                "name": {
                  "fieldType": {
                    "type": "string",
                  },
                  "optional": false,
                },
                "value": {
                  "fieldType": {
                    "type": "number",
                  },
                  "optional": false,
                },
              },
            },
            "indexes": [],
            "searchIndexes": [],
            "stagedDbIndexes": [],
            "stagedSearchIndexes": [],
            "stagedVectorIndexes": [],
            "tableName": "counters",
            "vectorIndexes": [],
          },
        ],
      }
    `);
    expect(analysis().authConfig).toMatchInlineSnapshot(`
      {
        "providers": [
          {
            "applicationID": "convex",
            "domain": "https://issuer.example.com",
          },
        ],
      }
    `);
  });

  test('keeps the udfConfig the modules were imported with', () => {
    const { udfConfig } = analysis();
    expect(udfConfig.serverVersion).toBe('1.48.0');
    expect(Buffer.from(udfConfig.importPhaseRngSeed, 'base64')).toHaveLength(32);
  });
});

describe('push-time analysis failures', () => {
  test('a missing environment variable of auth.config', async () => {
    expect(await runner.analyze({ modules: await officialAppModules(), environmentVariables: {} })).toMatchInlineSnapshot(`
      {
        "code": "AuthConfigMissingEnvironmentVariable",
        "errorMessage": "Environment variable AUTH_ISSUER is used in auth config file but its value was not set.",
        "status": "error",
      }
    `);
  });

  test('an invalid function name names the module and the export', async () => {
    const modules = await bundleSources({
      'bad.ts': "import { queryGeneric } from 'convex/server';\nconst fn = queryGeneric({ args: {}, handler: async () => 1 });\nexport { fn as 'not-valid' };\n",
    });
    expect(await runner.analyze({ modules })).toMatchInlineSnapshot(`
      {
        "code": "InvalidModules",
        "errorMessage": "Failed to analyze bad.js: Failed to analyze bad:not-valid: InvalidFunctionName: bad:not-valid is not a valid function name",
        "status": "error",
      }
    `);
  });

  test('http.js must export a router', async () => {
    const modules = await bundleSources({ 'http.ts': 'export default { notARouter: true };\n' });
    expect(await runner.analyze({ modules })).toMatchInlineSnapshot(`
      {
        "code": "InvalidModules",
        "errorMessage": "Failed to analyze http.js: The default export of http.js is not a Router.",
        "status": "error",
      }
    `);
  });
});
