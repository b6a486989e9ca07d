import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parseHttpBody, startPushRequestSchema, type ModuleConfig } from '@selfhost/protocol';
import { moduleHash } from '../bundle/module-hash.ts';
import { analyzeModules } from './analyze-modules.ts';

/**
 * One request the fake backend received, its JSON body decoded (brotli included).
 *
 * @example
 * ```ts
 * backend.requests.map((r) => `${r.method} ${r.path}`);
 * ```
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

/**
 * An in-process stand-in for a backend's deploy, env, function and log routes (compat spec §2),
 * recording every request — so that the selfhost CLI and the official `convex` CLI can be run
 * against the same server and their requests compared. Modules are analysed for real
 * (`analyzeModules`), so codegen of both CLIs works from the pushed code.
 *
 * @example
 * ```ts
 * await using backend = await startFakeBackend();
 * await runCli(['deploy', '--url', backend.url, '--admin-key', backend.adminKey], ctx);
 * ```
 */
export interface FakeBackend extends AsyncDisposable {
  readonly url: string;
  readonly adminKey: string;
  readonly requests: RecordedRequest[];
  /** The modules live after the last `finish_push`, by path. */
  readonly modules: Map<string, ModuleConfig>;
  readonly envVars: Map<string, string>;
  /** Answer `start_push` with this error instead. */
  startPushError: { status: number; code: string; message: string } | undefined;
  /** Answer `wait_for_schema` with this status instead of `complete`. */
  schemaStatus: unknown;
  /** Indexes `evaluate_push` reports as deleted, and the table sizes `tableSize` reports. */
  removedIndexes: { name: string; type: 'database'; fields: string[] }[];
  tableSize: number;
  /** Executions `stream_function_logs` returns (after cursor 0). */
  logEntries: unknown[];
  /** Answers of `/api/function` by function path. */
  functionResults: Map<string, unknown>;
  close(): Promise<void>;
}

/**
 * Starts a {@link FakeBackend} on a free loopback port.
 *
 * @example
 * ```ts
 * const backend = await startFakeBackend({ adminKey: 'test-key' });
 * ```
 */
