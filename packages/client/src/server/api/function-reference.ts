// The reference types mirror convex/server's exactly (generated `api.d.ts` files are typed with
// them), and those are written in terms of `any` for "every function".
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  DefaultFunctionArgs,
  EmptyObject,
  FunctionVisibility,
} from '../functions/function-args.ts';

/**
 * The kind of a Convex function.
 *
 * @example
 * ```ts
 * const kind: FunctionType = 'mutation';
 * ```
 */
export type FunctionType = 'query' | 'mutation' | 'action';

/**
 * A reference to a registered Convex function: what `api.module.fn` and `internal.module.fn`
 * evaluate to. At run time it is an object carrying the function path; the fields below exist
 * only for the type checker.
 *
 * @example
 * ```ts
 * const send: FunctionReference<'mutation', 'public', { body: string }, null> = api.messages.send;
 * ```
 */
export type FunctionReference<
  TType extends FunctionType,
  TVisibility extends FunctionVisibility = 'public',
  TArgs extends DefaultFunctionArgs = any,
  TReturnType = any,
  TComponentPath = string | undefined,
> = {
  _type: TType;
  _visibility: TVisibility;
  /** @deprecated Read the arguments with {@link FunctionArgs}. */
  _args: TArgs;
  /** @deprecated Read the return type with {@link FunctionReturnType}. */
  _returnType: TReturnType;
  _componentPath: TComponentPath;
  /**
   * Phantom slot typed like the function itself (arguments contravariant, result covariant), so a
   * `FunctionReference` can be checked against a {@link FunctionReference_future}. The second
   * parameter carries the argument keys, which makes that check reject surplus keys as the
   * server's argument validator would.
   */
  _fn?(args: TArgs, keys: inferReferenceArgKeys<TArgs>): TReturnType;
};

/**
 * A function reference whose arguments are compared the way the server checks them: a consumer
 * that passes keys the function does not declare, or omits ones it requires, is rejected. Use it
 * to type a callback parameter that receives someone else's function.
 *
 * @example
 * ```ts
 * declare function onDone(fn: FunctionReference_future<'mutation', 'internal', { id: string }>): void;
 * ```
 */
export type FunctionReference_future<
  TType extends FunctionType,
  TVisibility extends FunctionVisibility = 'public',
  TArgs extends DefaultFunctionArgs = any,
  TReturnType = any,
  TComponentPath = string | undefined,
> = {
  _type: TType;
  _visibility: TVisibility;
  _componentPath: TComponentPath;
  // A property, not a method: method parameters are compared bivariantly.
  _fn?: ((args: TArgs, keys: inferFutureArgKeys<TArgs>) => TReturnType) | undefined;
};

// `0 extends 1 & T` holds only for `any`: untyped references neither impose nor fail key checks.
type inferArgKeys<TArgs> = 0 extends 1 & TArgs ? any : keyof TArgs;

// Every FunctionReference's keys parameter is assignable to this; no future reference's is, so
// two plain references compare on `_args` alone while plain-vs-future compares the keys.
type UncheckedArgKeys = (keys: never, unchecked?: unknown) => void;

type inferReferenceArgKeys<TArgs> = 0 extends 1 & TArgs
  ? any
  : ((keys: (key: inferArgKeys<TArgs>) => void) => void) | UncheckedArgKeys;

type inferFutureArgKeys<TArgs> = 0 extends 1 & TArgs
  ? any
  : (keys: (key: inferArgKeys<TArgs>) => void, guard?: never) => void;

/**
 * A reference to any function, of any kind and visibility.
 *
 * @example
 * ```ts
 * const refs: AnyFunctionReference[] = [api.a.list, internal.b.cleanup];
 * ```
 */
export type AnyFunctionReference = FunctionReference<any, any>;

type inferSignature<TReference> = TReference extends {
  _args: infer TArgs;
  _returnType: infer TReturn;
}
  ? { args: TArgs; returnType: TReturn }
  : TReference extends { _fn?: ((args: infer TArgs, keys: never) => infer TReturn) | undefined }
    ? { args: TArgs; returnType: TReturn }
    : { args: any; returnType: any };

/**
 * The arguments object of the function `TReference` refers to.
 *
 * @example
 * ```ts
 * type SendArgs = FunctionArgs<typeof api.messages.send>; // { body: string }
 * ```
 */
export type FunctionArgs<
  TReference extends FunctionReference<any, any> | FunctionReference_future<any, any>,
> = inferSignature<TReference>['args'];

/**
 * The (client-facing) return type of the function `TReference` refers to.
 *
 * @example
 * ```ts
 * type Messages = FunctionReturnType<typeof api.messages.list>;
 * ```
 */
export type FunctionReturnType<
  TReference extends FunctionReference<any, any> | FunctionReference_future<any, any>,
> = inferSignature<TReference>['returnType'];

/**
 * The argument tuple of a call to `TReference`: the arguments object may be left out when the
 * function takes no arguments.
 *
 * @example
 * ```ts
 * function call<TRef extends FunctionReference<'query'>>(ref: TRef, ...args: OptionalRestArgs<TRef>) {}
 * ```
 */
export type OptionalRestArgs<
  TReference extends FunctionReference<any, any> | FunctionReference_future<any, any>,
> =
  FunctionArgs<TReference> extends EmptyObject
    ? [args?: EmptyObject]
    : [args: FunctionArgs<TReference>];

/**
 * Like {@link OptionalRestArgs}, followed by an optional options object.
 *
 * @example
 * ```ts
 * function run<TRef extends FunctionReference<'query'>>(ref: TRef, ...args: ArgsAndOptions<TRef, { cache: boolean }>) {}
 * ```
 */
export type ArgsAndOptions<
  TReference extends FunctionReference<any, any> | FunctionReference_future<any, any>,
  TOptions,
> =
  FunctionArgs<TReference> extends EmptyObject
    ? [args?: EmptyObject, options?: TOptions]
    : [args: FunctionArgs<TReference>, options?: TOptions];
