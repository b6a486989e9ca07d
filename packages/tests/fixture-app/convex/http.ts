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
export default http;
