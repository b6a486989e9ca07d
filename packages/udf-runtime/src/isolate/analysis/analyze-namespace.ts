import type { AnalyzedCron, AnalyzedFunction, AnalyzedHttpRoute, RawModuleAnalysis } from '../../bridge/analyzed-module.ts';
import { missingEnvVarReads } from '../globals/process.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function callString(target: Record<string, unknown>, method: string, what: string): string {
  const fn = target[method];
  if (typeof fn !== 'function') throw new Error(`${what}: missing ${method}()`);
  const result: unknown = (fn as () => unknown).call(target);
  if (typeof result !== 'string') throw new Error(`${what}: ${method}() did not return a string`);
  return result;
}

function analyzeFunction(name: string, fn: Record<string, unknown>, modulePath: string): AnalyzedFunction | null {
  const kinds = (['isQuery', 'isMutation', 'isAction'] as const).filter((marker) => fn[marker] === true);
  if (kinds.length !== 1) return null;
  const isPublic = fn['isPublic'] === true;
  const isInternal = fn['isInternal'] === true;
  if (isPublic && isInternal) return null;
  const what = `${modulePath.replace(/\.js$/, '')}:${name}`;
  if (!IDENTIFIER.test(name)) throw new Error(`InvalidFunctionName: ${what} is not a valid function name`);
  const udfType = kinds[0] === 'isQuery' ? 'Query' : kinds[0] === 'isMutation' ? 'Mutation' : 'Action';
  return {
    name,
    pos: null,
    udfType,
    visibility: isPublic ? { kind: 'public' } : isInternal ? { kind: 'internal' } : null,
    args: callString(fn, 'exportArgs', what),
    returns: callString(fn, 'exportReturns', what),
  };
}

function analyzeRouter(router: Record<string, unknown>, modulePath: string): AnalyzedHttpRoute[] {
  if (router['isRouter'] !== true) throw new Error(`The default export of ${modulePath} is not a Router.`);
  const getRoutes = router['getRoutes'];
  if (typeof getRoutes !== 'function') throw new Error(`The default export of ${modulePath} has no getRoutes()`);
  const routes: unknown = (getRoutes as () => unknown).call(router);
  if (!Array.isArray(routes)) throw new Error(`${modulePath}: getRoutes() did not return an array`);
  return routes.map((entry: unknown) => {
    const [path, method] = Array.isArray(entry) ? (entry as unknown[]) : [];
    return { route: { path: typeof path === 'string' ? path : '', method: typeof method === 'string' ? method : '' }, pos: null };
  });
}

function analyzeCrons(crons: Record<string, unknown>, modulePath: string): { specs: AnalyzedCron[]; json: string } {
  if (crons['isCrons'] !== true) throw new Error(`The default export of ${modulePath} is not a Crons object.`);
  const json = callString(crons, 'export', modulePath);
  const parsed = JSON.parse(json) as Record<string, unknown>;
  return { specs: Object.entries(parsed).map(([identifier, spec]) => ({ identifier, spec })), json };
}

function defaultExportJson(modulePath: string, value: unknown): string | null {
  if (modulePath === 'schema.js') {
    if (typeof value !== 'object' || value === null) throw new Error('schema.js must default-export a schema (defineSchema)');
    return callString(value as Record<string, unknown>, 'export', 'schema.js');
  }
  if (modulePath === 'auth.config.js') {
    if (typeof value !== 'object' || value === null) throw new Error('auth.config.js must default-export an object');
    return JSON.stringify(value);
  }
  return null;
}

/**
 * Push-time analysis of one imported module (compat spec §4.5): every exported Convex
 * function with its type, visibility and validators; the routes of `http.js`; the jobs of
 * `crons.js`; the default export of `schema.js` / `auth.config.js`.
 *
 * @example
 * ```ts
 * const raw = analyzeNamespace(namespace, 'messages.js');
 * raw.module.functions.map((fn) => fn.name);
 * ```
 * @internal
 */
export function analyzeNamespace(namespace: Record<string, unknown>, modulePath: string): RawModuleAnalysis {
  const functions: AnalyzedFunction[] = [];
  for (const name of Object.keys(namespace).sort()) {
    const value = namespace[name];
    if (typeof value !== 'function' && (typeof value !== 'object' || value === null)) continue;
    try {
      const analyzed = analyzeFunction(name, value as Record<string, unknown>, modulePath);
      if (analyzed !== null) functions.push(analyzed);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Failed to analyze ${modulePath.replace(/\.js$/, '')}:${name}: ${message}`, { cause: error });
    }
  }
  let httpRoutes: AnalyzedHttpRoute[] | null = null;
  let cronSpecs: AnalyzedCron[] | null = null;
  let json: string | null = null;
  const fallback = namespace['default'];
  if (modulePath === 'http.js' && fallback !== undefined) httpRoutes = analyzeRouter(fallback as Record<string, unknown>, modulePath);
  if (modulePath === 'crons.js' && fallback !== undefined) {
    const crons = analyzeCrons(fallback as Record<string, unknown>, modulePath);
    cronSpecs = crons.specs;
    json = crons.json;
  }
  json ??= defaultExportJson(modulePath, fallback);
  return { module: { functions, httpRoutes, cronSpecs, sourceMapped: null }, defaultExportJson: json, missingEnvVars: missingEnvVarReads() };
}
