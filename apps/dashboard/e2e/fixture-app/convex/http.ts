import { httpActionGeneric, httpRouter } from 'convex/server';

const http = httpRouter();
http.route({ path: '/hello', method: 'GET', handler: httpActionGeneric(() => Promise.resolve(new Response('hello'))) });
export default http;
