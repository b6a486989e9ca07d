// Generated `api.d.ts` types are computed from these; they match convex/server's, `any` included.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { DefaultFunctionArgs, FunctionVisibility } from './function-args.ts';
import type { GenericActionCtx, GenericMutationCtx, GenericQueryCtx } from './function-ctx.ts';

type VisibilityProperties<TVisibility extends FunctionVisibility> = {
  /** Type-only: the visibility. */
  _visibility: TVisibility;
} & (TVisibility extends 'public' ? { isPublic: true } : { isInternal: true });

/**
 * A query as exported from a module: what `query(…)`/`internalQuery(…)` return. The host calls
 * `invokeQuery` with the JSON text of the arguments array and receives the JSON text of the
 * result (compat spec §4.3).
 *
 * @example
 * ```ts
 * export const list: RegisteredQuery<'public', {}, Promise<Doc<'messages'>[]>> = query(async (ctx) => ...);
 * ```
 */
export type RegisteredQuery<
  TVisibility extends FunctionVisibility,
  TArgs extends DefaultFunctionArgs,
  TReturns,
> = {
  /** Type-only marker used by `ApiFromModules`. */
  isConvexFunction: true;
  isQuery: true;
  /** Runs the query: JSON text of the args array in, JSON text of the result out. */
  invokeQuery(argsStr: string): Promise<string>;
  /** The JSON text of the args validator. */
  exportArgs(): string;
  /** The JSON text of the returns validator (`"null"` without one). */
  exportReturns(): string;
  /** The handler as written. */
  _handler: (ctx: GenericQueryCtx<any>, args: TArgs) => TReturns;
} & VisibilityProperties<TVisibility>;

/**
 * A mutation as exported from a module: what `mutation(…)`/`internalMutation(…)` return.
 *
 * @example
 * ```ts
 * export const send: RegisteredMutation<'public', { body: string }, Promise<null>> = mutation(...);
 * ```
 */
export type RegisteredMutation<
  TVisibility extends FunctionVisibility,
  TArgs extends DefaultFunctionArgs,
  TReturns,
> = {
  /** Type-only marker used by `ApiFromModules`. */
  isConvexFunction: true;
  isMutation: true;
  /** Runs the mutation: JSON text of the args array in, JSON text of the result out. */
  invokeMutation(argsStr: string): Promise<string>;
  /** The JSON text of the args validator. */
  exportArgs(): string;
  /** The JSON text of the returns validator (`"null"` without one). */
  exportReturns(): string;
  /** The handler as written. */
  _handler: (ctx: GenericMutationCtx<any>, args: TArgs) => TReturns;
} & VisibilityProperties<TVisibility>;

/**
 * An action as exported from a module: what `action(…)`/`internalAction(…)` return.
 *
 * @example
 * ```ts
 * export const fetchFeed: RegisteredAction<'internal', { url: string }, Promise<void>> = internalAction(...);
 * ```
 */
export type RegisteredAction<
  TVisibility extends FunctionVisibility,
  TArgs extends DefaultFunctionArgs,
  TReturns,
> = {
  /** Type-only marker used by `ApiFromModules`. */
  isConvexFunction: true;
  isAction: true;
  /** Runs the action: request id and JSON text of the args array in, JSON text of the result out. */
  invokeAction(requestId: string, argsStr: string): Promise<string>;
  /** The JSON text of the args validator. */
  exportArgs(): string;
  /** The JSON text of the returns validator (`"null"` without one). */
  exportReturns(): string;
  /** The handler as written. */
  _handler: (ctx: GenericActionCtx<any>, args: TArgs) => TReturns;
} & VisibilityProperties<TVisibility>;

/**
 * An HTTP action: what `httpAction(…)` returns, to be routed with `httpRouter()`.
 *
 * @example
 * ```ts
 * const hello: PublicHttpAction = httpAction(async () => new Response('hi'));
 * ```
 */
export type PublicHttpAction = {
  isHttp: true;
  /** Runs the handler on `request`. */
  invokeHttpAction(request: Request): Promise<Response>;
  /** The handler as written. */
  _handler: (ctx: GenericActionCtx<any>, request: Request) => Promise<Response>;
};
