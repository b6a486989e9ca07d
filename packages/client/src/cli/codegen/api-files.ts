import type { AnalyzedFunction, AnalyzedModule } from '@selfhost/protocol';
import { CliError } from '../errors/cli-error.ts';
import type { CodegenInput } from './codegen-input.ts';
import {
  compareModulePaths,
  compareNames,
  docComment,
  generatedHeader,
  moduleApiPath,
  moduleIdentifier,
  propertyName,
} from './codegen-text.ts';
import { parseValidatorJson, validatorType } from './validator-type.ts';

const HEADER = generatedHeader("Generated `api` utility: references to this app's functions.");
const API_DOC = docComment([
  "References to this app's public functions, e.g. `api.messages.list`, for",
  '`useQuery(api.messages.list)` or `ctx.runQuery(api.messages.list, args)`.',
]);
const INTERNAL_DOC = docComment([
  "References to this app's internal functions, e.g. `internal.messages.bump`, callable only",
  'from other functions (`ctx.runMutation`, `ctx.scheduler`).',
]);
const COMPONENTS_DOC = docComment(['The components this app uses (selfhost supports none yet).']);

/**
 * The `api` files: `api.js` + `api.d.ts` (plus `api_cjs.cjs` + `api_cjs.d.cts` with
 * `generateCommonJSApi`), or `api.ts` for `codegen.fileType: "ts"`. They export `api`,
 * `internal` and `components`, typed either from the modules' own types (`ApiFromModules`) or,
 * with `codegen.staticApi`, from the analysed validators.
 *
 * @example
 * ```ts
 * const files = apiFiles(input); // { 'api.js': '…', 'api.d.ts': '…' }
 * ```
 */
export function apiFiles(input: CodegenInput): Record<string, string> {
  const types =
    input.staticApi && input.analysis !== null
      ? staticApiTypes(input, input.analysis.functions)
      : dynamicApiTypes(input);
  const { server } = input.pkg;
  const components = components_(input);
  if (input.fileType === 'ts') {
    return {
      'api.ts': [
        HEADER,
        ...types.imports,
        `import { anyApi${components.runtimeImport} } from "${server}";`,
        '',
        ...types.declarations,
        '',
        API_DOC,
        `export const api: ${types.api} = anyApi as any;`,
        '',
        INTERNAL_DOC,
        `export const internal: ${types.internal} = anyApi as any;`,
        '',
        COMPONENTS_DOC,
        `export const components = ${components.value} as unknown as {};`,
        '',
      ].join('\n'),
    };
  }
  const dts = [
    HEADER,
    ...types.imports,
    '',
    ...types.declarations,
    '',
    API_DOC,
    `export declare const api: ${types.api};`,
    '',
    INTERNAL_DOC,
    `export declare const internal: ${types.internal};`,
    '',
    COMPONENTS_DOC,
    'export declare const components: {};',
    '',
  ].join('\n');
  const js = [
    HEADER,
    `import { anyApi${components.runtimeImport} } from "${server}";`,
    '',
    API_DOC,
    'export const api = anyApi;',
    '',
    INTERNAL_DOC,
    'export const internal = anyApi;',
    '',
    COMPONENTS_DOC,
    `export const components = ${components.value};`,
    '',
  ].join('\n');
  const files: Record<string, string> = { 'api.js': js, 'api.d.ts': dts };
  if (input.commonjs) {
    files['api_cjs.cjs'] = [
      HEADER,
      `const { anyApi } = require("${server}");`,
      'module.exports = {',
      '  api: anyApi,',
      '  internal: anyApi,',
      '};',
      '',
    ].join('\n');
    files['api_cjs.d.cts'] = dts;
  }
  return files;
}

/** `componentsGeneric()` is in `convex/server`; `@selfhost/client/server` has no components API. */
function components_(input: CodegenInput): { runtimeImport: string; value: string } {
  return input.pkg.name === 'convex'
    ? { runtimeImport: ', componentsGeneric', value: 'componentsGeneric()' }
    : { runtimeImport: '', value: '{}' };
}

interface ApiTypes {
  readonly imports: string[];
  readonly declarations: string[];
  readonly api: string;
  readonly internal: string;
}

