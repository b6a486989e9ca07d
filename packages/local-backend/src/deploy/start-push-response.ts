import type { DeploymentAnalysis, UdfConfig } from '@selfhost/function-runner';
import type { AuthInfo, IndexDiff, StartPushResponse } from '@selfhost/protocol';
import { convexToJson, type JSONValue } from '@selfhost/values';

/** The root app's definition: this backend runs no components (compat §2.3). */
const rootDefinition = {
  path: '',
  definitionType: { type: 'app' as const },
  childComponents: [],
  httpMounts: {},
  exports: { type: 'branch' as const, branch: [] },
  envVars: null,
};

/**
 * The `start_push` response the CLI needs: the analysis its codegen consumes (`analysis[""]`),
 * the checked root component with its HTTP routes, auth providers, environment variables, and
 * the schema change (`schemaIds[""]` carries our push id back in `wait_for_schema`/`finish_push`).
 *
 * @example
 * const body = startPushResponse({ analysis, env, pushId, indexDiff });
 */
export function startPushResponse(input: {
  readonly analysis: DeploymentAnalysis;
  readonly env: Readonly<Record<string, string>>;
  readonly pushId: string | null;
  readonly indexDiff: IndexDiff;
}): StartPushResponse {
  const { analysis } = input;
  const routes = analysis.modules['http.js']?.httpRoutes ?? null;
  return {
    environmentVariables: { ...input.env },
    externalDepsId: null,
    componentDefinitionPackages: {},
    appAuth: authProviders(analysis.authConfig),
    analysis: {
      '': {
        definition: rootDefinition,
        schema: analysis.schema as never,
        functions: analysis.modules as never,
        udfConfig: udfConfigJson(analysis.udfConfig) as never,
      },
    },
    app: {
      definitionPath: '',
      componentPath: '',
      args: {},
      childComponents: {},
      httpRoutes: { httpModuleRoutes: routes === null ? null : routes.map((r) => ({ method: r.route.method, path: r.route.path })), mounts: [] },
      exports: {},
      env: {},
      httpPrefix: null,
    },
    schemaChange: { allocatedComponentIds: {}, schemaIds: { '': input.pushId }, indexDiffs: { '': input.indexDiff } },
  };
}

/** The auth providers of `auth.config.js`, as the CLI echoes them. */
export function authProviders(authConfig: JSONValue | null): AuthInfo[] {
  if (authConfig === null || typeof authConfig !== 'object' || Array.isArray(authConfig)) return [];
  const providers = authConfig['providers'];
  return Array.isArray(providers) ? (providers as AuthInfo[]) : [];
}

function udfConfigJson(config: UdfConfig): JSONValue {
  return {
    serverVersion: config.serverVersion,
    importPhaseRngSeed: { $bytes: config.importPhaseRngSeed },
    importPhaseUnixTimestamp: convexToJson(BigInt(config.importPhaseUnixTimestampMs)),
  };
}
