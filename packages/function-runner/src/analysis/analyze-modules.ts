import type { AnalyzedModule, RawModuleAnalysis } from '@selfhost/udf-runtime';
import type { JSONValue } from '@selfhost/values';
import type { RunnerLimits } from '../config/runner-limits.ts';
import { importSeedWords, type UdfConfig } from '../config/udf-config.ts';
import { classifyIsolateFailure } from '../isolates/isolate-failure.ts';
import { IsolateSlot } from '../isolates/isolate-slot.ts';
import { ModuleLoadError, PreparedContext } from '../isolates/prepared-context.ts';
import type { ModuleSet } from '../modules/module-set.ts';
import type { DeploymentAnalysis } from './deployment-analysis.ts';
import { locateExports } from './locate-exports.ts';

/**
 * The outcome of push-time analysis: the analysis, or the error that makes the push fail
 * (it names the module, and the export when one is at fault).
 *
 * @example
 * ```ts
 * if (result.status === 'error') respond(400, { code: 'InvalidModules', message: result.errorMessage });
 * ```
 */
export type AnalyzeResult =
  | { readonly status: 'success'; readonly analysis: DeploymentAnalysis }
  | { readonly status: 'error'; readonly errorMessage: string; readonly code: 'InvalidModules' | 'AuthConfigMissingEnvironmentVariable' };

class AnalysisFailure extends Error {
  readonly code: 'InvalidModules' | 'AuthConfigMissingEnvironmentVariable';
  constructor(message: string, code: 'InvalidModules' | 'AuthConfigMissingEnvironmentVariable' = 'InvalidModules') {
    super(message);
    this.code = code;
  }
}

function failureMessage(error: unknown, where: { readonly slot: IsolateSlot; readonly limits: RunnerLimits; readonly path: string }): string {
  const { slot, limits, path } = where;
  if (error instanceof ModuleLoadError) return error.message;
  const failure = classifyIsolateFailure(error, slot.isolate);
  switch (failure.kind) {
    case 'timeout':
      return `Function execution timed out (maximum duration: ${limits.analyzeTimeoutMs / 1000}s) while importing ${path}`;
    case 'memory':
      return `JavaScript execution ran out of memory (maximum memory usage: ${limits.memoryLimitMb} MB) while importing ${path}`;
    case 'script':
      return failure.stack.startsWith('Error: ') ? failure.stack.slice('Error: '.length) : failure.stack;
  }
}

function analyzeOne(slot: IsolateSlot, path: string, limits: RunnerLimits): RawModuleAnalysis {
  const context = PreparedContext.createSync(slot);
  try {
    const namespace = context.namespaceOf(path, limits.analyzeTimeoutMs);
    return JSON.parse(context.analyze(namespace, path, limits.analyzeTimeoutMs)) as RawModuleAnalysis;
  } catch (error) {
    throw new AnalysisFailure(`Failed to analyze ${path}: ${failureMessage(error, { slot, limits, path })}`);
  } finally {
    context.dispose();
  }
}

function parseJson(text: string | null, path: string): JSONValue | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as JSONValue;
  } catch {
    throw new AnalysisFailure(`Failed to analyze ${path}: its default export is not valid JSON`);
  }
}

/**
 * Imports every isolate module of a push in a fresh isolate and analyzes it (compat spec
 * §4.5), with the push's environment variables and `udfConfig`. `"use node"` modules are
 * analyzed by `analyzeNode` (in a Node.js process) when given.
 *
 * @example
 * ```ts
 * const result = await analyzeModules({ modules, environmentVariables: {}, udfConfig, limits });
 * ```
 * @internal
 */
export async function analyzeModules(input: {
  readonly modules: ModuleSet;
  readonly environmentVariables: Readonly<Record<string, string>>;
  readonly udfConfig: UdfConfig;
  readonly limits: RunnerLimits;
  readonly analyzeNode?: ((paths: readonly string[]) => Promise<Record<string, AnalyzedModule>>) | undefined;
}): Promise<AnalyzeResult> {
  const { modules, limits, udfConfig } = input;
  const slot = new IsolateSlot({
    modules,
    contextConfigJson: JSON.stringify({ importSeed: importSeedWords(udfConfig), importNowMs: udfConfig.importPhaseUnixTimestampMs, env: input.environmentVariables }),
    configVersion: 1,
    hotModules: new Set(),
    importGraphs: new Map(),
    memoryLimitMb: limits.memoryLimitMb,
    setupTimeoutMs: limits.setupTimeoutMs,
    importTimeoutMs: limits.analyzeTimeoutMs,
    readyContexts: 0,
  });
  try {
    const analyzed: Record<string, AnalyzedModule> = {};
    let schema: JSONValue | null = null;
    let authConfig: JSONValue | null = null;
    let crons: JSONValue | null = null;
    for (const module of modules.modules('isolate')) {
      if (module.path.startsWith('_deps/')) continue;
      const raw = analyzeOne(slot, module.path, limits);
      const positioned = locateExports(raw, module, modules);
      if (module.path === 'schema.js') schema = parseJson(raw.defaultExportJson, module.path);
      else if (module.path === 'auth.config.js') {
        const missing = raw.missingEnvVars[0];
        if (missing !== undefined) {
          throw new AnalysisFailure(`Environment variable ${missing} is used in auth config file but its value was not set.`, 'AuthConfigMissingEnvironmentVariable');
        }
        authConfig = parseJson(raw.defaultExportJson, module.path);
      } else {
        if (module.path === 'crons.js') crons = parseJson(raw.defaultExportJson, module.path);
        analyzed[module.path] = positioned;
      }
    }
    const nodePaths = modules.modules('node').filter((module) => !module.path.startsWith('_deps/')).map((module) => module.path);
    if (nodePaths.length > 0 && input.analyzeNode !== undefined) {
      try {
        Object.assign(analyzed, await input.analyzeNode(nodePaths));
      } catch (error) {
        if (error instanceof Error && error.name === 'AnalyzeNodeError') throw new AnalysisFailure(error.message);
        throw error;
      }
    }
    return { status: 'success', analysis: { modules: analyzed, schema, authConfig, crons, udfConfig } };
  } catch (error) {
    if (error instanceof AnalysisFailure) return { status: 'error', errorMessage: error.message, code: error.code };
    throw error;
  } finally {
    slot.dispose();
  }
}
