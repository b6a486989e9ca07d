// Generated `api.d.ts` files are typed with these; they match convex/server's, `any` included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type {
  RegisteredAction,
  RegisteredMutation,
  RegisteredQuery,
} from '../functions/registered-function.ts';
import type { UnionToIntersection } from '../type-utils.ts';
import type { FilterApi } from './filter-api.ts';
import type { AnyFunctionReference, FunctionReference } from './function-reference.ts';

type UndefinedToNull<TValue> = TValue extends void ? null : TValue;
type NullToUndefinedOrNull<TValue> = TValue extends null ? TValue | undefined | void : TValue;

/**
 * The client-facing form of a handler's return type: promises unwrapped, `undefined`/`void`
 * turned into `null` (what the wire carries).
 *
 * @example
 * ```ts
 * type R = ConvertReturnType<Promise<void>>; // null
 * ```
 */
export type ConvertReturnType<TReturn> = UndefinedToNull<Awaited<TReturn>>;

/**
 * What a handler may return when its `returns` validator describes `TValue`: the value or a
 * promise of it, where `null` may also be returned as `undefined`.
 *
 * @example
 * ```ts
 * const r: ValidatorTypeToReturnType<null> = undefined;
 * ```
 */
export type ValidatorTypeToReturnType<TValue> =
  Promise<NullToUndefinedOrNull<TValue>> | NullToUndefinedOrNull<TValue>;

/**
 * The function reference an export of a module turns into in the `api` object (`never` for
 * exports that are not Convex functions).
 *
 * @example
 * ```ts
 * type Ref = FunctionReferenceFromExport<typeof list>; // FunctionReference<'query', 'public', …>
 * ```
 */
export type FunctionReferenceFromExport<TExport> =
  TExport extends RegisteredQuery<infer TVisibility, infer TArgs, infer TReturn>
    ? FunctionReference<'query', TVisibility, TArgs, ConvertReturnType<TReturn>>
    : TExport extends RegisteredMutation<infer TVisibility, infer TArgs, infer TReturn>
      ? FunctionReference<'mutation', TVisibility, TArgs, ConvertReturnType<TReturn>>
      : TExport extends RegisteredAction<infer TVisibility, infer TArgs, infer TReturn>
        ? FunctionReference<'action', TVisibility, TArgs, ConvertReturnType<TReturn>>
        : never;

// Keep the homomorphic mapped form: it preserves go-to-definition from `api.x.y` to the export.
type FunctionReferencesInModule<TModule extends Record<string, any>> = {
  -readonly [
    TExportName in keyof TModule as TModule[TExportName]['isConvexFunction'] extends true
      ? TExportName
      : never
  ]: FunctionReferenceFromExport<TModule[TExportName]>;
};

type ApiForModule<
  TModulePath extends string,
  TModule extends object,
> = TModulePath extends `${infer TFirst}/${infer TRest}`
  ? { [_ in TFirst]: ApiForModule<TRest, TModule> }
  : { [_ in TModulePath]: FunctionReferencesInModule<TModule> };

type ExpandModulesAndDirs<TNode> = TNode extends AnyFunctionReference
  ? TNode
  : { [TKey in keyof TNode]: ExpandModulesAndDirs<TNode[TKey]> };

type ApiFromModulesAllowEmptyNodes<TAllModules extends Record<string, object>> =
  ExpandModulesAndDirs<
    UnionToIntersection<
      {
        [TModulePath in keyof TAllModules]: ApiForModule<
          TModulePath & string,
          TAllModules[TModulePath]
        >;
      }[keyof TAllModules]
    >
  >;

/**
 * The type of the `api` object, from the types of all modules keyed by their path
 * (`"dir/module"`). This is what the generated `_generated/api.d.ts` declares.
 *
 * @example
 * ```ts
 * declare const fullApi: ApiFromModules<{ messages: typeof import('./messages') }>;
 * ```
 */
export type ApiFromModules<TAllModules extends Record<string, object>> = FilterApi<
  ApiFromModulesAllowEmptyNodes<TAllModules>,
  FunctionReference<any, any, any, any>
>;