export async function startFakeBackend(options: { adminKey?: string } = {}): Promise<FakeBackend> {
  const adminKey = options.adminKey ?? 'fake|0123abcd';
  const requests: RecordedRequest[] = [];
  const modules = new Map<string, ModuleConfig>();
  const envVars = new Map<string, string>();
  let pending: { modules: ModuleConfig[] } | undefined;
  const state: Pick<
    FakeBackend,
    | 'startPushError'
    | 'schemaStatus'
    | 'removedIndexes'
    | 'tableSize'
    | 'logEntries'
    | 'functionResults'
  > = {
    startPushError: undefined,
    schemaStatus: { type: 'complete' },
    removedIndexes: [],
    tableSize: 0,
    logEntries: [],
    functionResults: new Map(),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const encoding = request.headers['content-encoding'];
    const text = (
      encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw
    ).toString('utf8');
    const body: unknown = text === '' ? null : JSON.parse(text);
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname + url.search,
      headers: request.headers,
      body,
    });
    const send = (status: number, json: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(json === undefined ? '' : JSON.stringify(json));
    };
    const authorization = request.headers.authorization;
    const bodyKey = (body as { adminKey?: unknown } | null)?.adminKey;
    const isDeployRoute =
      url.pathname.startsWith('/api/deploy2/') || url.pathname === '/api/get_config_hashes';
    if (
      authorization !== `Convex ${adminKey}` &&
      !(authorization === undefined && bodyKey === adminKey)
    ) {
      return isDeployRoute
        ? send(403, {
            code: 'BadDeployKey',
            message: 'The admin key is not valid for this deployment.',
          })
        : send(401, {
            code: 'BadAdminKey',
            message: 'The provided admin key was invalid for this instance',
          });
    }
    switch (url.pathname) {
      case '/api/get_config_hashes':
        return send(200, {
          config: { functions: 'convex/' },
          moduleHashes: [...modules.values()].map((module) => ({
            path: module.path,
            hash: moduleHash(module),
            environment: module.environment,
          })),
          nodeDependencies: [],
          udfServerVersion: modules.size === 0 ? null : '1.48.0',
          nodeVersion: null,
        });
      case '/api/deploy2/evaluate_schema':
        return send(404, { code: 'NotFound', message: 'not implemented here' });
      case '/api/deploy2/evaluate_push':
        return send(200, { schemaChange: schemaChange(state.removedIndexes) });
      case '/api/deploy2/start_push': {
        if (state.startPushError !== undefined)
          return send(state.startPushError.status, state.startPushError);
        const push = parseHttpBody(startPushRequestSchema, body, 'start_push');
        const all = [
          ...push.appDefinition.changedModules,
          ...push.appDefinition.unchangedModuleHashes.map((hash) => {
            const stored = modules.get(hash.path);
            if (stored === undefined || moduleHash(stored) !== hash.sha256)
              throw new Error(`unknown unchanged module ${hash.path}`);
            return stored;
          }),
        ];
        const analysis = await analyzeModules(all, push.appDefinition.schema);
        pending = { modules: all };
        return send(200, {
          environmentVariables: Object.fromEntries(envVars),
          externalDepsId: null,
          componentDefinitionPackages: {},
          appAuth: [],
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
              schema: analysis.schema,
              functions: analysis.functions,
              udfConfig: {
                serverVersion: '1.48.0',
                importPhaseRngSeed: { $bytes: 'AAAA' },
                importPhaseUnixTimestamp: { $integer: 'AAAAAAAAAAA=' },
              },
            },
          },
          app: {
            definitionPath: '',
            componentPath: '',
            args: {},
            childComponents: {},
            httpRoutes: { httpModuleRoutes: analysis.httpRoutes, mounts: [] },
            exports: {},
            env: {},
            httpPrefix: null,
          },
          schemaChange: schemaChange([]),
        });
      }
      case '/api/deploy2/wait_for_schema':
        return send(200, state.schemaStatus);
      case '/api/deploy2/finish_push': {
        const before = new Set(modules.keys());
        if (!(body as { dryRun: boolean }).dryRun && pending !== undefined) {
          modules.clear();
          for (const module of pending.modules) modules.set(module.path, module);
        }
        const added = [...modules.keys()].filter((path) => !before.has(path));
        return send(200, {
          authDiff: { added: [], removed: [] },
          definitionDiffs: { '': {} },
          componentDiffs: {
            '': {
              diffType: { type: before.size === 0 ? 'create' : 'modify' },
              moduleDiff: { added, removed: [...before].filter((path) => !modules.has(path)) },
              udfConfigDiff: null,
              cronDiff: { added: [], updated: [], deleted: [] },
              indexDiff: { added_indexes: [], removed_indexes: [] },
              schemaDiff: null,
            },
          },
        });
      }
      case '/api/deploy2/report_push_completed':
        return send(200, null);
      case '/api/update_environment_variables':
        for (const change of (body as { changes: { name: string; value?: string | null }[] })
          .changes) {
          if (change.value === undefined || change.value === null) envVars.delete(change.name);
          else envVars.set(change.name, change.value);
        }
        return send(200, undefined);
      case '/api/query':
        return send(200, systemQuery(body as { path: string; args: [Record<string, unknown>] }));
      case '/api/function': {
        const { path } = body as { path: string };
        const result = state.functionResults.get(path);
        return send(
          200,
          result ?? {
            status: 'error',
            errorMessage: `Could not find function for '${path}'. Did you forget to run \`npx convex dev\`?`,
          },
        );
      }
      case '/api/stream_function_logs': {
        const cursor = Number(url.searchParams.get('cursor'));
        if (cursor === 0) return send(200, { entries: [], newCursor: 1 });
        if (cursor === 1 && state.logEntries.length > 0)
          return send(200, { entries: state.logEntries, newCursor: 2 });
        await new Promise((resolve) => setTimeout(resolve, 200));
        return send(200, { entries: [], newCursor: cursor });
      }
      default:
        return send(404, { code: 'NotFound', message: `No route ${url.pathname}` });
    }
  };

  const systemQuery = ({ path, args }: { path: string; args: [Record<string, unknown>] }) => {
    const value = (() => {
      switch (path) {
        case '_system/cli/queryEnvironmentVariables':
          return [...envVars]
            .sort()
            .map(([name, value]) => ({ _id: name, _creationTime: 0, name, value }));
        case '_system/cli/queryEnvironmentVariables:get': {
          const name = args[0]['name'] as string;
          return envVars.has(name) ? { name, value: envVars.get(name) } : null;
        }
        case '_system/cli/modules:apiSpec':
          return [
            {
              identifier: 'messages.js:list',
              functionType: 'Query',
              visibility: { kind: 'public' },
              args: { type: 'any' },
              returns: null,
            },
            {
              identifier: 'dir/users.js:create',
              functionType: 'Mutation',
              visibility: { kind: 'public' },
              args: { type: 'any' },
              returns: null,
            },
            { functionType: 'HttpAction', method: 'GET', path: '/hello' },
          ];
        case '_system/cli/tables':
          return {
            page: [{ name: 'users' }, { name: 'messages' }],
            isDone: true,
            continueCursor: 'end',
          };
        case '_system/cli/tableData':
          return {
            page: [
              {
                _id: 'k1',
                _creationTime: 1700000000000,
                body: 'hi',
                n: { $integer: 'AQAAAAAAAAA=' },
                tags: ['a'],
              },
              { _id: 'k2', _creationTime: 1700000000001, body: 'there' },
            ],
            isDone: true,
            continueCursor: 'end',
          };
        case '_system/cli/tableSize:default':
          return state.tableSize;
        default:
          return undefined;
      }
    })();
    return value === undefined
      ? { status: 'error', errorMessage: `Could not find public function for '${path}'.` }
      : { status: 'success', value };
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ code: 'InternalServerError', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  // `state` is the returned object itself, so tests change what the handlers see.
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    adminKey,
    requests,
    modules,
    envVars,
    close,
    [Symbol.asyncDispose]: close,
  });
}

function schemaChange(removed: unknown[]) {
  return {
    allocatedComponentIds: {},
    schemaIds: { '': null },
    indexDiffs: {
      '': {
        added_indexes: [],
        removed_indexes: removed,
        enabled_indexes: [],
        disabled_indexes: [],
      },
    },
  };
}