function dynamicApiTypes(input: CodegenInput): ApiTypes {
  const modulePaths = [...input.modulePaths].sort(compareModulePaths);
  const modules = modulePaths.map((modulePath) => ({
    identifier: moduleIdentifier(modulePath),
    apiPath: moduleApiPath(modulePath),
  }));
  const fullApi = [
    `${input.fileType === 'ts' ? 'const' : 'declare const'} fullApi: ApiFromModules<{`,
    ...modules.map(
      ({ identifier, apiPath }) => `  ${propertyName(apiPath)}: typeof ${identifier};`,
    ),
    `}>${input.fileType === 'ts' ? ' = anyApi as any' : ''};`,
  ];
  return {
    imports: [
      ...modules.map(
        ({ identifier, apiPath }) => `import type * as ${identifier} from "../${apiPath}.js";`,
      ),
      '',
      `import type { ApiFromModules, FilterApi, FunctionReference } from "${input.pkg.server}";`,
    ],
    declarations: fullApi,
    api: 'FilterApi<typeof fullApi, FunctionReference<any, "public">>',
    internal: 'FilterApi<typeof fullApi, FunctionReference<any, "internal">>',
  };
}

type ApiTree = Map<
  string,
  { kind: 'branch'; branch: ApiTree } | { kind: 'leaf'; leaf: AnalyzedFunction }
>;

function staticApiTypes(input: CodegenInput, functions: Record<string, AnalyzedModule>): ApiTypes {
  const render = (visibility: 'public' | 'internal') =>
    renderTree(
      buildTree(functions, visibility),
      (fn) => functionReferenceType(fn, visibility, input.pkg.values),
      '',
    );
  return {
    imports: [
      `import type { FunctionReference } from "${input.pkg.server}";`,
      `import type { GenericId as Id } from "${input.pkg.values}";`,
    ],
    declarations: [],
    api: render('public'),
    internal: render('internal'),
  };
}

function buildTree(
  functions: Record<string, AnalyzedModule>,
  visibility: 'public' | 'internal',
): ApiTree {
  const root: ApiTree = new Map();
  for (const [modulePath, module] of Object.entries(functions)) {
    const apiPath = moduleApiPath(modulePath);
    if (apiPath.startsWith('_deps/')) continue;
    for (const fn of module.functions) {
      if (fn.visibility?.kind !== visibility) continue;
      let current = root;
      for (const segment of apiPath.split('/')) {
        let next = current.get(segment);
        if (next === undefined) {
          next = { kind: 'branch', branch: new Map() };
          current.set(segment, next);
        }
        if (next.kind === 'leaf') {
          throw new CliError(
            'server',
            `Ambiguous function name: ${fn.name} in ${modulePath} is also a module path.`,
          );
        }
        current = next.branch;
      }
      if (current.has(fn.name))
        throw new CliError('server', `Duplicate function name: ${fn.name} in ${modulePath}.`);
      current.set(fn.name, { kind: 'leaf', leaf: fn });
    }
  }
  return root;
}

function renderTree(
  tree: ApiTree,
  leafType: (fn: AnalyzedFunction) => string,
  indent: string,
): string {
  const entries = [...tree.entries()].sort(([a], [b]) => compareNames(a, b));
  if (entries.length === 0) return '{}';
  const inner = `${indent}  `;
  const lines = entries.map(([name, node]) => {
    const type =
      node.kind === 'leaf' ? leafType(node.leaf) : renderTree(node.branch, leafType, inner);
    return `${inner}${propertyName(name)}: ${type};`;
  });
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function functionReferenceType(
  fn: AnalyzedFunction,
  visibility: 'public' | 'internal',
  valuesModule: string,
): string {
  const options = { useIdType: true, valuesModule };
  const args = parseValidatorJson(fn.args);
  if (args !== null && args.type !== 'object' && args.type !== 'any') {
    throw new CliError(
      'server',
      `The server analysed ${fn.name} with args of type "${args.type}": expected an object validator.`,
    );
  }
  const returns = parseValidatorJson(fn.returns);
  const argsType = args === null ? 'any' : validatorType(args, options);
  const returnsType = returns === null ? 'any' : validatorType(returns, options);
  return `FunctionReference<"${fn.udfType.toLowerCase()}", "${visibility}", ${argsType}, ${returnsType}>`;
}
