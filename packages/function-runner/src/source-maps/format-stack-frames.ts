import { MODULE_ORIGIN_PREFIX, RUNTIME_ORIGIN, type StackFrameData } from '@selfhost/udf-runtime';
import type { ModuleSet } from '../modules/module-set.ts';

function location(frame: StackFrameData, modules: ModuleSet): string {
  if (frame.native === true) return 'native';
  const file = frame.file ?? null;
  if (file === null || file === '') return '<anonymous>';
  const line = frame.line ?? null;
  const column = frame.col ?? null;
  if (file.startsWith(MODULE_ORIGIN_PREFIX) && line !== null && column !== null) {
    const original = modules.sourceMap(file.slice(MODULE_ORIGIN_PREFIX.length))?.originalPosition(line, column);
    if (original) return `${original.source}:${original.line}:${original.column}`;
  }
  return `${file}${line !== null ? `:${line}` : ''}${column !== null ? `:${column}` : ''}`;
}

function functionLabel(frame: StackFrameData): string | null {
  const fn = frame.fn ?? null;
  if (frame.promiseIndex !== undefined && frame.promiseIndex !== null) return `Promise.all (index ${frame.promiseIndex})`;
  if (frame.ctor === true) return `new ${fn ?? '<anonymous>'}`;
  const method = frame.method ?? null;
  const type = frame.type ?? null;
  if (frame.top !== true && type !== null && type !== 'Object' && type !== 'global') {
    const name = fn ?? method ?? '<anonymous>';
    const qualified = name.startsWith(`${type}.`) ? name : `${type}.${name}`;
    return method !== null && fn !== null && !fn.endsWith(method) ? `${qualified} [as ${method}]` : qualified;
  }
  return fn ?? (frame.top === true ? null : method);
}

/**
 * Formats V8 stack frames the way V8 does, with every pushed-module position mapped through
 * its source map (`at handler (../convex/messages.ts:12:9)`). Frames of the runtime script
 * are left out: they are ours, not the developer's.
 *
 * @example
 * ```ts
 * formatStackFrames([{ fn: 'handler', file: 'convex:/messages.js', line: 4, col: 11 }], modules);
 * // '    at handler (../convex/messages.ts:12:9)'
 * ```
 */
export function formatStackFrames(frames: readonly StackFrameData[], modules: ModuleSet): string {
  const lines: string[] = [];
  for (const frame of frames) {
    if (frame.file === RUNTIME_ORIGIN) continue;
    const where = location(frame, modules);
    const label = functionLabel(frame);
    const asyncPrefix = frame.async === true ? 'async ' : '';
    lines.push(label === null ? `    at ${asyncPrefix}${where}` : `    at ${asyncPrefix}${label} (${where})`);
  }
  return lines.join('\n');
}
