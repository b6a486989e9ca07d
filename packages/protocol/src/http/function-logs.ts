import * as v from 'valibot';
import { jsonValueOrNullSchema } from '../json-value.ts';
import { nullishAsUndefined } from '../nullish-as-undefined.ts';
import { ProtocolError } from '../protocol-error.ts';
import { functionLogLineSchema } from './log-line.ts';

/**
 * Schema for the kind of function an execution ran.
 *
 * @example
 * ```ts
 * v.parse(udfTypeSchema, 'HttpAction');
 * ```
 */
export const udfTypeSchema = v.picklist(['Query', 'Mutation', 'Action', 'HttpAction']);

/**
 * The kind of function an execution ran.
 *
 * @example
 * ```ts
 * const type: UdfType = 'Mutation';
 * ```
 */
export type UdfType = v.InferOutput<typeof udfTypeSchema>;

const usageStatsSchema = v.object({
  databaseReadBytes: v.number(),
  databaseWriteBytes: v.number(),
  databaseIoReadBytes: v.number(),
  databaseIoWriteBytes: v.number(),
  databaseReadDocuments: v.number(),
  databaseWriteDocuments: v.number(),
  databaseWriteIndexRows: v.number(),
  storageReadBytes: v.number(),
  storageWriteBytes: v.number(),
  vectorIndexReadBytes: v.number(),
  vectorIndexWriteBytes: v.number(),
  textIndexQueryBytes: v.number(),
  textIndexWriteQueryBytes: v.number(),
  vectorIndexReadQueryBytes: v.number(),
  vectorIndexWriteQueryBytes: v.number(),
  networkEgressBytes: v.number(),
  memoryUsedMb: v.number(),
});

/**
 * What an execution used (all counters; 0 when not measured).
 *
 * @example
 * ```ts
 * declare const stats: UsageStats;
 * stats.databaseReadDocuments;
 * ```
 */
export type UsageStats = v.InferOutput<typeof usageStatsSchema>;

const occInfoSchema = v.object({
  tableName: nullishAsUndefined(v.string()),
  documentId: nullishAsUndefined(v.string()),
  writeSource: nullishAsUndefined(v.string()),
  componentPath: nullishAsUndefined(v.string()),
  retryCount: nullishAsUndefined(v.number()),
});

/**
 * Schema for a finished execution (spec §2.5). Times are in seconds (floats); for queries and
 * mutations the log lines are here, for actions they came in `Progress` entries.
 *
 * @example
 * ```ts
 * const entry: FunctionCompletion = {
 *   kind: 'Completion', udfType: 'Query', identifier: 'messages:list', componentPath: null, logLines: [],
 *   timestamp: 1724300000.5, executionTime: 0.002, error: null, success: null, cachedResult: false,
 *   requestId: 'r1', executionId: 'e1', caller: 'SyncWorker', parentExecutionId: null, usageStats,
 *   returnBytes: null, occInfo: null, willRetry: false, executionTimestamp: 1724300000.498,
 *   identityType: 'None', environment: 'isolate', userExecutionTime: null,
 * };
 * ```
 */
export const functionCompletionSchema = v.object({
  kind: v.literal('Completion'),
  udfType: udfTypeSchema,
  identifier: v.string(),
  componentPath: v.optional(v.nullable(v.string()), null),
  logLines: v.array(functionLogLineSchema),
  timestamp: v.number(),
  executionTime: v.number(),
  userExecutionTime: v.optional(v.nullable(v.number()), null),
  error: v.optional(v.nullable(v.string()), null),
  success: jsonValueOrNullSchema,
  cachedResult: v.boolean(),
  requestId: v.string(),
  executionId: v.string(),
  caller: v.string(),
  parentExecutionId: v.optional(v.nullable(v.string()), null),
  usageStats: usageStatsSchema,
  returnBytes: v.optional(v.nullable(v.number()), null),
  occInfo: v.optional(v.nullable(occInfoSchema), null),
  willRetry: v.boolean(),
  executionTimestamp: v.number(),
  identityType: v.string(),
  environment: v.string(),
});

/**
 * A finished execution.
 *
 * @example
 * ```ts
 * declare const entry: FunctionCompletion;
 * if (entry.error !== null) console.error(entry.identifier, entry.error);
 * ```
 */
