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

interface Route {
  readonly method: string;
  readonly pattern: string;
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
 * const router = new Router().add('GET', '/version', async () => textResponse(200, '1.0.0'));
 * router.match('GET', '/version');
 */
export class Router {
  readonly #routes: Route[] = [];

  add(method: string, pattern: string, handler: RouteHandler): this {
    const prefix = pattern.endsWith('/*');
    const body = prefix ? pattern.slice(0, -2) : pattern;
    this.#routes.push({ method: method.toUpperCase(), pattern, segments: body.split('/').slice(1), prefix, handler });
    // Exact routes before prefix routes, longer prefixes before shorter ones.
    this.#routes.sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.segments.length - a.segments.length);
    return this;
  }

  /** Every registered `[method, pattern]` (a test walks this to check admin protection). */
  routes(): readonly (readonly [string, string])[] {
    return this.#routes.map((route) => [route.method, route.pattern] as const);
  }

  match(method: string, path: string): RouteMatch {
    const segments = path.split('/').slice(1);
    const allowed: string[] = [];
    for (const route of this.#routes) {
      const params = matchSegments(route, segments);
      if (params === null) continue;
      if (route.method === 'ANY' || route.method === method || (method === 'HEAD' && route.method === 'GET')) {
        return { kind: 'found', handler: route.handler, params, pattern: route.pattern };
      }
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
  }
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
