import type { Value } from '@selfhost/values';
import { createAuth, createMutationAuth } from '../auth/auth-impl.ts';
import { createDatabaseReader } from '../database/database-reader.ts';
import { createDatabaseWriter } from '../database/database-writer.ts';
import { createActionMeta, createMutationMeta, createQueryMeta } from '../meta/meta-impl.ts';
import type { TransactionLimits } from '../meta/meta.ts';
import { createActionScheduler, createMutationScheduler } from '../scheduler/scheduler-impl.ts';
import {
  createStorageActionWriter,
  createStorageReader,
  createStorageWriter,
} from '../storage/storage-impl.ts';
import { createVectorSearch } from '../vector-search/vector-search-impl.ts';
import { createActionCalls } from './action-calls.ts';
import type { FunctionVisibility } from './function-args.ts';
import type { AdvancedRunQueryOptions } from './function-ctx.ts';
import { runUdf } from './run-udf.ts';

// Queries and mutations run inside the host's transaction and have no request id of their own;
// the syscalls that carry one get "".
const NO_REQUEST_ID = '';

type RunOptions = { transactionLimits?: TransactionLimits | undefined } | undefined;

/**
 * The `ctx` of a query handler.
 *
 * @example
 * ```ts
 * await handler(createQueryCtx('public'), args);
 * ```
 */
export function createQueryCtx(visibility: FunctionVisibility) {
  return {
    db: createDatabaseReader(),
    auth: createAuth(NO_REQUEST_ID),
    storage: createStorageReader(NO_REQUEST_ID),
    meta: createQueryMeta(visibility),
    runQuery: (
      reference: unknown,
      args?: Record<string, Value>,
      options?: AdvancedRunQueryOptions,
    ) => {
      if (options?.useStaleSnapshot) {
        throw new Error(
          '`useStaleSnapshot` is only supported in mutations: a query always reads one snapshot.',
        );
      }
      return runUdf({
        udfType: 'query',
        reference,
        args,
        transactionLimits: options?.transactionLimits,
      });
    },
  };
}

/**
 * The `ctx` of a mutation handler.
 *
 * @example
 * ```ts
 * await handler(createMutationCtx('internal'), args);
 * ```
 */
export function createMutationCtx(visibility: FunctionVisibility) {
  return {
    db: createDatabaseWriter(),
    auth: createMutationAuth(NO_REQUEST_ID),
    storage: createStorageWriter(NO_REQUEST_ID),
    scheduler: createMutationScheduler(),
    meta: createMutationMeta(visibility),
    runQuery: (
      reference: unknown,
      args?: Record<string, Value>,
      options?: AdvancedRunQueryOptions,
    ) =>
      runUdf({
        udfType: options?.useStaleSnapshot ? 'snapshotQuery' : 'query',
        reference,
        args,
        transactionLimits: options?.transactionLimits,
      }),
    runMutation: (reference: unknown, args?: Record<string, Value>, options?: RunOptions) =>
      runUdf({
        udfType: 'mutation',
        reference,
        args,
        transactionLimits: options?.transactionLimits,
      }),
  };
}

/**
 * The `ctx` of an action handler, and of an HTTP action (which is public).
 *
 * @example
 * ```ts
 * await handler(createActionCtx(requestId, 'public'), args);
 * ```
 */
export function createActionCtx(requestId: string, visibility: FunctionVisibility) {
  return {
    ...createActionCalls(requestId),
    auth: createAuth(requestId),
    scheduler: createActionScheduler(requestId),
    storage: createStorageActionWriter(requestId),
    vectorSearch: createVectorSearch(requestId),
    meta: createActionMeta(visibility),
  };
}
