// End-to-end typing: functions defined with the server API → `api` (as codegen types it) →
// hooks and clients. Checked by `pnpm check-types` (tsc); a wrong expectation fails the build.
import { v } from '@selfhost/values';
import { describe, expectTypeOf, test } from 'vitest';
import { ConvexHttpClient } from '../browser/http/convex-http-client.ts';
import { ConvexClient } from '../browser/convex-client.ts';
import type { ApiFromModules } from '../server/api/api-from-modules.ts';
import type { FilterApi } from '../server/api/filter-api.ts';
import type { FunctionReference } from '../server/api/function-reference.ts';
import { anyApi } from '../server/api/any-api.ts';
import { mutationGeneric } from '../server/functions/mutation-generic.ts';
import { queryGeneric } from '../server/functions/query-generic.ts';
import { actionGeneric } from '../server/functions/action-generic.ts';
import type { PaginationOptions, PaginationResult } from '../server/pagination/pagination.ts';
import { ConvexReactClient } from './convex-react-client.ts';
import type { ReactMutation } from './react-mutation.ts';
import { useAction } from './use-action.ts';
import { useMutation } from './use-mutation.ts';
import { usePaginatedQuery } from './use-paginated-query.ts';
import { useQueries } from './use-queries.ts';
import { useQuery } from './use-query.ts';
import { useQuery_experimental } from './use-query-experimental.ts';
import type { PaginatedQueryArgs } from './paginated-query-reference.ts';

type Message = { _id: string; channel: string; body: string };

// A module as a user writes it (convex/messages.ts).
const _messages = {
  list: queryGeneric({
    args: { channel: v.string() },
    handler: (): Promise<Message[]> => Promise.resolve([]),
  }),
  count: queryGeneric({ args: {}, handler: () => Promise.resolve(0) }),
  send: mutationGeneric({
    args: { channel: v.string(), body: v.string() },
    handler: (): Promise<void> => Promise.resolve(),
  }),
  paged: queryGeneric({
    args: { channel: v.string(), paginationOpts: v.any() },
    handler: (
      _ctx,
      _args: { channel: string; paginationOpts: PaginationOptions },
    ): Promise<PaginationResult<Message>> =>
      Promise.resolve({ page: [], isDone: true, continueCursor: '' }),
  }),
  summarize: actionGeneric({ args: { id: v.string() }, handler: () => Promise.resolve('summary') }),
};

// What `_generated/api.d.ts` declares (`any`, as codegen writes it).
/* eslint-disable @typescript-eslint/no-explicit-any */
type Api = FilterApi<
  ApiFromModules<{ messages: typeof _messages }>,
  FunctionReference<any, 'public'>
>;
/* eslint-enable @typescript-eslint/no-explicit-any */
const api = anyApi as unknown as Api;

describe('hook types', () => {
  test('useQuery infers args and result, accepts "skip", rejects wrong args', () => {
    expectTypeOf(useQuery(api.messages.list, { channel: 'general' })).toEqualTypeOf<
      Message[] | undefined
    >();
    expectTypeOf(useQuery(api.messages.list, 'skip')).toEqualTypeOf<Message[] | undefined>();
    expectTypeOf(useQuery(api.messages.count)).toEqualTypeOf<number | undefined>();
    // @ts-expect-error -- channel must be a string
    useQuery(api.messages.list, { channel: 1 });
    // @ts-expect-error -- channel is required
    useQuery(api.messages.list, {});
    // @ts-expect-error -- not a query
    useQuery(api.messages.send, { channel: 'a', body: 'b' });
  });

  test('useMutation and useAction infer arguments and results', () => {
    const send = useMutation(api.messages.send);
    expectTypeOf(send).toEqualTypeOf<ReactMutation<typeof api.messages.send>>();
    expectTypeOf(send).parameters.toEqualTypeOf<[args: { channel: string; body: string }]>();
    expectTypeOf(send({ channel: 'a', body: 'b' })).toEqualTypeOf<Promise<null>>();
    send.withOptimisticUpdate((store, args) => {
      expectTypeOf(args).toEqualTypeOf<{ channel: string; body: string }>();
      expectTypeOf(store.getQuery(api.messages.list, { channel: args.channel })).toEqualTypeOf<
        Message[] | undefined
      >();
    });
    // @ts-expect-error -- optimistic updates must be synchronous
    send.withOptimisticUpdate(async () => {});
    expectTypeOf(useAction(api.messages.summarize)({ id: 'x' })).toEqualTypeOf<Promise<string>>();
  });

  test('usePaginatedQuery types items and omits paginationOpts from args', () => {
    const feed = usePaginatedQuery(api.messages.paged, { channel: 'a' }, { initialNumItems: 10 });
    expectTypeOf(feed.results).toEqualTypeOf<Message[]>();
    expectTypeOf(feed.status).toEqualTypeOf<
      'LoadingFirstPage' | 'CanLoadMore' | 'LoadingMore' | 'Exhausted'
    >();
    type Args = PaginatedQueryArgs<typeof api.messages.paged>;
    expectTypeOf<Args>().toEqualTypeOf<{ channel: string }>();
    usePaginatedQuery(
      api.messages.paged,
      // @ts-expect-error -- paginationOpts is the hook's
      { channel: 'a', paginationOpts: null },
      { initialNumItems: 1 },
    );
  });

  test('useQueries, useQuery_experimental', () => {
    expectTypeOf(useQueries({})).toEqualTypeOf<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- convex/react's type
    const state = useQuery_experimental({ query: api.messages.list, args: { channel: 'a' } });
    if (state.status === 'success') expectTypeOf(state.data).toEqualTypeOf<Message[]>();
    if (state.status === 'error') expectTypeOf(state.error).toEqualTypeOf<Error>();
  });
});

describe('client types', () => {
  test('ConvexReactClient, ConvexClient and ConvexHttpClient infer results', () => {
    const react = new ConvexReactClient('http://127.0.0.1:3210');
    expectTypeOf(react.query(api.messages.list, { channel: 'a' })).toEqualTypeOf<
      Promise<Message[]>
    >();
    expectTypeOf(react.mutation(api.messages.send, { channel: 'a', body: 'b' })).toEqualTypeOf<
      Promise<null>
    >();
    expectTypeOf(react.watchQuery(api.messages.count).localQueryResult()).toEqualTypeOf<
      number | undefined
    >();
    const client = new ConvexClient('http://127.0.0.1:3210');
    client.onUpdate(api.messages.list, { channel: 'a' }, (result) =>
      expectTypeOf(result).toEqualTypeOf<Message[]>(),
    );
    expectTypeOf(client.action(api.messages.summarize, { id: 'x' })).toEqualTypeOf<
      Promise<string>
    >();
    const http = new ConvexHttpClient('http://127.0.0.1:3210');
    expectTypeOf(http.query(api.messages.count)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(
      http.mutation(api.messages.send, { channel: 'a', body: 'b' }, { skipQueue: true }),
    ).toEqualTypeOf<Promise<null>>();
    // @ts-expect-error -- wrong argument type
    void http.query(api.messages.list, { channel: false });
  });
});
