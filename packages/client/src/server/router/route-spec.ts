import type { PublicHttpAction } from '../functions/registered-function.ts';
import type { RoutableMethod } from './routable-method.ts';

/**
 * A route for one exact path.
 *
 * @example
 * ```ts
 * const spec: RouteSpecWithPath = { path: '/hook', method: 'POST', handler: hook };
 * ```
 */
export type RouteSpecWithPath = {
  /** The exact path, starting with `/`. */
  path: string;
  method: RoutableMethod;
  handler: PublicHttpAction;
};

/**
 * A route for every path under a prefix (the longest matching prefix wins).
 *
 * @example
 * ```ts
 * const spec: RouteSpecWithPathPrefix = { pathPrefix: '/files/', method: 'GET', handler: serveFile };
 * ```
 */
export type RouteSpecWithPathPrefix = {
  /** The prefix, starting and ending with `/`. */
  pathPrefix: string;
  method: RoutableMethod;
  handler: PublicHttpAction;
};

/**
 * The argument of `http.route(…)`.
 *
 * @example
 * ```ts
 * http.route({ path: '/hello', method: 'GET', handler: hello } satisfies RouteSpec);
 * ```
 */
export type RouteSpec = RouteSpecWithPath | RouteSpecWithPathPrefix;
