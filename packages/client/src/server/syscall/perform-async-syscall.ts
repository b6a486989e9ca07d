import { ConvexError, jsonToConvex, type JSONValue, type Value } from '@selfhost/values';
import { convexHook } from './convex-global.ts';

/**
 * Runs the asynchronous syscall `op` with `args` (plain JSON) and resolves with the parsed JSON
 * result.
 *
 * A rejection from the host is rethrown as a fresh error created here, so that its stack starts
 * in user code. When the rejection carries `data` (a `ConvexError` thrown by a function called
 * through `runQuery`/`runMutation`/`runAction`), it is rethrown as a `ConvexError` whose data is
 * the decoded Convex value (compat spec §4.2).
 *
 * @example
 * ```ts
 * const doc = await performAsyncSyscall('1.0/get', { id, isSystem: false, version });
 * ```
 */
export async function performAsyncSyscall(
  op: string,
  args: Record<string, unknown>,
): Promise<unknown> {
  const asyncSyscall = convexHook('asyncSyscall');
  let resultText: string;
  try {
    resultText = await asyncSyscall(op, JSON.stringify(args));
  } catch (thrown: unknown) {
    throw rethrownFromHost(thrown);
  }
  return JSON.parse(resultText);
}

function rethrownFromHost(thrown: unknown): Error {
  const { message, data } = (thrown ?? {}) as { message?: unknown; data?: unknown };
  if (data !== undefined) {
    const error = new ConvexError<Value>(message as string);
    error.data = jsonToConvex(data as JSONValue);
    return error;
  }
  return new Error(message as string);
}
