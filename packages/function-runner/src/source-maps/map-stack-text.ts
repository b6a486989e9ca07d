import { RUNTIME_ORIGIN } from '@selfhost/udf-runtime';
import type { ModuleSet } from '../modules/module-set.ts';

const POSITION = /convex:\/([^\s():]+):(\d+):(\d+)/g;

/**
 * Maps the `convex:/path:line:col` positions of a stack already formatted as text (errors
 * raised while modules were imported, when the runtime cannot reach the host) through the
 * modules' source maps, and drops the runtime's own frames.
 *
 * @example
 * ```ts
 * mapStackText('Error: boom\n    at convex:/a.js:3:7', modules); // 'Error: boom\n    at ../convex/a.ts:5:9'
 * ```
 */
export function mapStackText(text: string, modules: ModuleSet): string {
  return text
    .split('\n')
    .filter((line) => !line.includes(RUNTIME_ORIGIN))
    .map((line) =>
      line.replace(POSITION, (...match: string[]) => {
        const [whole = '', path = '', row = '0', column = '0'] = match;
        const original = modules.sourceMap(path)?.originalPosition(Number(row), Number(column));
        return original ? `${original.source}:${original.line}:${original.column}` : whole;
      }),
    )
    .join('\n');
}


