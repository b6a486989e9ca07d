import { encodeOpResult, errorEnvelope, okEnvelope, type HostErrorPayload, type PendingOp } from '@selfhost/udf-runtime';
import { convexErrorDataOf, isDeveloperError, isolateErrorNameOf } from '../errors/developer-error.ts';
import { parseSyscallArgs } from '../syscalls/syscall-args.ts';
import { SYSCALLS } from '../syscalls/syscall-table.ts';
import type { ExecutionEnv } from './execution-env.ts';

/**
 * Serves the syscalls of one execution. Developer errors go back into the isolate as errors
 * the function can catch; any other failure is a system failure: it is recorded here, the
 * isolate gets a generic error, and the execution loop throws the failure after the current
 * step (so user code cannot swallow it).
 *
 * @example
 * ```ts
 * const dispatcher = new OpDispatcher(env);
 * const encoded = await dispatcher.perform({ i: 1, o: '1.0/get', a: { id } });
 * ```
 * @internal
 */
export class OpDispatcher {
  readonly #env: ExecutionEnv;
  #systemFailure: { readonly error: unknown } | undefined;

  constructor(env: ExecutionEnv) {
    this.#env = env;
  }

  /** The first system failure of this execution, if any. */
  get systemFailure(): { readonly error: unknown } | undefined {
    return this.#systemFailure;
  }

  /** `Convex.syscall`: returns an envelope. */
  readonly syncSyscall = (op: string, argsJson: string): string => {
    const handler = SYSCALLS.get(op);
    if (handler === undefined || handler.kind !== 'sync' || !handler.allowed.includes(this.#env.udfType)) {
      return errorEnvelope({ message: `Unknown operation ${op}` });
    }
    try {
      return okEnvelope(handler.run(parseSyscallArgs(argsJson, op), this.#env));
    } catch (error) {
      return errorEnvelope(this.#failure(error));
    }
  };

  /** One asynchronous operation: resolves with its encoded result, never rejects. */
  async perform(op: PendingOp): Promise<string> {
    const { ok, text } = await this.performRaw(String(op.o), typeof op.a === 'string' ? op.a : JSON.stringify(op.a));
    return encodeOpResult(op.i, ok, text);
  }

  /**
   * One asynchronous operation with its JSON arguments: resolves with the result JSON text
   * (`ok`) or the JSON of the error payload; never rejects.
   */
  async performRaw(op: string, argsJson: string): Promise<{ readonly ok: boolean; readonly text: string }> {
    const handler = SYSCALLS.get(op);
    if (handler === undefined || handler.kind !== 'async' || !handler.allowed.includes(this.#env.udfType)) {
      return { ok: false, text: JSON.stringify({ message: `Unknown async operation ${op}` }) };
    }
    try {
      const args = parseSyscallArgs(argsJson, op);
      return { ok: true, text: await handler.run(args, this.#env) };
    } catch (error) {
      return { ok: false, text: JSON.stringify(this.#failure(error)) };
    }
  }

  #failure(error: unknown): HostErrorPayload {
    if (isDeveloperError(error)) {
      const data = convexErrorDataOf(error);
      const name = isolateErrorNameOf(error);
      return { message: error.message, ...(data === undefined ? {} : { data }), ...(name === undefined ? {} : { name }) };
    }
    this.#systemFailure ??= { error };
    return { message: 'Internal error' };
  }
}
