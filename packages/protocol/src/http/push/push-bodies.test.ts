import { describe, expect, test } from 'vitest';
import { type ProtocolError } from '../../protocol-error.ts';
import { parseHttpBody } from '../parse-http-body.ts';
import { analyzedModuleSchema, componentDefinitionMetadataSchema } from './component-definition.ts';
import { getConfigHashesRequestSchema, getConfigHashesResponseSchema } from './config-hashes.ts';
import {
  finishPushDiffSchema,
  finishPushRequestSchema,
  type FinishPushDiff,
} from './finish-push.ts';
import { reportPushCompletedRequestSchema } from './report-push-completed.ts';
import { startPushRequestSchema } from './start-push-request.ts';
import { startPushResponseSchema, type StartPushResponse } from './start-push-response.ts';
import { schemaStatusSchema, waitForSchemaRequestSchema } from './wait-for-schema.ts';

const messagesModule = {
  path: 'messages.js',
  source: 'export const list = 1;',
  sourceMap: '{"version":3}',
  environment: 'isolate' as const,
};

/** What `npx convex dev` (CLI ≥ 1.32) sends to start_push for a root-only app. */
const startPushBody = {
  adminKey: 'carnitas|0135d8',
  dryRun: false,
  functions: 'convex/',
  appDefinition: {
    definition: null,
    dependencies: [],
    schema: { path: 'schema.js', source: 'export default {}', environment: 'isolate' },
    changedModules: [messagesModule],
    unchangedModuleHashes: [{ path: 'http.js', environment: 'isolate', sha256: 'ab12' }],
    udfServerVersion: '1.48.0',
  },
  componentDefinitions: [],
  nodeDependencies: [{ name: 'sharp', version: '0.33.0' }],
  nodeVersion: '22',
  someFutureField: { a: 1 },
};

/** A root-only start_push answer, as spec §2.3 describes it. */
const startPushResponse: StartPushResponse = {
  environmentVariables: { OPENAI_KEY: 'sk-1' },
  externalDepsId: null,
  componentDefinitionPackages: {},
  appAuth: [
    { applicationID: 'my-app', domain: 'https://issuer.example.com' },
    {
      type: 'customJwt',
      applicationID: null,
      issuer: 'https://jwt.example.com',
      jwks: 'https://jwt.example.com/jwks',
      algorithm: 'RS256',
    },
  ],
  analysis: {
    '': {
      definition: {
        path: '',
        definitionType: { type: 'app' },
        childComponents: [],
        httpMounts: {},
        exports: { type: 'branch', branch: [] },
        envVars: null,
      },
      schema: {
        tables: [
          {
            tableName: 'messages',
            indexes: [{ indexDescriptor: 'by_channel', fields: ['channel', '_creationTime'] }],
            stagedDbIndexes: [],
            searchIndexes: [
              { indexDescriptor: 'search_body', searchField: 'body', filterFields: [] },
            ],
            stagedSearchIndexes: [],
            vectorIndexes: [],
            stagedVectorIndexes: [],
            documentType: {
              type: 'object',
              value: { body: { fieldType: { type: 'string' }, optional: false } },
            },
          },
        ],
        schemaValidation: true,
      },
      functions: {
        'messages.js': {
          functions: [
            {
              name: 'list',
              pos: { path: 'messages.js', start_lineno: 12, start_col: 19 },
              udfType: 'Query',
              visibility: { kind: 'public' },
              args: '{"type":"object","value":{}}',
              returns: null,
            },
            {
              name: 'send',
              pos: null,
              udfType: 'Mutation',
              visibility: { kind: 'internal' },
              args: null,
              returns: null,
            },
          ],
          httpRoutes: null,
          cronSpecs: null,
          sourceMapped: null,
        },
      },
      udfConfig: {
        serverVersion: '1.48.0',
        importPhaseRngSeed: { $bytes: 'AAAA' },
        importPhaseUnixTimestamp: { $integer: 'AQAAAAAAAAA=' },
      },
    },
  },
  app: {
    definitionPath: '',
    componentPath: '',
    args: {},
    childComponents: {},
    httpRoutes: { httpModuleRoutes: [{ method: 'GET', path: '/x' }], mounts: [] },
    exports: {},
    env: {},
    httpPrefix: null,
  },
  schemaChange: {
    allocatedComponentIds: {},
    schemaIds: { '': 'schema-1' },
    indexDiffs: {
      '': {
        added_indexes: [
          {
            name: 'messages.by_channel',
            type: 'database',
            fields: ['channel', '_creationTime'],
            staged: false,
          },
        ],
        removed_indexes: [],
        enabled_indexes: [],
        disabled_indexes: [],
      },
    },
  },
};

