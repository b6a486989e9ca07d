// @vitest-environment jsdom
// The React bindings against the real backend executable, with the `sync-app` fixture deployed
// by the `selfhost` CLI. One suite, run for `@selfhost/client/react` and for the official
// `convex/react`: both must render the same thing at each step.
import { act, cleanup, configure, render, screen } from '@testing-library/react';
import * as official from 'convex/react';
import { createElement, StrictMode, useMemo, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket as NodeWsWebSocket } from 'ws';
import { startDeployedBackend } from '../cli/test-support/deployed-backend.ts';
import type { SpawnedBackend } from '../cli/test-support/spawn-backend.ts';
import { makeFunctionReference } from '../server/api/make-function-reference.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import type { ConvexReactClient } from './convex-react-client.ts';
import * as ours from './index.ts';

const implementations = [
  ['@selfhost/client/react', ours],
  ['convex/react', official as unknown as typeof ours],
] as const;

const list = makeFunctionReference<'query', { channel: string }, string[]>('messages:list');
const page = makeFunctionReference<
  'query',
  { channel: string; paginationOpts: PaginationOptions },
  PaginationResult<string>
>('messages:page');
const send = makeFunctionReference<'mutation', { channel: string; body: string }, string>(
  'messages:send',
);
const summarize = makeFunctionReference<'action', { channel: string }, string>('actions:summarize');

// `findBy…` waits for the backend's answers: generous, for loaded CI machines.
configure({ asyncUtilTimeout: 10_000 });

let backend: SpawnedBackend;
beforeAll(async () => {
  backend = await startDeployedBackend('sync-app');
}, 180_000);
afterAll(async () => {
  await backend.stop();
});
afterEach(() => cleanup());

/**
 * A React client for the backend that closes itself at the end of the test's scope, after
 * unmounting what was rendered (a closed client may not be read by a mounted component).
 */
function open(lib: typeof ours): ConvexReactClient & AsyncDisposable {
  const client = new lib.ConvexReactClient(backend.url, {
    webSocketConstructor: NodeWsWebSocket as unknown as typeof WebSocket,
    logger: false,
    unsavedChangesWarning: false,
  });
  return Object.assign(client, {
    [Symbol.asyncDispose]: async () => {
      cleanup();
      await client.close();
    },
  });
}

// StrictMode runs effects twice: subscriptions must survive it.
function withClient(lib: typeof ours, client: ConvexReactClient, child: ReactNode): ReactNode {
  return createElement(StrictMode, null, createElement(lib.ConvexProvider, { client }, child));
}

const show = (value: readonly string[] | undefined) =>
  value === undefined ? 'loading' : `[${value.join(',')}]`;

/** Whether the page shows exactly this text right now (without waiting). */
const showsNow = (content: string) => expect(screen.getByText(content)).toBeTruthy();

