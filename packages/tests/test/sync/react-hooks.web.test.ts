// @vitest-environment jsdom
// Issue 7 acceptance: the OFFICIAL `convex/react` (ConvexReactClient, useQuery, useMutation with
// optimistic updates, usePaginatedQuery) rendered with React Testing Library in jsdom, against the
// backend executable over real sockets.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { ConvexHttpClient } from 'convex/browser';
import {
  ConvexProvider,
  ConvexReactClient,
  useMutation,
  usePaginatedQuery,
  useQuery,
} from 'convex/react';
import { ConvexError } from 'convex/values';
import { createElement, StrictMode, type ReactNode } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { api, deploySyncApp, type Note } from './support/sync-app.ts';
import { startSyncBackend, type SyncBackend } from './support/sync-backend.ts';

const itemsSource = path.join(import.meta.dirname, 'fixture-app', 'convex', 'items.ts');

let backend: SyncBackend;
let http: ConvexHttpClient;
const reactClients: ConvexReactClient[] = [];

beforeAll(async () => {
  backend = await startSyncBackend();
  http = new ConvexHttpClient(backend.url);
});

afterEach(() => cleanup());

afterAll(async () => {
  await Promise.all(reactClients.map((c) => c.close()));
  await backend?.stop();
});

function renderWithClient(children: ReactNode): ConvexReactClient {
  const client = new ConvexReactClient(backend.url, {
    skipConvexDeploymentUrlCheck: true,
    logger: false,
    webSocketConstructor: NodeWebSocket as unknown as typeof WebSocket,
  });
  reactClients.push(client);
  render(createElement(StrictMode, null, createElement(ConvexProvider, { client }, children)));
  return client;
}

type AddNote = (args: { client: string; seq: number; body: string }) => Promise<unknown>;

/** The notes of one client as list items, plus the two mutations with an optimistic update. */
function Notes(props: {
  readonly owner: string;
  readonly expose: (add: AddNote, addThenFail: AddNote) => void;
}): ReactNode {
  const notes = useQuery(api.notes.byClient, { client: props.owner });
  const optimistic = (
    store: Parameters<Parameters<ReturnType<typeof useMutation>['withOptimisticUpdate']>[0]>[0],
    args: { client: string; seq: number; body: string },
  ) => {
    const current = store.getQuery(api.notes.byClient, { client: args.client });
    if (current === undefined) return;
    const pending = {
      _id: `pending-${args.seq}`,
      _creationTime: Date.now(),
      ...args,
      body: `${args.body} (pending)`,
    } as unknown as Note;
    store.setQuery(api.notes.byClient, { client: args.client }, [...current, pending]);
  };
  const add = useMutation(api.notes.add).withOptimisticUpdate(optimistic);
  const addThenFail = useMutation(api.notes.addThenFail).withOptimisticUpdate(optimistic);
  props.expose(add, addThenFail);
  if (notes === undefined) return createElement('p', null, 'loading');
  return createElement(
    'ul',
    { 'aria-label': 'notes' },
    notes.map((note) => createElement('li', { key: note._id }, note.body)),
  );
}

function bodies(): string[] {
  // (The package's tsconfig has no DOM lib: Node's fetch types would clash with it.)
  return screen
    .queryAllByRole('listitem')
    .map((item) => (item as unknown as { textContent: string | null }).textContent ?? '');
}

