import { RUNTIME_ORIGIN, type StackFrameData } from '../../bridge/stack-frame.ts';
import { hostUtil, isHostReachable } from '../host.ts';

interface CallSiteLike {
  getFunctionName(): string | null;
  getMethodName(): string | null;
  getTypeName(): string | null;
  getFileName(): string | undefined | null;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
  isAsync(): boolean;
  isConstructor(): boolean;
  isNative(): boolean;
  isToplevel(): boolean;
  isPromiseAll(): boolean;
  getPromiseIndex(): number | null;
}

function describe(site: CallSiteLike): StackFrameData {
  let type: string | null;
  try {
    type = site.getTypeName();
  } catch {
    type = null;
  }
  return {
    fn: site.getFunctionName(),
    method: site.getMethodName(),
    type,
    file: site.getFileName() ?? null,
    line: site.getLineNumber(),
    col: site.getColumnNumber(),
    async: site.isAsync(),
    ctor: site.isConstructor(),
    native: site.isNative(),
    top: site.isToplevel(),
    promiseIndex: site.isPromiseAll() ? site.getPromiseIndex() : null,
  };
}

function formatUnmapped(frames: readonly StackFrameData[]): string {
  return frames
    .filter((frame) => frame.file !== RUNTIME_ORIGIN)
    .map((frame) => {
      const where = frame.native === true ? 'native' : `${frame.file ?? '<anonymous>'}${frame.line !== null && frame.line !== undefined ? `:${frame.line}` : ''}${frame.col !== null && frame.col !== undefined ? `:${frame.col}` : ''}`;
      const name = frame.fn ?? null;
      return name === null ? `    at ${frame.async === true ? 'async ' : ''}${where}` : `    at ${frame.async === true ? 'async ' : ''}${name} (${where})`;
    })
    .join('\n');
}

function header(error: unknown): string {
  try {
    return String(error);
  } catch {
    return 'Error';
  }
}

/**
 * Makes `error.stack` source-mapped: V8 calls `Error.prepareStackTrace` the first time a
 * stack is read, and the host maps each `convex:/…` frame through the pushed source map
 * (`at handler (../convex/messages.ts:12:9)`) and drops the runtime's own frames.
 *
 * @example
 * ```ts
 * installStackMapping();
 * new Error('boom').stack; // 'Error: boom\n    at handler (../convex/messages.ts:12:9)'
 * ```
 * @internal
 */
export function installStackMapping(): void {
  Error.stackTraceLimit = 20;
  Error.prepareStackTrace = (error: unknown, sites: unknown): string => {
    const first = header(error);
    if (!Array.isArray(sites) || sites.length === 0) return first;
    try {
      const frames = (sites as CallSiteLike[]).map(describe);
      // Unmapped while importing (see `setHostReachable`); the host maps such stacks itself.
      const text = isHostReachable() ? (JSON.parse(hostUtil('mapStack', JSON.stringify(frames))) as string) : formatUnmapped(frames);
      return text === '' ? first : `${first}\n${text}`;
    } catch {
      return first;
    }
  };
}