export type FunctionCompletion = v.InferOutput<typeof functionCompletionSchema>;

/**
 * Schema for log lines streamed while an action or HTTP action runs.
 *
 * @example
 * ```ts
 * const entry: FunctionProgress = { kind: 'Progress', udfType: 'Action', identifier: 'ai:run', componentPath: null, timestamp: 1724300000.1, logLines: [], requestId: 'r', executionId: 'e' };
 * ```
 */
export const functionProgressSchema = v.object({
  kind: v.literal('Progress'),
  udfType: udfTypeSchema,
  identifier: v.string(),
  componentPath: v.optional(v.nullable(v.string()), null),
  timestamp: v.number(),
  logLines: v.array(functionLogLineSchema),
  requestId: v.string(),
  executionId: v.string(),
});

/**
 * Log lines of a running action.
 *
 * @example
 * ```ts
 * declare const entry: FunctionProgress;
 * entry.logLines.length;
 * ```
 */
export type FunctionProgress = v.InferOutput<typeof functionProgressSchema>;

/**
 * Schema for one `stream_function_logs` entry, told apart by `kind`.
 *
 * @example
 * ```ts
 * v.parse(functionExecutionSchema, entry);
 * ```
 */
export const functionExecutionSchema = v.variant('kind', [
  functionCompletionSchema,
  functionProgressSchema,
]);

/**
 * One `stream_function_logs` entry.
 *
 * @example
 * ```ts
 * declare const entry: FunctionExecution;
 * if (entry.kind === 'Completion') entry.executionTime;
 * ```
 */
export type FunctionExecution = v.InferOutput<typeof functionExecutionSchema>;

/**
 * Schema for the answer of `GET /api/stream_function_logs`: entries after the cursor and the
 * cursor to ask from next.
 *
 * @example
 * ```ts
 * const empty: StreamFunctionLogsResponse = { entries: [], newCursor: 1724300000000 };
 * ```
 */
export const streamFunctionLogsResponseSchema = v.object({
  entries: v.array(functionExecutionSchema),
  newCursor: v.number(),
});

/**
 * The answer of `stream_function_logs`.
 *
 * @example
 * ```ts
 * const empty: StreamFunctionLogsResponse = { entries: [], newCursor: 0 };
 * ```
 */
export type StreamFunctionLogsResponse = v.InferOutput<typeof streamFunctionLogsResponseSchema>;

/**
 * The query of `GET /api/stream_function_logs?cursor=…[&sessionId=…&clientRequestCounter=…]`.
 *
 * @example
 * ```ts
 * const query: StreamFunctionLogsQuery = { cursor: 0 };
 * ```
 */
export type StreamFunctionLogsQuery = {
  readonly cursor: number;
  readonly sessionId?: string;
  readonly clientRequestCounter?: number;
};

/**
 * Reads the query of `GET /api/stream_function_logs`. Throws a `ProtocolError` with code
 * `BadQueryArgs` when `cursor` is missing or not a non-negative number.
 *
 * @example
 * ```ts
 * streamFunctionLogsQueryFromSearchParams(new URLSearchParams('cursor=0')); // { cursor: 0 }
 * ```
 */
export function streamFunctionLogsQueryFromSearchParams(
  params: URLSearchParams,
): StreamFunctionLogsQuery {
  const cursor = nonNegativeNumber(params, 'cursor');
  if (cursor === undefined)
    throw new ProtocolError(
      'BadQueryArgs',
      'stream_function_logs: missing query parameter "cursor"',
    );
  const sessionId = params.get('sessionId') ?? undefined;
  const clientRequestCounter = nonNegativeNumber(params, 'clientRequestCounter');
  return {
    cursor,
    ...(sessionId === undefined ? {} : { sessionId }),
    ...(clientRequestCounter === undefined ? {} : { clientRequestCounter }),
  };
}

function nonNegativeNumber(params: URLSearchParams, name: string): number | undefined {
  const text = params.get(name);
  if (text === null) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0) {
    throw new ProtocolError(
      'BadQueryArgs',
      `stream_function_logs: query parameter "${name}" must be a non-negative number, got ${JSON.stringify(text)}`,
    );
  }
  return value;
}
