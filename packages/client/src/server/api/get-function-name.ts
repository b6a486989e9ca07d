// Accepts references of every kind and visibility, like convex/server's.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { getFunctionAddress } from './function-address.ts';
import type { FunctionReference, FunctionReference_future } from './function-reference.ts';

/**
 * The function path of a reference, like `"dir/module:fn"` — or `"dir/module"` for a default
 * export. Component references and function handles have no path in this app and are rejected.
 *
 * @example
 * ```ts
 * getFunctionName(anyApi.messages.send); // 'messages:send'
 * ```
 */
export function getFunctionName(
  functionReference: FunctionReference<any, any> | FunctionReference_future<any, any>,
): string {
  const address = getFunctionAddress(functionReference);
  if (address.name !== undefined) return address.name;
  if (address.functionHandle !== undefined) {
    throw new Error(
      `Expected a function reference like "api.file.func" or "internal.file.func", but received the function handle ${address.functionHandle}. ` +
        'A function handle has no name: call it with ctx.runQuery/runMutation/runAction or the scheduler instead.',
    );
  }
  throw new Error(
    `Expected a function reference in the current component like "api.file.func" or "internal.file.func", but received the component reference ${address.reference}.`,
  );
}
