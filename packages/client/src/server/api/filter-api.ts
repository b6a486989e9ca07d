// Generated `api.d.ts` files are typed with these; they match convex/server's, `any` included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Expand } from '../type-utils.ts';
import type { FunctionReference } from './function-reference.ts';

type FilterKeysInApi<TKey, TApi, TPredicate> = TApi extends TPredicate
  ? TKey
  : TApi extends FunctionReference<any, any, any, any>
    ? never
    : FilterApi<TApi, TPredicate> extends Record<string, never>
      ? never
      : TKey;

/**
 * The part of an API object whose function references extend `TPredicate` (modules left empty
 * disappear). The generated `api` is `FilterApi<typeof fullApi, FunctionReference<any, "public">>`.
 *
 * @example
 * ```ts
 * type Queries = FilterApi<typeof api, FunctionReference<'query'>>;
 * ```
 */
export type FilterApi<TApi, TPredicate> = Expand<{
  [
    TKey in keyof TApi as FilterKeysInApi<TKey, TApi[TKey], TPredicate>
  ]: TApi[TKey] extends TPredicate ? TApi[TKey] : FilterApi<TApi[TKey], TPredicate>;
}>;

/**
 * Narrows the type of an API object to the functions that extend `TPredicate`. At run time it
 * returns `api` unchanged.
 *
 * @example
 * ```ts
 * const queries = filterApi<typeof api, FunctionReference<'query'>>(api);
 * ```
 */
export function filterApi<TApi, TPredicate>(api: TApi): FilterApi<TApi, TPredicate> {
  return api as FilterApi<TApi, TPredicate>;
}
