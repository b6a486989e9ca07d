import type { GenericDataModel } from '../data-model/data-model.ts';
import { createActionCtx } from './create-ctx.ts';
import { directCallGuard, warnIfInBrowser } from './direct-call-guard.ts';
import type { GenericActionCtx } from './function-ctx.ts';
import { invokeHandler } from './invoke-handler.ts';
import type { PublicHttpAction } from './registered-function.ts';

// HTTP actions get no request id from the host; the syscalls that carry one get "".
const NO_REQUEST_ID = '';

/**
 * Defines an HTTP action: a handler from `Request` to `Response` with an action's `ctx`. Route it
 * in `convex/http.ts` with `httpRouter()`.
 *
 * @example
 * ```ts
 * const http = httpRouter();
 * http.route({ path: '/hello', method: 'GET', handler: httpActionGeneric(async () => new Response('hi')) });
 * export default http;
 * ```
 */
export function httpActionGeneric(
  func: (ctx: GenericActionCtx<GenericDataModel>, request: Request) => Promise<Response>,
): PublicHttpAction {
  const handler = func as (ctx: unknown, ...args: unknown[]) => Promise<Response>;
  const registered = directCallGuard('httpAction', handler) as unknown as Record<string, unknown>;
  warnIfInBrowser();
  registered['isHttp'] = true;
  registered['invokeHttpAction'] = (request: Request) =>
    invokeHandler(handler, createActionCtx(NO_REQUEST_ID, 'public'), [request]);
  registered['_handler'] = func;
  return registered as unknown as PublicHttpAction;
}