describe.each(implementations)('React hooks against the real backend (%s)', (impl, lib) => {
  test('useQuery follows another client’s mutation; "skip" subscribes nothing', async () => {
    const channel = `query-${impl}`;
    await using client = open(lib);
    await using other = open(lib);
    function Messages(): ReactNode {
      const messages = lib.useQuery(list, { channel });
      const skipped = lib.useQuery(list, 'skip');
      return createElement('p', null, `${show(messages)} ${String(skipped)}`);
    }
    render(withClient(lib, client, createElement(Messages)));
    showsNow('loading undefined');
    await screen.findByText('[] undefined');
    await other.mutation(send, { channel, body: 'from another client' });
    await screen.findByText('[from another client] undefined');
  });

  test('useQueries and useConvexConnectionState', async () => {
    const channel = `queries-${impl}`;
    await using client = open(lib);
    await client.mutation(send, { channel, body: 'x' });
    function Both(): ReactNode {
      // convex/react re-subscribes whenever the object changes identity: memoize it.
      const queries = useMemo(
        () => ({
          full: { query: list, args: { channel } },
          empty: { query: list, args: { channel: `${channel}-empty` } },
        }),
        [],
      );
      const results = lib.useQueries(queries) as Record<string, string[] | undefined>;
      const { isWebSocketConnected } = lib.useConvexConnectionState();
      const status = isWebSocketConnected ? 'connected' : 'offline';
      return createElement(
        'p',
        null,
        `${show(results['full'])} ${show(results['empty'])} ${status}`,
      );
    }
    render(withClient(lib, client, createElement(Both)));
    await screen.findByText('[x] [] connected');
  });

  test('useMutation: read-your-writes, and an optimistic update rolled back on a thrown error', async () => {
    const channel = `mutation-${impl}`;
    await using client = open(lib);
    let sendMessage: ours.ReactMutation<typeof send> | undefined;
    function Messages(): ReactNode {
      const messages = lib.useQuery(list, { channel });
      sendMessage = lib.useMutation(send).withOptimisticUpdate((store, args) => {
        const current = store.getQuery(list, { channel: args.channel });
        if (current !== undefined)
          store.setQuery(list, { channel: args.channel }, [...current, `${args.body}…`]);
      });
      return createElement('p', null, show(messages));
    }
    render(withClient(lib, client, createElement(Messages)));
    await screen.findByText('[]');
    const mutate = (body: string) =>
      (sendMessage as ours.ReactMutation<typeof send>)({ channel, body });

    // Read-your-writes: by the time the promise resolves, the query shows the message.
    await act(async () => {
      await mutate('first');
    });
    showsNow('[first]');

    // The optimistic message shows at once; the mutation throws; it disappears again.
    let failing: Promise<unknown> = Promise.resolve();
    act(() => {
      failing = mutate('fail-here');
      failing.catch(() => {});
    });
    showsNow('[first,fail-here…]');
    await expect(failing).rejects.toThrow(/refused: fail-here/);
    await screen.findByText('[first]');

    // A successful one: shown optimistically, then replaced by the server's document.
    let succeeding: Promise<unknown> = Promise.resolve();
    act(() => {
      succeeding = mutate('second');
    });
    showsNow('[first,second…]');
    await act(async () => {
      await succeeding;
    });
    showsNow('[first,second]');
    expect(await client.query(list, { channel })).toEqual(['first', 'second']);
  });

  test('useConvex returns the nearest provider’s client, which runs functions; undefined outside one', async () => {
    const channel = `use-convex-${impl}`;
    await using outer = open(lib);
    await using inner = open(lib);
    let innerConvex: ConvexReactClient | undefined;
    function Probe({ name }: { readonly name: string }): ReactNode {
      const convex = lib.useConvex();
      if (name === 'inner') innerConvex = convex;
      const which = convex === outer ? 'outer' : convex === inner ? 'inner' : 'other';
      return createElement('p', null, `${name}: ${which} ${show(lib.useQuery(list, { channel }))}`);
    }
    function Bare(): ReactNode {
      return createElement(
        'p',
        null,
        `bare: ${lib.useConvex() === undefined ? 'undefined' : 'a client'}`,
      );
    }
    render(
      createElement(
        StrictMode,
        null,
        createElement(Bare),
        createElement(
          lib.ConvexProvider,
          { client: outer },
          createElement(Probe, { name: 'outer' }),
          createElement(
            lib.ConvexProvider,
            { client: inner },
            createElement(Probe, { name: 'inner' }),
          ),
        ),
      ),
    );
    showsNow('bare: undefined');
    await screen.findByText('outer: outer []');
    await screen.findByText('inner: inner []');

    // The client from the hook is a working client: its mutation reaches both subscriptions.
    const convex = innerConvex as ConvexReactClient;
    await act(async () => {
      await convex.mutation(send, { channel, body: 'via useConvex' });
    });
    showsNow('inner: inner [via useConvex]');
    await screen.findByText('outer: outer [via useConvex]');
    expect(await convex.query(list, { channel })).toEqual(['via useConvex']);
  });

  test('useAction runs an action that reads through ctx.runQuery', async () => {
    const channel = `action-${impl}`;
    await using client = open(lib);
    await client.mutation(send, { channel, body: 'a' });
    let summarizeChannel: ours.ReactAction<typeof summarize> | undefined;
    function Summary(): ReactNode {
      summarizeChannel = lib.useAction(summarize);
      return null;
    }
    render(withClient(lib, client, createElement(Summary)));
    const run = summarizeChannel as ours.ReactAction<typeof summarize>;
    expect(await run({ channel })).toBe(`1 in ${channel}: a`);
  });

  test('ConvexError data reaches the component (mutation and action)', async () => {
    await using client = open(lib);
    let sendMessage: ours.ReactMutation<typeof send> | undefined;
    let summarizeChannel: ours.ReactAction<typeof summarize> | undefined;
    function Form(): ReactNode {
      sendMessage = lib.useMutation(send);
      summarizeChannel = lib.useAction(summarize);
      return null;
    }
    render(withClient(lib, client, createElement(Form)));
    const sent = await (sendMessage as ours.ReactMutation<typeof send>)({
      channel: 'errors',
      body: '',
    }).catch((error: unknown) => error);
    // Recognised across libraries (and realms) by its symbol, as `ConvexError` does.
    expect(sent).toMatchObject({ data: { code: 'EMPTY', field: 'body' } });
    expect((sent as Record<symbol, unknown>)[Symbol.for('ConvexError')]).toBe(true);
    const summarized = await (summarizeChannel as ours.ReactAction<typeof summarize>)({
      channel: '',
    }).catch((error: unknown) => error);
    expect(summarized).toMatchObject({ data: 'no channel' });
    expect((summarized as Error).message).toMatch(/^\[CONVEX A\(actions:summarize\)\] /);
  });

  test('usePaginatedQuery loads the first page, then more, until exhausted', async () => {
    lib.resetPaginationId();
    const channel = `pages-${impl}`;
    await using client = open(lib);
    for (const body of ['m1', 'm2', 'm3', 'm4', 'm5'])
      await client.mutation(send, { channel, body });
    let loadMore: (n: number) => void = () => {};
    function Feed(): ReactNode {
      const feed = lib.usePaginatedQuery(page, { channel }, { initialNumItems: 2 });
      loadMore = feed.loadMore;
      return createElement('p', null, `${feed.status}:${feed.results.join(',')}`);
    }
    render(withClient(lib, client, createElement(Feed)));
    showsNow('LoadingFirstPage:');
    await screen.findByText('CanLoadMore:m5,m4');
    act(() => loadMore(2));
    await screen.findByText('CanLoadMore:m5,m4,m3,m2');
    act(() => loadMore(2));
    await screen.findByText('Exhausted:m5,m4,m3,m2,m1');
    // A new message joins the first page, which keeps its end.
    await client.mutation(send, { channel, body: 'm6' });
    await screen.findByText('Exhausted:m6,m5,m4,m3,m2,m1');
  });
});
