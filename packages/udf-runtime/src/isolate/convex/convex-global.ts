import { defineGlobal } from '../define-global.ts';
import { currentExecution } from '../driver/current-execution.ts';
import { hostSyscall } from '../host.ts';
import { runtimeState } from '../runtime-state.ts';
import { jsSyscall } from './js-syscall.ts';

const DATABASE_OPS = new Set(['count', 'get', 'insert', 'update', 'shallowMerge', 'replace', 'queryStream', 'queryStreamNext', 'queryPage', 'remove']);

function importPhaseError(op: string): Error {
  const name = op.startsWith('1.0/') ? op.slice(4) : op;
  return new Error(DATABASE_OPS.has(name) ? "Can't use database at import time" : `Syscall ${op} unsupported at import time`);
}

function checkArgs(op: unknown, jsonArgs: unknown): asserts op is string {
  if (typeof op !== 'string') throw new TypeError('Syscall operation must be a string');
  if (typeof jsonArgs !== 'string') throw new TypeError('Syscall arguments must be a JSON string');
}

/**
 * Installs `globalThis.Convex`, the three hooks the bundled `convex/server` library calls
 * (compat spec §4.2): `syscall` runs synchronously on the host, `asyncSyscall` is queued for
 * the host's next step, `jsSyscall` is served inside the isolate.
 *
 * @example
 * ```ts
 * installConvexGlobal();
 * Convex.syscall('1.0/db/normalizeId', JSON.stringify({ table: 'users', idString: 'x' }));
 * ```
 * @internal
 */
export function installConvexGlobal(): void {
  const convex = {
    syscall(op: string, jsonArgs: string): string {
      checkArgs(op, jsonArgs);
      if (runtimeState.phase === 'import') throw importPhaseError(op);
      return hostSyscall(op, jsonArgs);
    },
    asyncSyscall(op: string, jsonArgs: string): Promise<string> {
      try {
        checkArgs(op, jsonArgs);
        if (runtimeState.phase === 'import') throw importPhaseError(op);
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return currentExecution.ops.start(op, jsonArgs);
    },
    jsSyscall(op: string, args: Record<string, unknown>): unknown {
      if (typeof op !== 'string') throw new TypeError('Syscall operation must be a string');
      return jsSyscall(op, args);
    },
  };
  defineGlobal('Convex', convex);
}
