// Hand-written modules for backend tests that need deployed code but not a bundler: `lib.js`
// registers plain functions with the markers and invoke methods the `convex` library sets.

/** A module as the push protocol carries it. */
export interface RawModule {
  readonly path: string;
  readonly source: string;
  readonly environment: 'isolate' | 'node';
}

const lib = `
const make = (kind) => (handler) => {
  const fn = (...a) => handler(...a);
  fn['is' + kind] = true;
  fn.isPublic = true;
  fn.exportArgs = () => '{"type":"any"}';
  fn.exportReturns = () => 'null';
  const run = async (argsJson) => { const result = await handler(JSON.parse(argsJson)[0]); return JSON.stringify(result === undefined ? null : result); };
  if (kind === 'Query') fn.invokeQuery = run;
  if (kind === 'Mutation') fn.invokeMutation = run;
  if (kind === 'Action') fn.invokeAction = (_requestId, argsJson) => run(argsJson);
  return fn;
};
export const query = make('Query');
export const mutation = make('Mutation');
export const action = make('Action');
export const syscall = async (op, args) => JSON.parse(await Convex.asyncSyscall(op, JSON.stringify(args)));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
`;

/**
 * Modules written by hand. Isolate modules may import `./lib.js`: `query`, `mutation` and
 * `action` take `async (args) => result`; `syscall(op, args)` reaches the database and nested
 * calls (`1.0/insert`, `1.0/count`, `1.0/actions/mutation`, …); `sleep(ms)` works in actions.
 * A `"use node"` module (`node: true`) is self-contained, as the CLI bundles them.
 *
 * @example
 * const modules = rawModules({ 'items.js': "import { query, syscall } from './lib.js'; export const count = query(() => syscall('1.0/count', { table: 'items' }));" });
 */
export function rawModules(files: Readonly<Record<string, string>>, options: { readonly node?: readonly string[] } = {}): RawModule[] {
  const node = new Set(options.node ?? []);
  return [
    { path: 'lib.js', source: lib, environment: 'isolate' },
    ...Object.entries(files).map(([path, source]) => ({ path, source, environment: node.has(path) ? ('node' as const) : ('isolate' as const) })),
  ];
}

/**
 * A `schema.js` whose default export is the given schema JSON (compat §4.5).
 *
 * @example
 * rawSchema({ tables: [{ tableName: 'items', indexes: [], documentType: null }], schemaValidation: true });
 */
export function rawSchema(schema: unknown): RawModule {
  return { path: 'schema.js', source: `export default { export: () => ${JSON.stringify(JSON.stringify(schema))} };`, environment: 'isolate' };
}
