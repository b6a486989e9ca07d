// @vitest-environment jsdom
// React bindings over the real client, against the loopback scripted server (replaced by the
// real backend once it exists; see the package README's end-to-end plan). The same suite runs
// against the official `convex/react`, which keeps the script honest and shows both behave alike.
import { encodeTimestamp, makeTimestamp } from '@selfhost/protocol';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement, StrictMode, type ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket as NodeWsWebSocket } from 'ws';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import {
  ScriptedSyncServer,
  type ScriptedConnection,
} from '../browser/test-support/scripted-sync-server.ts';
import * as official from 'convex/react';
import * as ours from './index.ts';
import type { ConvexReactClient } from './convex-react-client.ts';
import type { ReactMutation } from './react-mutation.ts';

const implementations = [
  ['@selfhost/client/react', ours],
  ['convex/react', official as unknown as typeof ours],
] as const;

const list = makeFunctionReference<'query', { channel: string }, string[]>('messages:list');
const send = makeFunctionReference<'mutation', { body: string }, null>('messages:send');
const paged = makeFunctionReference<
  'query',
  { paginationOpts: PaginationOptions },
  PaginationResult<string>
>('messages:paged');

const ts = (n: number) => encodeTimestamp(makeTimestamp(BigInt(n)));
const version = (querySet: number, at: number) => ({ querySet, identity: 0, ts: ts(at) });

function newClient(lib: typeof ours, url: string): ConvexReactClient {
  return new lib.ConvexReactClient(url, {
    webSocketConstructor: NodeWsWebSocket as unknown as typeof WebSocket,
    logger: false,
    unsavedChangesWarning: false,
  });
}

// StrictMode runs effects twice: subscriptions must survive it.
function withClient(lib: typeof ours, client: ConvexReactClient, child: ReactNode): ReactNode {
  return createElement(StrictMode, null, createElement(lib.ConvexProvider, { client }, child));
}

async function skipHandshake(connection: ScriptedConnection): Promise<void> {
  expect(await connection.next()).toMatchObject({ type: 'Connect' });
}

afterEach(() => cleanup());

describe.each(implementations)('React bindings (%s)', (_name, lib) => {
  test('useQuery renders results; useMutation shows its optimistic update and rolls it back on failure', async () => {
    await using server = await ScriptedSyncServer.start();
    const client = newClient(lib, server.url);
    let sendMessage: ReactMutation<typeof send> | undefined;
    function Messages(): ReactNode {
      const messages = lib.useQuery(list, { channel: 'general' });
      const skipped = lib.useQuery(list, 'skip');
      sendMessage = lib.useMutation(send).withOptimisticUpdate((store, { body }) => {
        const current = store.getQuery(list, { channel: 'general' });
        if (current !== undefined) store.setQuery(list, { channel: 'general' }, [...current, body]);
      });
      return createElement(
        'p',
        null,
        `${messages === undefined ? 'loading' : messages.join(',')}|${String(skipped)}`,
      );
    }
    try {
      render(withClient(lib, client, createElement(Messages)));
      expect(screen.getByText('loading|undefined')).toBeTruthy();
      const connection = await server.nextConnection();
      await skipHandshake(connection);
      // Only the non-skipped query is subscribed (as query 1: StrictMode dropped and re-added 0).
      expect(await connection.next()).toMatchObject({
        type: 'ModifyQuerySet',
        modifications: [
          { type: 'Add', queryId: 1, udfPath: 'messages:list', args: [{ channel: 'general' }] },
        ],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(0, 0),
        endVersion: version(1, 10),
        modifications: [
          { type: 'QueryUpdated', queryId: 1, value: ['a'], logLines: [], journal: null },
        ],
      });
      await screen.findByText('a|undefined');

      // Optimistic 'b' shows at once; the server rejects it; the list rolls back.
      let failed: Promise<unknown> = Promise.resolve();
      act(() => {
        failed = (sendMessage as ReactMutation<typeof send>)({ body: 'b' });
        failed.catch(() => {});
      });
      expect(screen.getByText('a,b|undefined')).toBeTruthy();
      expect(await connection.next()).toMatchObject({
        type: 'Mutation',
        requestId: 0,
        args: [{ body: 'b' }],
      });
      connection.send({
        type: 'MutationResponse',
        requestId: 0,
        success: false,
        result: 'nope',
        logLines: [],
      });
      await expect(failed).rejects.toThrow('[CONVEX M(messages:send)] nope');
      await screen.findByText('a|undefined');

      // Optimistic 'c' is replaced by the server's result once its Transition arrives.
      let succeeded: Promise<unknown> = Promise.resolve();
      act(() => {
        succeeded = (sendMessage as ReactMutation<typeof send>)({ body: 'c' });
      });
      expect(screen.getByText('a,c|undefined')).toBeTruthy();
      expect(await connection.next()).toMatchObject({ type: 'Mutation', requestId: 1 });
      connection.send({
        type: 'MutationResponse',
        requestId: 1,
        success: true,
        result: null,
        ts: ts(20),
        logLines: [],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(1, 10),
        endVersion: version(1, 20),
        modifications: [
          {
            type: 'QueryUpdated',
            queryId: 1,
            value: ['a', 'c (saved)'],
            logLines: [],
            journal: null,
          },
        ],
      });
      await expect(succeeded).resolves.toBeNull();
      await screen.findByText('a,c (saved)|undefined');
    } finally {
      cleanup();
      await client.close();
    }
  });

  test('usePaginatedQuery loads the first page, then more on loadMore, until exhausted', async () => {
    lib.resetPaginationId();
    await using server = await ScriptedSyncServer.start();
    const client = newClient(lib, server.url);
    let loadMore: (n: number) => void = () => {};
    function Feed(): ReactNode {
      const feed = lib.usePaginatedQuery(paged, {}, { initialNumItems: 2 });
      loadMore = feed.loadMore;
      return createElement('p', null, `${feed.status}:${feed.results.join(',')}`);
    }
    try {
      render(withClient(lib, client, createElement(Feed)));
      expect(screen.getByText('LoadingFirstPage:')).toBeTruthy();
      const connection = await server.nextConnection();
      await skipHandshake(connection);
      expect(await connection.next()).toMatchObject({
        modifications: [
          {
            type: 'Add',
            queryId: 1,
            udfPath: 'messages:paged',
            args: [{ paginationOpts: { numItems: 2, cursor: null, id: 1 } }],
          },
        ],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(0, 0),
        endVersion: version(1, 10),
        modifications: [
          {
            type: 'QueryUpdated',
            queryId: 1,
            value: { page: ['m1', 'm2'], isDone: false, continueCursor: 'c2' },
            logLines: [],
            journal: 'j0',
          },
        ],
      });
      await screen.findByText('CanLoadMore:m1,m2');
      act(() => loadMore(2));
      await screen.findByText('LoadingMore:m1,m2');
      expect(await connection.next()).toMatchObject({
        baseVersion: 1,
        newVersion: 2,
        modifications: [
          {
            type: 'Add',
            queryId: 2,
            args: [{ paginationOpts: { numItems: 2, cursor: 'c2', id: 1 } }],
          },
        ],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(1, 10),
        endVersion: version(2, 10),
        modifications: [
          {
            type: 'QueryUpdated',
            queryId: 2,
            value: { page: ['m3'], isDone: true, continueCursor: 'end' },
            logLines: [],
            journal: 'j1',
          },
        ],
      });
      await waitFor(() => expect(screen.getByText('Exhausted:m1,m2,m3')).toBeTruthy());
    } finally {
      cleanup();
      await client.close();
    }
  });
});
