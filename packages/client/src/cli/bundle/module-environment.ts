import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModuleEnvironment } from '@selfhost/protocol';
import { CliError } from '../errors/cli-error.ts';
import { hasUseNodeDirective } from './use-node-directive.ts';

/** Modules the backend loads in the isolate whatever they say. */
const ISOLATE_ONLY = ['http', 'crons', 'schema', 'auth.config'];

/**
 * Where a function module runs: `"node"` with a `"use node"` directive, else `"isolate"`. As in the
 * official CLI, `http`, `crons`, `schema` and `auth.config` may not use Node, and a file under the
 * old `actions/` folder must say `"use node"`.
 *
 * @example
 * ```ts
 * moduleEnvironment('/app/convex', '/app/convex/images.ts'); // 'node'
 * ```
 */
export function moduleEnvironment(functionsDir: string, file: string): ModuleEnvironment {
  const relPath = path.relative(functionsDir, file);
  if (hasUseNodeDirective(readFileSync(file, 'utf8'))) {
    if (ISOLATE_ONLY.includes(relPath.replace(/\.[^/.]+$/, ''))) {
      throw new CliError(
        'project',
        `"use node" directive is not allowed for ${relPath}: remove it; this module always runs in the isolate.`,
      );
    }
    return 'node';
  }
  if (relPath.startsWith(`actions${path.sep}`)) {
    throw new CliError(
      'project',
      `${relPath} is in the actions/ folder but has no "use node" directive. Add "use node"; at its top to run it in Node.js, or move it out of actions/.`,
    );
  }
  return 'isolate';
}

/**
 * Splits entry points by where they run.
 *
 * @example
 * ```ts
 * const { isolate, node } = entryPointsByEnvironment('/app/convex', entryPoints);
 * ```
 */
export function entryPointsByEnvironment(
  functionsDir: string,
  entryPoints: readonly string[],
): { isolate: string[]; node: string[] } {
  const isolate: string[] = [];
  const node: string[] = [];
  for (const file of entryPoints) {
    (moduleEnvironment(functionsDir, file) === 'node' ? node : isolate).push(file);
  }
  return { isolate, node };
}