describe('start_push', () => {
  test('reads what the CLI sends, dropping unknown fields', () => {
    const request = parseHttpBody(
      startPushRequestSchema,
      startPushBody,
      'POST /api/deploy2/start_push',
    );
    expect(request).not.toHaveProperty('someFutureField');
    expect(request.appDefinition.changedModules).toEqual([messagesModule]);
    expect(request.appDefinition.unchangedModuleHashes).toEqual([
      { path: 'http.js', environment: 'isolate', sha256: 'ab12' },
    ]);
    expect(request.appDefinition.schema).toEqual({
      path: 'schema.js',
      source: 'export default {}',
      environment: 'isolate',
    });
    expect(request.nodeVersion).toBe('22');
  });

  test('normalizes the legacy functions field of CLIs ≤ 1.31.5', () => {
    const {
      changedModules,
      unchangedModuleHashes: _unchanged,
      ...legacyApp
    } = startPushBody.appDefinition;
    const request = parseHttpBody(
      startPushRequestSchema,
      {
        ...startPushBody,
        appDefinition: { ...legacyApp, functions: changedModules },
        componentDefinitions: undefined,
        nodeDependencies: undefined,
      },
      'POST /api/deploy2/start_push',
    );
    expect(request.appDefinition).toEqual({
      ...legacyApp,
      changedModules,
      unchangedModuleHashes: [],
    });
    expect([request.componentDefinitions, request.nodeDependencies]).toEqual([[], []]);
  });

  test('says which field is wrong', () => {
    const { changedModules: _changed, ...noModules } = startPushBody.appDefinition;
    const cases = [
      { ...startPushBody, appDefinition: noModules },
      {
        ...startPushBody,
        appDefinition: {
          ...startPushBody.appDefinition,
          changedModules: [{ ...messagesModule, environment: 'deno' }],
        },
      },
      { ...startPushBody, dryRun: 'no' },
    ];
    const messages = cases.map((body) => {
      try {
        parseHttpBody(startPushRequestSchema, body, 'POST /api/deploy2/start_push');
      } catch (error) {
        expect((error as ProtocolError).code).toBe('BadJsonBody');
        return (error as Error).message;
      }
      throw new Error('expected a throw');
    });
    expect(messages).toMatchInlineSnapshot(`
      [
        "POST /api/deploy2/start_push body.appDefinition: expected "changedModules" (or, from old CLIs, "functions"), received an object",
        "POST /api/deploy2/start_push body.appDefinition.changedModules[0].environment: expected "isolate" or "node", received "deno"",
        "POST /api/deploy2/start_push body.dryRun: expected a boolean, received "no"",
      ]
    `);
  });

  test('the answer survives JSON and the CLI echoing it back in finish_push', () => {
    const echoed = JSON.parse(
      JSON.stringify({ adminKey: 'k', startPush: startPushResponse, dryRun: false, message: null }),
    ) as unknown;
    const request = parseHttpBody(finishPushRequestSchema, echoed, 'POST /api/deploy2/finish_push');
    expect(request.startPush).toEqual(startPushResponse);
    expect(
      parseHttpBody(
        startPushResponseSchema,
        JSON.parse(JSON.stringify(startPushResponse)),
        'start_push response',
      ),
    ).toEqual(startPushResponse);
    expect(
      parseHttpBody(
        finishPushRequestSchema,
        { startPush: startPushResponse, dryRun: true },
        'finish_push',
      ).message,
    ).toBeNull();
  });
});

