import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError } from '../errors/cli-error.ts';

/**
 * The parts of `convex.json` the CLI uses (the official CLI's format; unknown keys are ignored).
 *
 * @example
 * ```ts
 * const config: ProjectConfig = { functions: 'convex/', externalPackages: [], nodeVersion: undefined, codegen: { staticApi: false, staticDataModel: false, fileType: 'js/dts' }, generateCommonJSApi: false, includeSourcesContent: false };
 * ```
 */
export interface ProjectConfig {
  /** The functions directory relative to the project, e.g. `convex/` (sent as `functions`). */
  readonly functions: string;
  /** `node.externalPackages`: packages of `"use node"` modules installed on the server. */
  readonly externalPackages: readonly string[];
  /** `node.nodeVersion`, sent as `nodeVersion` when set. */
  readonly nodeVersion: string | undefined;
  readonly codegen: {
    readonly staticApi: boolean;
    readonly staticDataModel: boolean;
    /** `"ts"` writes `api.ts`/`server.ts`/`dataModel.ts`; `"js/dts"` (default) `.js` + `.d.ts`. */
    readonly fileType: 'ts' | 'js/dts';
  };
  readonly generateCommonJSApi: boolean;
  /** `bundler.includeSourcesContent`: put sources into the source maps. */
  readonly includeSourcesContent: boolean;
}

/**
 * Reads `convex.json` from the project directory; without one, the defaults (functions in
 * `convex/`, or `src/convex/` for a create-react-app project, like the official CLI).
 *
 * @example
 * ```ts
 * const config = readProjectConfig('/app');
 * path.join('/app', config.functions); // '/app/convex/'
 * ```
 */
export function readProjectConfig(cwd: string): ProjectConfig {
  const file = path.join(cwd, 'convex.json');
  if (!existsSync(file)) return defaultConfig(cwd);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError('config', `Cannot parse ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (!isRecord(json)) throw new CliError('config', `${file} must contain a JSON object.`);
  const node = optionalRecord(json, 'node');
  const codegen = optionalRecord(json, 'codegen');
  const bundler = optionalRecord(json, 'bundler');
  const fileType = optional(codegen, 'codegen.fileType', 'string') ?? 'js/dts';
  if (fileType !== 'ts' && fileType !== 'js/dts') {
    throw invalid('codegen.fileType', 'expected "ts" or "js/dts"');
  }
  const externalPackages = node?.['externalPackages'] ?? [];
  if (!Array.isArray(externalPackages) || !externalPackages.every((p) => typeof p === 'string')) {
    throw invalid('node.externalPackages', 'expected an array of package names');
  }
  const config: ProjectConfig = {
    functions: optional(json, 'functions', 'string') ?? 'convex/',
    externalPackages,
    nodeVersion: optional(node, 'node.nodeVersion', 'string'),
    codegen: {
      staticApi: optional(codegen, 'codegen.staticApi', 'boolean') ?? false,
      staticDataModel: optional(codegen, 'codegen.staticDataModel', 'boolean') ?? false,
      fileType,
    },
    generateCommonJSApi: optional(json, 'generateCommonJSApi', 'boolean') ?? false,
    includeSourcesContent: optional(bundler, 'bundler.includeSourcesContent', 'boolean') ?? false,
  };
  if (config.generateCommonJSApi && fileType === 'ts') {
    throw invalid('generateCommonJSApi', 'cannot be true with `codegen.fileType: "ts"`');
  }
  return config;
}

/**
 * The absolute path of the functions directory.
 *
 * @example
 * ```ts
 * functionsDirectory('/app', config); // '/app/convex'
 * ```
 */
export function functionsDirectory(cwd: string, config: ProjectConfig): string {
  return path.resolve(cwd, config.functions);
}

function defaultConfig(cwd: string): ProjectConfig {
  let functions = 'convex/';
  try {
    const pkg = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const deps = {
      ...(pkg['dependencies'] as object | undefined),
      ...(pkg['devDependencies'] as object | undefined),
    };
    if ('react-scripts' in deps) functions = 'src/convex/';
  } catch {
    // No readable package.json: the default stands.
  }
  return {
    functions,
    externalPackages: [],
    nodeVersion: undefined,
    codegen: { staticApi: false, staticDataModel: false, fileType: 'js/dts' },
    generateCommonJSApi: false,
    includeSourcesContent: false,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalRecord(
  json: Record<string, unknown>,
  key: string,
): Record<string, unknown> | undefined {
  const value = json[key];
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalid(key, 'expected an object');
  return value;
}

function optional<TType extends 'string' | 'boolean'>(
  json: Record<string, unknown> | undefined,
  label: string,
  type: TType,
): (TType extends 'string' ? string : boolean) | undefined {
  const key = label.split('.').at(-1) ?? label;
  const value = json?.[key];
  if (value === undefined) return undefined;
  if (typeof value !== type) throw invalid(label, `expected a ${type}`);
  return value as TType extends 'string' ? string : boolean;
}

function invalid(label: string, problem: string): CliError {
  return new CliError('config', `\`${label}\` in \`convex.json\`: ${problem}.`);
}
