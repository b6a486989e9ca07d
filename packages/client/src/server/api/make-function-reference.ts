import type { DefaultFunctionArgs } from '../functions/function-args.ts';
import { functionName } from './function-name-symbol.ts';
import type { FunctionReference, FunctionType } from './function-reference.ts';

/**
 * Builds a function reference from a function path, for code that does not use the generated
 * `api` object.
 *
 * @example
 * ```ts
 * const list = makeFunctionReference<'query', {}, string[]>('messages:list');
 * ```
 */
export function makeFunctionReference<
  TType extends FunctionType,
  TArgs extends DefaultFunctionArgs = any, // eslint-disable-line @typescript-eslint/no-explicit-any -- same default as convex/server
  TReturn = any, // eslint-disable-line @typescript-eslint/no-explicit-any -- same default as convex/server
>(name: string): FunctionReference<TType, 'public', TArgs, TReturn> {
  return { [functionName]: name } as unknown as FunctionReference<TType, 'public', TArgs, TReturn>;
}
