import type { PublicHttpAction } from '../functions/registered-function.ts';
import { performJsSyscall } from '../syscall/perform-js-syscall.ts';
import { normalizeMethod, ROUTABLE_HTTP_METHODS, type RoutableMethod } from './routable-method.ts';
import type { RouteSpec } from './route-spec.ts';

// Paths under /.files are reserved for the platform.
const RESERVED_PREFIX = '/.files';

/**
 * Routes HTTP requests to HTTP actions: the default export of `convex/http.ts`. The host calls
 * `lookup` and `runRequest` (compat spec §4.3); `getRoutes` feeds push-time analysis. Methods are
 * arrow-function properties, like convex/server's, so they work when detached.
 *
 * @example
 * ```ts
 * const http = httpRouter();
 * http.route({ path: '/hook', method: 'POST', handler: hook });
 * export default http;
 * ```
 */
export class HttpRouter {
  /** Exact routes: path → method → handler. */
  readonly exactRoutes: Map<string, Map<RoutableMethod, PublicHttpAction>> = new Map();
  /** Prefix routes: method → prefix → handler. */
  readonly prefixRoutes: Map<RoutableMethod, Map<string, PublicHttpAction>> = new Map();
  /** Marks the default export of `http.js` as a router for the host. */
  readonly isRouter = true as const;

  /** Adds a route; throws when it is malformed or already taken. */
  route = (spec: RouteSpec): void => {
    if (!spec.handler)
      throw new Error('route requires a handler: pass `handler: httpAction(...)`.');
    if (!spec.method)
      throw new Error(`route requires a method: one of ${ROUTABLE_HTTP_METHODS.join(', ')}.`);
    const { method, handler } = spec;
    if (!ROUTABLE_HTTP_METHODS.includes(method)) {
      throw new Error(
        `'${String(method)}' is not an allowed HTTP method: use one of ${ROUTABLE_HTTP_METHODS.join(', ')}.`,
      );
    }
    if ('path' in spec) {
      if ('pathPrefix' in spec) {
        throw new Error(
          "Invalid httpRouter route: it cannot contain both 'path' and 'pathPrefix', give only one.",
        );
      }
      this.#addExact(spec.path, method, handler);
    } else if ('pathPrefix' in spec) {
      this.#addPrefix(spec.pathPrefix, method, handler);
    } else {
      throw new Error(
        "Invalid httpRouter route entry: it must contain either 'path' or 'pathPrefix'.",
      );
    }
  };

  /**
   * Every route as `[path, method, handler]`: exact routes sorted by path then method, followed
   * by prefix routes (reported as `"/prefix/*"`) sorted by method then prefix.
   */
  getRoutes = (): Array<Readonly<[string, RoutableMethod, PublicHttpAction]>> => {
    const exact = [...this.exactRoutes.keys()].sort().flatMap((path) => {
      const methods = this.exactRoutes.get(path) ?? new Map<RoutableMethod, PublicHttpAction>();
      return [...methods.keys()]
        .sort()
        .map((method) => [path, method, methods.get(method)] as const);
    });
    const prefixes = [...this.prefixRoutes.keys()].sort().flatMap((method) => {
      const byPrefix = this.prefixRoutes.get(method) ?? new Map<string, PublicHttpAction>();
      return [...byPrefix.keys()]
        .sort()
        .map((prefix) => [`${prefix}*`, method, byPrefix.get(prefix)] as const);
    });
    return [...exact, ...prefixes] as Array<Readonly<[string, RoutableMethod, PublicHttpAction]>>;
  };

  /**
   * The route serving `path` and `method`, as `[handler, method, routePattern]`, or `null`.
   * Exact routes win over prefix routes; among prefixes the longest wins.
   */
  lookup = (
    path: string,
    method: RoutableMethod | 'HEAD',
  ): Readonly<[PublicHttpAction, RoutableMethod, string]> | null => {
    const routedMethod = normalizeMethod(method);
    const exact = this.exactRoutes.get(path)?.get(routedMethod);
    if (exact) return [exact, routedMethod, path];
    const byPrefix = [
      ...(this.prefixRoutes.get(routedMethod) ?? new Map<string, PublicHttpAction>()).entries(),
    ];
    byPrefix.sort(([a], [b]) => b.length - a.length);
    for (const [prefix, handler] of byPrefix) {
      if (path.startsWith(prefix)) return [handler, routedMethod, `${prefix}*`];
    }
    return null;
  };

  /**
   * Serves one request for the host: decodes it with the `requestFromConvexJson` JS syscall, runs
   * the matching HTTP action (404 when none) and encodes the response with
   * `convexJsonFromResponse`.
   */
  runRequest = async (argsStr: string, requestRoute: string): Promise<string> => {
    const request = performJsSyscall('requestFromConvexJson', {
      convexJson: JSON.parse(argsStr) as unknown,
    }) as Request;
    const pathname =
      requestRoute && typeof requestRoute === 'string'
        ? requestRoute
        : new URL(request.url).pathname;
    const match = this.lookup(pathname, request.method as RoutableMethod);
    const response = match
      ? await match[0].invokeHttpAction(request)
      : new Response(`No HttpAction routed for ${pathname}`, { status: 404 });
    return JSON.stringify(performJsSyscall('convexJsonFromResponse', { response }));
  };

  #addExact(path: string, method: RoutableMethod, handler: PublicHttpAction): void {
    if (!path.startsWith('/'))
      throw new Error(`path '${path}' does not start with a /: write it as '/${path}'.`);
    if (path.startsWith(`${RESERVED_PREFIX}/`) || path === RESERVED_PREFIX) {
      throw new Error(
        `path '${path}' is reserved: paths under ${RESERVED_PREFIX} belong to the platform.`,
      );
    }
    const methods = this.exactRoutes.get(path) ?? new Map<RoutableMethod, PublicHttpAction>();
    if (methods.has(method))
      throw new Error(
        `Path '${path}' for method ${method} already in use: each route may be defined once.`,
      );
    methods.set(method, handler);
    this.exactRoutes.set(path, methods);
  }

  #addPrefix(pathPrefix: string, method: RoutableMethod, handler: PublicHttpAction): void {
    if (!pathPrefix.startsWith('/'))
      throw new Error(`pathPrefix '${pathPrefix}' does not start with a /.`);
    if (!pathPrefix.endsWith('/'))
      throw new Error(`pathPrefix ${pathPrefix} must end with a /: write it as '${pathPrefix}/'.`);
    if (pathPrefix.startsWith(`${RESERVED_PREFIX}/`)) {
      throw new Error(
        `pathPrefix '${pathPrefix}' is reserved: paths under ${RESERVED_PREFIX} belong to the platform.`,
      );
    }
    const prefixes = this.prefixRoutes.get(method) ?? new Map<string, PublicHttpAction>();
    if (prefixes.has(pathPrefix))
      throw new Error(
        `${method} pathPrefix ${pathPrefix} is already defined: each route may be defined once.`,
      );
    prefixes.set(pathPrefix, handler);
    this.prefixRoutes.set(method, prefixes);
  }
}

/**
 * Creates an empty {@link HttpRouter}.
 *
 * @example
 * ```ts
 * const http = httpRouter();
 * ```
 */
export const httpRouter = (): HttpRouter => new HttpRouter();
