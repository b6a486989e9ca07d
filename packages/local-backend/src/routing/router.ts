import type { ServerRequest } from '../http/server-request.ts';
import type { ServerResponse } from '../http/server-response.ts';

/** What a route handler receives: the request plus the path parameters it matched. */
export interface RouteContext {
  readonly request: ServerRequest;
  /** `:name` segments of the pattern, URL-decoded; `*` holds the rest of a prefix route. */
  readonly params: Readonly<Record<string, string>>;
}

export type RouteHandler = (context: RouteContext) => Promise<ServerResponse>;

/** The result of looking a request up. */
export type RouteMatch =
  | { readonly kind: 'found'; readonly handler: RouteHandler; readonly params: Readonly<Record<string, string>>; readonly pattern: string }
  | { readonly kind: 'method-not-allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not-found' };

/**
 * Who may call a route: `public` (anyone), `admin` (a valid admin key is checked by the
 * handler), or `mixed` (anyone, but some requests need an admin key, e.g. internal functions).
 * A test walks every non-public route and checks it refuses a missing or wrong key.
 */
export type RouteAccess = 'public' | 'admin' | 'mixed';

/** One route: method (`ANY` for all), pattern, access and handler. */
export interface RouteSpec {
  readonly method: string;
  readonly pattern: string;
  readonly access: RouteAccess;
  readonly handler: RouteHandler;
}

interface Route {
  readonly method: string;
  readonly pattern: string;
  readonly access: RouteAccess;
  readonly segments: readonly string[];
  readonly prefix: boolean;
  readonly handler: RouteHandler;
}

/**
 * A small method + path router. Patterns are exact (`/api/query`), with named segments
 * (`/api/export/zip/:ts`), or prefixes ending in `/*` (`/http/*`). Exact routes win over
 * prefixes; `ANY` matches every method.
 *
 * @example
 * const router = new Router().add({ method: 'GET', pattern: '/version', access: 'public', handler });
 * router.match('GET', '/version');
 */
export class Router {
  readonly #routes: Route[] = [];
  /** Routes without parameters by their path: most requests are found here without a scan. */
  readonly #exact = new Map<string, Route[]>();

  add(spec: RouteSpec): this {
    const prefix = spec.pattern.endsWith('/*');
    const body = prefix ? spec.pattern.slice(0, -2) : spec.pattern;
    const route: Route = { ...spec, method: spec.method.toUpperCase(), segments: body.split('/').slice(1), prefix };
    this.#routes.push(route);
    if (!prefix && !route.segments.some((segment) => segment.startsWith(':'))) {
      const same = this.#exact.get(spec.pattern) ?? [];
      same.push(route);
      this.#exact.set(spec.pattern, same);
    }
    // Exact routes before prefix routes, longer prefixes before shorter ones.
    this.#routes.sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.segments.length - a.segments.length);
    return this;
  }

  /** Every registered route's method, pattern and access (a test walks this). */
  routes(): readonly Pick<RouteSpec, 'method' | 'pattern' | 'access'>[] {
    return this.#routes.map(({ method, pattern, access }) => ({ method, pattern, access }));
  }

  match(method: string, path: string): RouteMatch {
    for (const route of this.#exact.get(path) ?? []) {
      if (allows(route, method)) return { kind: 'found', handler: route.handler, params: {}, pattern: route.pattern };
    }
    const segments = path.split('/').slice(1);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route, segments);
      if (params === null) continue;
      if (allows(route, method)) {
        return { kind: 'found', handler: route.handler, params, pattern: route.pattern };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
}

function allows(route: Route, method: string): boolean {
  return route.method === 'ANY' || route.method === method || (method === 'HEAD' && route.method === 'GET');
}

function matchSegments(route: Route, segments: readonly string[]): Record<string, string> | null {
  if (route.prefix ? segments.length < route.segments.length : segments.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i += 1) {
    const expected = route.segments[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      const decoded = safeDecode(actual);
      if (decoded === null) return null;
      params[expected.slice(1)] = decoded;
    } else if (expected !== actual) {
      return null;
    }
  }
  if (route.prefix) params['*'] = segments.slice(route.segments.length).join('/');
  return params;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
