import { functionName, toReferencePath } from './function-name-symbol.ts';

/**
 * How a syscall names the function it targets (compat spec §4.6): exactly one of a function path,
 * a component reference path or a function handle.
 *
 * @example
 * ```ts
 * const address: FunctionAddress = { name: 'messages:send' };
 * ```
 */
export type FunctionAddress =
  | { readonly name: string; readonly reference?: undefined; readonly functionHandle?: undefined }
  | { readonly reference: string; readonly name?: undefined; readonly functionHandle?: undefined }
  | { readonly functionHandle: string; readonly name?: undefined; readonly reference?: undefined };

const FUNCTION_HANDLE_PREFIX = 'function://';

/**
 * Turns anything that stands for a function — a function reference (`api.a.b`,
 * `makeFunctionReference('a:b')`), a component reference, a function handle string, or a bare
 * function path string — into the address field the `run*`/`schedule` syscalls expect.
 *
 * @example
 * ```ts
 * getFunctionAddress(anyApi.messages.send); // { name: 'messages:send' }
 * getFunctionAddress('function://abc'); // { functionHandle: 'function://abc' }
 * ```
 */
export function getFunctionAddress(functionReference: unknown): FunctionAddress {
  if (typeof functionReference === 'string') {
    return functionReference.startsWith(FUNCTION_HANDLE_PREFIX)
      ? { functionHandle: functionReference }
      : { name: functionReference };
  }
  const carrier = functionReference as Record<symbol, unknown>;
  const name = carrier[functionName];
  if (name) return { name: name as string };
  const referencePath = carrier[toReferencePath];
  if (referencePath) return { reference: referencePath as string };
  throw new Error(
    `${String(functionReference)} is not a functionReference. ` +
      'Pass a reference such as `api.myModule.myFunction` or `internal.myModule.myFunction`.',
  );
}
