import { isDatabaseError } from '@selfhost/database';
import { developerError } from '../errors/developer-error.ts';
import { numberArg, objectArg, stringArg } from './syscall-args.ts';
import { QUERY_AND_MUTATION, type SyscallHandler } from './syscall-handler.ts';
import { requireTransaction, withDatabase, withDatabaseSync } from './require-transaction.ts';

const MAX_PAGE_SIZE = 32_000;

function nullableNumber(value: unknown, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw developerError(`Invalid argument \`${name}\` for \`1.0/queryPage\``);
  return value;
}

function nullableString(value: unknown, name: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw developerError(`Invalid argument \`${name}\` for \`1.0/queryPage\``);
  return value;
}

/**
 * `1.0/queryStream` (synchronous): registers a query and returns `{"queryId": n}`. The
 * stream is opened lazily by the database, so nothing is read before `queryStreamNext`.
 *
 * @example
 * ```ts
 * queryStreamSyscall.run({ query: { source: …, operators: [] } }, env); // '{"queryId":1}'
 * ```
 * @internal
 */
export const queryStreamSyscall: SyscallHandler = {
  kind: 'sync',
  allowed: QUERY_AND_MUTATION,
  run: (args, env) => {
    const query = objectArg(args, 'query', '1.0/queryStream');
    const stream = withDatabaseSync(() => requireTransaction(env).openQuery(query));
    const queryId = env.nextQueryId++;
    env.queryStreams.set(queryId, stream);
    return JSON.stringify({ queryId });
  },
};

/**
 * `1.0/queryStreamNext`: `{"value": doc | null, "done": bool}`.
 *
 * @example
 * ```ts
 * await queryStreamNextSyscall.run({ queryId: 1 }, env); // '{"value":{…},"done":false}'
 * ```
 * @internal
 */
export const queryStreamNextSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: async (args, env) => {
    const queryId = numberArg(args, 'queryId', '1.0/queryStreamNext');
    const stream = env.queryStreams.get(queryId);
    if (stream === undefined) throw developerError(`Query ${queryId} is not open`);
    const value = await withDatabase(() => stream.next());
    return value === null ? '{"value":null,"done":true}' : `{"value":${value},"done":false}`;
  },
};

/**
 * `1.0/queryCleanup` (synchronous): closes a stream; `true` when it was open.
 *
 * @example
 * ```ts
 * queryCleanupSyscall.run({ queryId: 1 }, env); // 'true'
 * ```
 * @internal
 */
export const queryCleanupSyscall: SyscallHandler = {
  kind: 'sync',
  allowed: QUERY_AND_MUTATION,
  run: (args, env) => {
    const queryId = numberArg(args, 'queryId', '1.0/queryCleanup');
    const stream = env.queryStreams.get(queryId);
    if (stream === undefined) return 'false';
    env.queryStreams.delete(queryId);
    stream.close();
    return 'true';
  },
};

/**
 * A cursor the database refused, worded with its code: `usePaginatedQuery` starts its pages over
 * when a failure's message contains `InvalidCursor` (convex/react `use_paginated_query.ts`).
 */
function invalidCursor(error: Error): Error {
  return developerError(`InvalidCursor: ${error.message}`, { cause: error });
}

/** The page without the journal; the function's own cursor may still be refused. */
async function retryWithoutJournal<TResult>(read: () => Promise<TResult>): Promise<TResult> {
  try {
    return await read();
  } catch (error) {
    throw isDatabaseError(error) && error.code === 'InvalidCursor' ? invalidCursor(error) : error;
  }
}

/**
 * `1.0/queryPage` (`.paginate()`); one per function. Without an `endCursor`, a query that runs
 * with the journal of its previous run reads up to that run's end cursor, and the page's end
 * cursor becomes the run's journal (compat §3.4, §4.7), so a subscribed page keeps its
 * boundaries while documents come and go inside it.
 *
 * @example
 * ```ts
 * await queryPageSyscall.run({ query, cursor: null, pageSize: 10 }, env);
 * ```
 * @internal
 */
export const queryPageSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: async (args, env) => {
    const query = objectArg(args, 'query', '1.0/queryPage');
    if (env.paginated) {
      throw developerError('This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function.');
    }
    env.paginated = true;
    const pageSize = numberArg(args, 'pageSize', '1.0/queryPage');
    if (pageSize > MAX_PAGE_SIZE) throw developerError(`Page size ${pageSize} is larger than the maximum of ${MAX_PAGE_SIZE}.`);
    const endCursor = nullableString(args['endCursor'], 'endCursor');
    // A re-run of a subscribed query reads up to where its previous run ended (compat §4.7).
    const journalEnd = endCursor === null ? env.previousJournal : null;
    const request = {
      cursor: nullableString(args['cursor'], 'cursor'),
      endCursor: endCursor ?? journalEnd,
      pageSize: Math.max(1, Math.floor(pageSize)),
      maximumRowsRead: nullableNumber(args['maximumRowsRead'], 'maximumRowsRead'),
      maximumBytesRead: nullableNumber(args['maximumBytesRead'], 'maximumBytesRead'),
    };
    const transaction = requireTransaction(env);
    const result = await withDatabase(async () => {
      try {
        return await transaction.queryPage(query, request);
      } catch (error) {
        if (!isDatabaseError(error) || error.code !== 'InvalidCursor') throw error;
        // The journal belongs to another query (the code or the arguments changed since it was
        // made, or it was forged): it is only a hint, so the page starts afresh. Nothing was
        // read yet: cursors are checked before the scan.
        if (journalEnd !== null) return await retryWithoutJournal(() => transaction.queryPage(query, { ...request, endCursor: null }));
        throw invalidCursor(error);
      }
    });
    env.producedJournal = result.continueCursor;
    const tail = JSON.stringify({ isDone: result.isDone, continueCursor: result.continueCursor, splitCursor: result.splitCursor, pageStatus: result.pageStatus });
    return `{"page":[${result.page.join(',')}],${tail.slice(1)}`;
  },
};

/**
 * `1.0/count`: the number of documents of a table.
 *
 * @example
 * ```ts
 * await countSyscall.run({ table: 'messages' }, env); // '3'
 * ```
 * @internal
 */
export const countSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: async (args, env) => {
    const table = stringArg(args, 'table', '1.0/count');
    return JSON.stringify(await withDatabase(() => requireTransaction(env).count(table)));
  },
};

/**
 * `1.0/db/normalizeId` (synchronous): `{"id": canonical id | null}`.
 *
 * @example
 * ```ts
 * normalizeIdSyscall.run({ table: 'messages', idString: 'j57…' }, env); // '{"id":"j57…"}'
 * ```
 * @internal
 */
export const normalizeIdSyscall: SyscallHandler = {
  kind: 'sync',
  allowed: QUERY_AND_MUTATION,
  run: (args, env) => {
    const table = stringArg(args, 'table', '1.0/db/normalizeId');
    const idString = stringArg(args, 'idString', '1.0/db/normalizeId');
    const id = withDatabaseSync(() => requireTransaction(env).normalizeId(table, idString, table.startsWith('_')));
    return JSON.stringify({ id });
  },
};

/**
 * `1.0/getTransactionMetrics`.
 *
 * @example
 * ```ts
 * await transactionMetricsSyscall.run({}, env);
 * ```
 * @internal
 */
export const transactionMetricsSyscall: SyscallHandler = {
  kind: 'async',
  allowed: QUERY_AND_MUTATION,
  run: (_args, env) => Promise.resolve(JSON.stringify(withDatabaseSync(() => requireTransaction(env).metrics()))),
};
