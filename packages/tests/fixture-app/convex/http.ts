import { httpActionGeneric, httpRouter, makeFunctionReference } from 'convex/server';

const count = makeFunctionReference<'query', Record<string, never>, number>('messages:count');

const http = httpRouter();
http.route({
  path: '/hello',
  method: 'GET',
  handler: httpActionGeneric((_ctx, request) => Promise.resolve(new Response(`hello from ${new URL(request.url).pathname}`))),
});
http.route({
  path: '/count',
  method: 'POST',
  handler: httpActionGeneric(async (ctx) => Response.json({ count: await ctx.runQuery(count, {}) })),
});
/** Every path under `/files/` (a prefix route), answering with the rest of the path. */
http.route({
  pathPrefix: '/files/',
  method: 'GET',
  handler: httpActionGeneric((_ctx, request) => Promise.resolve(new Response(`file ${new URL(request.url).pathname.split('/files/')[1] ?? ''}`))),
});
/** A longer prefix wins over `/files/`. */
http.route({
  pathPrefix: '/files/special/',
  method: 'GET',
  handler: httpActionGeneric(() => Promise.resolve(new Response('special file'))),
});
/** A route that sets its own CORS header (HTTP actions get none automatically). */
http.route({
  path: '/cors',
  method: 'GET',
  handler: httpActionGeneric(() => Promise.resolve(new Response('with cors', { headers: { 'access-control-allow-origin': 'https://app.example.com' } }))),
});
export default http;
