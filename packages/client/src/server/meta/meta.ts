import type { FunctionType } from '../api/function-reference.ts';
import type { FunctionVisibility } from '../functions/function-args.ts';

/**
 * How much of one transaction limit is used and how much remains.
 *
 * @example
 * ```ts
 * const { used, remaining }: TransactionMetric = metrics.documentsRead;
 * ```
 */
export type TransactionMetric = {
  used: number;
  remaining: number;
};

/**
 * The usage of every transaction limit so far in this query or mutation.
 *
 * @example
 * ```ts
 * const metrics: TransactionMetrics = await ctx.meta.getTransactionMetrics();
 * ```
 */
export type TransactionMetrics = {
  bytesRead: TransactionMetric;
  bytesWritten: TransactionMetric;
  databaseQueries: TransactionMetric;
  documentsRead: TransactionMetric;
  documentsWritten: TransactionMetric;
  functionsScheduled: TransactionMetric;
  scheduledFunctionArgsBytes: TransactionMetric;
  filesWritten: TransactionMetric;
  fileWriteBytes: TransactionMetric;
  filesRead: TransactionMetric;
  fileReadBytes: TransactionMetric;
};

/**
 * Lower transaction limits for a nested `runQuery`/`runMutation` call.
 *
 * @example
 * ```ts
 * await ctx.runQuery(internal.stats.compute, {}, { transactionLimits: { documentsRead: 1000 } });
 * ```
 */
export interface TransactionLimits {
  bytesRead?: number;
  bytesWritten?: number;
  databaseQueries?: number;
  documentsRead?: number;
  documentsWritten?: number;
  functionsScheduled?: number;
  scheduledFunctionArgsBytes?: number;
  filesWritten?: number;
  fileWriteBytes?: number;
  filesRead?: number;
  fileReadBytes?: number;
}

/**
 * What the running function is.
 *
 * @example
 * ```ts
 * const { name, type } = await ctx.meta.getFunctionMetadata(); // 'messages:send', 'mutation'
 * ```
 */
export type FunctionMetadata = {
  /** The function path, like `"messages:send"`. */
  name: string;
  /** The path of the component it belongs to (`""` for the app). */
  componentPath: string;
  type: FunctionType;
  visibility: FunctionVisibility;
};

/**
 * Which deployment runs the function.
 *
 * @example
 * ```ts
 * const { name, region } = await ctx.meta.getDeploymentMetadata();
 * ```
 */
export type DeploymentMetadata = {
  name: string;
  region: string | null;
  class: 's16' | 's256' | 'd1024' | 'd2048';
};

/**
 * About the request that started the function.
 *
 * @example
 * ```ts
 * const { ip, userAgent } = await ctx.meta.getRequestMetadata();
 * ```
 */
export type RequestMetadata = {
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  /** The scheduled job being run, when the function was started by the scheduler. */
  scheduledFunctionId: string | null;
  /** The caller's raw auth token, if any. */
  authToken: string | null;
};

/**
 * `ctx.meta` in queries.
 *
 * @example
 * ```ts
 * const ts = ctx.meta.getSnapshotTs();
 * ```
 */
export interface QueryMeta {
  getFunctionMetadata(): Promise<FunctionMetadata>;
  getTransactionMetrics(): Promise<TransactionMetrics>;
  getDeploymentMetadata(): Promise<DeploymentMetadata>;
  /** The timestamp of the snapshot the function reads. */
  getSnapshotTs(): bigint;
}

/**
 * `ctx.meta` in mutations.
 *
 * @example
 * ```ts
 * const { requestId } = await ctx.meta.getRequestMetadata();
 * ```
 */
export interface MutationMeta extends QueryMeta {
  getRequestMetadata(): Promise<RequestMetadata>;
}

/**
 * `ctx.meta` in actions.
 *
 * @example
 * ```ts
 * const { name } = await ctx.meta.getFunctionMetadata();
 * ```
 */
export interface ActionMeta {
  getFunctionMetadata(): Promise<FunctionMetadata>;
  getDeploymentMetadata(): Promise<DeploymentMetadata>;
  getRequestMetadata(): Promise<RequestMetadata>;
}
