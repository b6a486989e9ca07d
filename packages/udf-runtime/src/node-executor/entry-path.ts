import { fileURLToPath } from 'node:url';

/**
 * How to start a `"use node"` worker process: the entry script and the Node flags it needs.
 * From a source checkout the entry is TypeScript (Node strips the types) and workspace
 * packages resolve through the `@selfhost/source` condition; a built package ships `.js`.
 *
 * @example
 * ```ts
 * const { path, execArgv } = nodeExecutorEntry();
 * fork(path, [], { execArgv });
 * ```
 */
export function nodeExecutorEntry(): { readonly path: string; readonly execArgv: readonly string[] } {
  const fromSource = import.meta.url.endsWith('.ts');
  const path = fileURLToPath(new URL(`./node-executor-main${fromSource ? '.ts' : '.js'}`, import.meta.url));
  return { path, execArgv: fromSource ? ['--conditions=@selfhost/source'] : [] };
}
