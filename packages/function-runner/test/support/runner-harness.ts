// A runner over hand-written modules and a real database, for runtime tests.
import type { JSONValue } from '@selfhost/values';
import type { FunctionRunnerOptions } from '../../src/function-runner.ts';
import type { ModuleConfig } from '../../src/modules/module-config.ts';
import type { RunResult } from '../../src/execution/run-types.ts';
import { TestBackend } from './test-backend.ts';

/**
 * Starts a backend over `modules` and runs `probe:run` (or another path) as `kind`.
 *
 * @example
 * ```ts
 * const result = await runOnce(rawQuery('return 1;'));
 * ```
 */
export async function runOnce(
  modules: readonly ModuleConfig[],
  options: { readonly kind?: 'query' | 'mutation' | 'action'; readonly path?: string; readonly args?: JSONValue; readonly runner?: FunctionRunnerOptions } = {},
): Promise<RunResult> {
  await using backend = await TestBackend.start({ modules, ...(options.runner ? { runner: options.runner } : {}) });
  const path = options.path ?? 'probe:run';
  const args = options.args ?? {};
  switch (options.kind ?? 'query') {
    case 'query':
      return await backend.query(path, args);
    case 'mutation':
      return await backend.mutation(path, args);
    case 'action':
      return await backend.action(path, args);
  }
}
