// The handle types mirror convex/server's, `any` defaults included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { DefaultFunctionArgs } from '../functions/function-args.ts';
import { performAsyncSyscall } from '../syscall/perform-async-syscall.ts';
import { CONVEX_COMPAT_VERSION } from '../version.ts';
import { getFunctionAddress } from './function-address.ts';
import type {
  FunctionReference,
  FunctionReference_future,
  FunctionType,
} from './function-reference.ts';

/**
 * A serializable reference to a function (`"function://…"`): store it or pass it to another
 * component, and call it later like any reference.
 *
 * @example
 * ```ts
 * const handle: FunctionHandle<'mutation'> = await createFunctionHandle(internal.jobs.done);
 * ```
 */
export type FunctionHandle<
  TType extends FunctionType,
  TArgs extends DefaultFunctionArgs = any,
  TReturnType = any,
> = string & FunctionReference<TType, 'internal', TArgs, TReturnType>;

/**
 * A {@link FunctionHandle} compared like a {@link FunctionReference_future}.
 *
 * @example
 * ```ts
 * declare const handle: FunctionHandle_future<'query', { id: string }>;
 * ```
 */
export type FunctionHandle_future<
  TType extends FunctionType,
  TArgs extends DefaultFunctionArgs = any,
  TReturnType = any,
> = string & FunctionReference_future<TType, 'internal', TArgs, TReturnType>;

/**
 * Creates a {@link FunctionHandle} for a function (`1.0/createFunctionHandle`).
 *
 * @example
 * ```ts
 * const handle = await createFunctionHandle(internal.jobs.done);
 * await ctx.scheduler.runAfter(0, handle, {});
 * ```
 */
export async function createFunctionHandle<
  TType extends FunctionType,
  TArgs extends DefaultFunctionArgs,
  TReturnType,
>(
  functionReference:
    | FunctionReference<TType, 'public' | 'internal', TArgs, TReturnType>
    | FunctionReference_future<TType, 'public' | 'internal', TArgs, TReturnType>,
): Promise<FunctionHandle<TType, TArgs, TReturnType>> {
  const address = getFunctionAddress(functionReference);
  return (await performAsyncSyscall('1.0/createFunctionHandle', {
    ...address,
    version: CONVEX_COMPAT_VERSION,
  })) as FunctionHandle<TType, TArgs, TReturnType>;
}