describe('the official convex/react hooks against the backend', () => {
  test('useQuery shows the result and then another client’s mutation', async () => {
    renderWithClient(createElement(Notes, { owner: 'query', expose: () => {} }));
    await screen.findByRole('list', { name: 'notes' });
    expect(bodies()).toEqual([]);
    await http.mutation(api.notes.add, { client: 'query', seq: 1, body: 'from elsewhere' });
    await waitFor(() => expect(bodies()).toEqual(['from elsewhere']));
  });

  test('an optimistic update shows at once and is replaced by the server’s result', async () => {
    let add: AddNote = () => Promise.reject(new Error('not rendered'));
    renderWithClient(createElement(Notes, { owner: 'optimistic', expose: (a) => (add = a) }));
    await screen.findByRole('list', { name: 'notes' });
    let done!: Promise<unknown>;
    act(() => {
      done = add({ client: 'optimistic', seq: 1, body: 'first' });
    });
    // Synchronously after the call: the server cannot have answered yet.
    expect(bodies()).toEqual(['first (pending)']);
    await act(async () => {
      await done;
    });
    expect(bodies()).toEqual(['first']);
    expect(await http.query(api.notes.byClient, { client: 'optimistic' })).toHaveLength(1);
  });

  test('an optimistic update rolls back when the mutation throws', async () => {
    let addThenFail: AddNote = () => Promise.reject(new Error('not rendered'));
    renderWithClient(
      createElement(Notes, { owner: 'rollback', expose: (_a, f) => (addThenFail = f) }),
    );
    await screen.findByRole('list', { name: 'notes' });
    let failed!: Promise<unknown>;
    act(() => {
      failed = addThenFail({ client: 'rollback', seq: 1, body: 'doomed' }).catch(
        (error: unknown) => error,
      );
    });
    expect(bodies()).toEqual(['doomed (pending)']);
    let error: unknown;
    await act(async () => {
      error = await failed;
    });
    expect(error).toBeInstanceOf(ConvexError);
    expect((error as ConvexError<{ code: string }>).data).toEqual({
      code: 'REFUSED',
      body: 'doomed',
    });
    expect(bodies()).toEqual([]);
    expect(await http.query(api.notes.byClient, { client: 'rollback' })).toEqual([]);
  });

  test('usePaginatedQuery loads more and updates when a document lands in a loaded page', async () => {
    for (const rank of [10, 20, 30, 40, 50, 60])
      await http.mutation(api.items.add, { rank, label: `item ${rank}` });
    let loadMore: (n: number) => void = () => {};
    function Items(): ReactNode {
      const {
        results,
        status,
        loadMore: more,
      } = usePaginatedQuery(api.items.page, {}, { initialNumItems: 2 });
      loadMore = more;
      return createElement(
        'ol',
        { 'aria-label': `items ${status}` },
        results.map((item) => createElement('li', { key: item._id }, item.label)),
      );
    }
    renderWithClient(createElement(Items));
    await waitFor(() => expect(bodies()).toEqual(['item 10', 'item 20']));
    act(() => loadMore(2));
    await waitFor(() => expect(bodies()).toEqual(['item 10', 'item 20', 'item 30', 'item 40']));
    await http.mutation(api.items.add, { rank: 25, label: 'item 25' });
    await http.mutation(api.items.add, { rank: 15, label: 'item 15' });
    await waitFor(() =>
      expect(bodies()).toEqual(['item 10', 'item 15', 'item 20', 'item 25', 'item 30', 'item 40']),
    );
    await screen.findByRole('list', { name: 'items CanLoadMore' });
  });

  test('usePaginatedQuery starts over when a push changes the query under its cursors', async () => {
    let loadMore: (n: number) => void = () => {};
    function Items(): ReactNode {
      const { results, loadMore: more } = usePaginatedQuery(
        api.items.page,
        {},
        { initialNumItems: 2 },
      );
      loadMore = more;
      return createElement(
        'ol',
        { 'aria-label': 'items' },
        results.map((item) => createElement('li', { key: item._id }, item.label)),
      );
    }
    renderWithClient(createElement(Items));
    await waitFor(() => expect(bodies()).toEqual(['item 10', 'item 15']));
    act(() => loadMore(2));
    await waitFor(() => expect(bodies()).toEqual(['item 10', 'item 15', 'item 20', 'item 25']));
    // The same function now reads the index backwards: the first page's journal and the second
    // page's cursor belong to the old query. The journal is ignored (the first page re-runs from
    // the start), the cursor fails with InvalidCursor, and the hook starts its pages over.
    await deploySyncApp(backend, {
      'items.ts': (await readFile(itemsSource, 'utf8')).replace(
        ".withIndex('by_rank').paginate(",
        ".withIndex('by_rank').order('desc').paginate(",
      ),
    });
    await waitFor(() => expect(bodies()).toEqual(['item 60', 'item 50']), { timeout: 15_000 });
  });
});