describe('analysis defaults', () => {
  test('missing optional analysis fields read as null', () => {
    expect(parseHttpBody(analyzedModuleSchema, { functions: [] }, 'analysis')).toEqual({
      functions: [],
      httpRoutes: null,
      cronSpecs: null,
      sourceMapped: null,
    });
    const { envVars: _envVars, ...definition } = startPushResponse.analysis['']!.definition;
    expect(
      parseHttpBody(componentDefinitionMetadataSchema, definition, 'analysis').envVars,
    ).toBeNull();
  });
});

describe('wait_for_schema, finish_push, report_push_completed, get_config_hashes', () => {
  test('wait_for_schema request and every status', () => {
    expect(
      parseHttpBody(
        waitForSchemaRequestSchema,
        {
          adminKey: 'k',
          schemaChange: startPushResponse.schemaChange,
          timeoutMs: 10000,
          dryRun: false,
        },
        'wait_for_schema',
      ),
    ).toEqual({
      adminKey: 'k',
      schemaChange: startPushResponse.schemaChange,
      timeoutMs: 10000,
      dryRun: false,
    });
    const statuses = [
      {
        type: 'inProgress',
        components: {
          '': { schemaValidationComplete: false, indexesComplete: 1, indexesTotal: 3 },
        },
      },
      {
        type: 'failed',
        error: 'Document does not match the schema',
        componentPath: '',
        tableName: 'messages',
      },
      { type: 'raceDetected' },
      { type: 'complete' },
    ];
    for (const status of statuses)
      expect(parseHttpBody(schemaStatusSchema, status, 'wait_for_schema response')).toEqual(status);
  });

  test('a FinishPushDiff round-trips', () => {
    const diff: FinishPushDiff = {
      authDiff: { added: ['https://issuer.example.com'], removed: [] },
      definitionDiffs: { '': {} },
      componentDiffs: {
        '': {
          diffType: { type: 'create' },
          moduleDiff: { added: ['messages.js'], removed: [] },
          udfConfigDiff: { previous_version: '1.47.0', next_version: '1.48.0' },
          cronDiff: { added: [], updated: [], deleted: [] },
          indexDiff: {
            added_indexes: [],
            removed_indexes: [
              {
                name: 'messages.old',
                type: 'vector',
                vectorField: 'v',
                dimensions: 3,
                filterFields: [],
              },
            ],
          },
          schemaDiff: { previous_schema: null, next_schema: '{"tables":[]}' },
        },
      },
    };
    expect(
      parseHttpBody(finishPushDiffSchema, JSON.parse(JSON.stringify(diff)), 'finish_push response'),
    ).toEqual(diff);
  });

  test('report_push_completed and get_config_hashes', () => {
    expect(
      parseHttpBody(reportPushCompletedRequestSchema, { adminKey: 'k' }, 'report_push_completed'),
    ).toEqual({ adminKey: 'k', spans: [] });
    expect(
      parseHttpBody(
        getConfigHashesRequestSchema,
        { version: '1.48.0', adminKey: 'k' },
        'get_config_hashes',
      ),
    ).toEqual({ version: '1.48.0', adminKey: 'k' });
    const fresh = {
      config: { functions: 'convex/', authInfo: [] },
      moduleHashes: [],
      nodeDependencies: [],
      udfServerVersion: null,
      nodeVersion: null,
    };
    expect(
      parseHttpBody(getConfigHashesResponseSchema, fresh, 'get_config_hashes response'),
    ).toEqual(fresh);
  });
});
