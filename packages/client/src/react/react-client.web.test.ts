// @vitest-environment jsdom
// React bindings over the real client, against the loopback scripted server (replaced by the
// real backend once it exists; see the package README's end-to-end plan).
import { encodeTimestamp, makeTimestamp } from '@selfhost/protocol';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocket as NodeWsWebSocket } from 'ws';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import { ScriptedSyncServer, type ScriptedConnection } from '../browser/test-support/scripted-sync-server.ts';
import { ConvexProvider } from './convex-provider.ts';
import { ConvexReactClient } from './convex-react-client.ts';
import type { ReactMutation } from './react-mutation.ts';
import { resetPaginationId, usePaginatedQuery } from './use-paginated-query.ts';
import { useMutation } from './use-mutation.ts';
import { useQuery } from './use-query.ts';

const list = makeFunctionReference<'query', { channel: string }, string[]>('messages:list');
const send = makeFunctionReference<'mutation', { body: string }, null>('messages:send');
const paged = makeFunctionReference<'query', { paginationOpts: PaginationOptions }, PaginationResult<string>>('messages:paged');

const ts = (n: number) => encodeTimestamp(makeTimestamp(BigInt(n)));
const version = (querySet: number, at: number) => ({ querySet, identity: 0, ts: ts(at) });

function newClient(url: string): ConvexReactClient {
  return new ConvexReactClient(url, {
    webSocketConstructor: NodeWsWebSocket as unknown as typeof WebSocket,
    logger: false,
    unsavedChangesWarning: false,
  });
}

function withClient(client: ConvexReactClient, child: ReactNode): ReactNode {
  return createElement(ConvexProvider, { client }, child);
}

async function skipHandshake(connection: ScriptedConnection): Promise<void> {
  expect(await connection.next()).toMatchObject({ type: 'Connect' });
}

afterEach(() => cleanup());

describe('React bindings', () => {
  test('useQuery renders results; useMutation shows its optimistic update and rolls it back on failure', async () => {
    await using server = await ScriptedSyncServer.start();
    const client = newClient(server.url);
    let sendMessage: ReactMutation<typeof send> | undefined;
    function Messages(): ReactNode {
      const messages = useQuery(list, { channel: 'general' });
      const skipped = useQuery(list, 'skip');
      sendMessage = useMutation(send).withOptimisticUpdate((store, { body }) => {
        const current = store.getQuery(list, { channel: 'general' });
        if (current !== undefined) store.setQuery(list, { channel: 'general' }, [...current, body]);
      });
      return createElement('p', null, `${messages === undefined ? 'loading' : messages.join(',')}|${String(skipped)}`);
    }
    try {
      render(withClient(client, createElement(Messages)));
      expect(screen.getByText('loading|undefined')).toBeTruthy();
      const connection = await server.nextConnection();
      await skipHandshake(connection);
      // Only the non-skipped query is subscribed.
      expect(await connection.next()).toMatchObject({
        type: 'ModifyQuerySet',
        modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:list', args: [{ channel: 'general' }] }],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(0, 0),
        endVersion: version(1, 10),
        modifications: [{ type: 'QueryUpdated', queryId: 0, value: ['a'], logLines: [], journal: null }],
      });
      await screen.findByText('a|undefined');

      // Optimistic 'b' shows at once; the server rejects it; the list rolls back.
      let failed: Promise<unknown> = Promise.resolve();
      act(() => {
        failed = (sendMessage as ReactMutation<typeof send>)({ body: 'b' });
        failed.catch(() => {});
      });
      expect(screen.getByText('a,b|undefined')).toBeTruthy();
      expect(await connection.next()).toMatchObject({ type: 'Mutation', requestId: 0, args: [{ body: 'b' }] });
      connection.send({ type: 'MutationResponse', requestId: 0, success: false, result: 'nope', logLines: [] });
      await expect(failed).rejects.toThrow('[CONVEX M(messages:send)] nope');
      await screen.findByText('a|undefined');

      // Optimistic 'c' is replaced by the server's result once its Transition arrives.
      let succeeded: Promise<unknown> = Promise.resolve();
      act(() => {
        succeeded = (sendMessage as ReactMutation<typeof send>)({ body: 'c' });
      });
      expect(screen.getByText('a,c|undefined')).toBeTruthy();
      expect(await connection.next()).toMatchObject({ type: 'Mutation', requestId: 1 });
      connection.send({ type: 'MutationResponse', requestId: 1, success: true, result: null, ts: ts(20), logLines: [] });
      connection.send({
        type: 'Transition',
        startVersion: version(1, 10),
        endVersion: version(1, 20),
        modifications: [{ type: 'QueryUpdated', queryId: 0, value: ['a', 'c (saved)'], logLines: [], journal: null }],
      });
      await expect(succeeded).resolves.toBeNull();
      await screen.findByText('a,c (saved)|undefined');
    } finally {
      await client.close();
    }
  });

  test('usePaginatedQuery loads the first page, then more on loadMore, until exhausted', async () => {
    resetPaginationId();
    await using server = await ScriptedSyncServer.start();
    const client = newClient(server.url);
    let loadMore: (n: number) => void = () => {};
    function Feed(): ReactNode {
      const feed = usePaginatedQuery(paged, {}, { initialNumItems: 2 });
      loadMore = feed.loadMore;
      return createElement('p', null, `${feed.status}:${feed.results.join(',')}`);
    }
    try {
      render(withClient(client, createElement(Feed)));
      expect(screen.getByText('LoadingFirstPage:')).toBeTruthy();
      const connection = await server.nextConnection();
      await skipHandshake(connection);
      expect(await connection.next()).toMatchObject({
        modifications: [{ type: 'Add', queryId: 0, udfPath: 'messages:paged', args: [{ paginationOpts: { numItems: 2, cursor: null, id: 1 } }] }],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(0, 0),
        endVersion: version(1, 10),
        modifications: [{ type: 'QueryUpdated', queryId: 0, value: { page: ['m1', 'm2'], isDone: false, continueCursor: 'c2' }, logLines: [], journal: 'j0' }],
      });
      await screen.findByText('CanLoadMore:m1,m2');
      act(() => loadMore(2));
      await screen.findByText('LoadingMore:m1,m2');
      expect(await connection.next()).toMatchObject({
        baseVersion: 1,
        newVersion: 2,
        modifications: [{ type: 'Add', queryId: 1, args: [{ paginationOpts: { numItems: 2, cursor: 'c2', id: 1 } }] }],
      });
      connection.send({
        type: 'Transition',
        startVersion: version(1, 10),
        endVersion: version(2, 10),
        modifications: [{ type: 'QueryUpdated', queryId: 1, value: { page: ['m3'], isDone: true, continueCursor: 'end' }, logLines: [], journal: 'j1' }],
      });
      await waitFor(() => expect(screen.getByText('Exhausted:m1,m2,m3')).toBeTruthy());
    } finally {
      await client.close();
    }
  });
});
