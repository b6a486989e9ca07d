// Hand-written modules (no bundler, no convex library) for tests of the runtime itself:
// `lib.js` registers plain functions with the markers and invoke methods the library sets.
import type { ModuleConfig } from '../../src/modules/module-config.ts';

const LIB = `
const make = (kind, visibility) => (handler) => {
  const fn = (...a) => handler(...a);
  fn['is' + kind] = true;
  fn[visibility === 'public' ? 'isPublic' : 'isInternal'] = true;
  fn.exportArgs = () => '{"type":"any"}';
  fn.exportReturns = () => 'null';
  const run = async (argsJson) => { const result = await handler(JSON.parse(argsJson)[0]); return JSON.stringify(result === undefined ? null : result); };
  if (kind === 'Query') fn.invokeQuery = run;
  if (kind === 'Mutation') fn.invokeMutation = run;
  if (kind === 'Action') fn.invokeAction = (_requestId, argsJson) => run(argsJson);
  return fn;
};
export const query = make('Query', 'public');
export const mutation = make('Mutation', 'public');
export const action = make('Action', 'public');
export const syscall = async (op, args) => JSON.parse(await Convex.asyncSyscall(op, JSON.stringify(args)));
`;

/**
 * Modules written by hand: each entry's source may import `./lib.js` (`query`, `mutation`,
 * `action` builders that take `async (args) => result`, and `syscall(op, args)`).
 *
 * @example
 * ```ts
 * const modules = rawApp({ 'a.js': "import { query } from './lib.js'; export const f = query(async () => 1);" });
 * ```
 */
export function rawApp(files: Readonly<Record<string, string>>): ModuleConfig[] {
  return [
    { path: 'lib.js', source: LIB, environment: 'isolate' },
    ...Object.entries(files).map(([path, source]) => ({ path, source, environment: 'isolate' as const })),
  ];
}

/**
 * One query module: `export const run = query(async (args) => { <body> })`.
 *
 * @example
 * ```ts
 * rawQuery('return 1 + 1;');
 * ```
 */
export function rawQuery(body: string, kind: 'query' | 'mutation' | 'action' = 'query'): ModuleConfig[] {
  return rawApp({ 'probe.js': `import { ${kind}, syscall } from './lib.js';\nexport const run = ${kind}(async (args) => {\n${body}\n});\n` });
}
