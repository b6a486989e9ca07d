// Run by `node20-smoke.e2e.test.ts` with Node 20 (`/usr/bin/node`), so plain JavaScript: loads
// the built package (`dist/`, no `@selfhost/source` condition) the way an installed app does,
// sends a message through a `ConvexClient` on the `ws` package (Node 20 has no global
// WebSocket), waits until its subscription shows it, reads it again with `ConvexHttpClient`, and
// prints one JSON line. Usage: node node20-client.mjs <backend url> <channel>
import { ConvexClient, ConvexHttpClient } from '@selfhost/client/browser';
import { makeFunctionReference } from '@selfhost/client/server';
import WebSocket from 'ws';

const [url, channel] = process.argv.slice(2);
const list = makeFunctionReference('messages:list');
const send = makeFunctionReference('messages:send');

const client = new ConvexClient(url, {
  webSocketConstructor: WebSocket,
  unsavedChangesWarning: false,
  logger: false,
});
const subscribed = new Promise((resolve) => {
  client.onUpdate(list, { channel }, (bodies) => {
    if (bodies.length > 0) resolve(bodies);
  });
});
await client.mutation(send, { channel, body: `hello from Node ${process.versions.node}` });
const subscription = await subscribed;
await client.close();
const http = await new ConvexHttpClient(url).query(list, { channel });
console.log(JSON.stringify({ node: process.version, subscription, http }));
